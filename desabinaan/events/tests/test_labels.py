"""Codes reach the attendance list and the attendance form only through their labels."""

from django.urls import reverse

from desabinaan.events import services
from desabinaan.events.forms import AttendanceForm

from .conftest import attendee


def test_an_attendance_sent_by_api_reads_as_another_application(world, login, event):
    services.attendance_record(
        actor=world.ani, event=event, village=world.tebat_monok, source="api", **attendee()
    )
    html = login(world.ani).get(reverse("events:attendance", args=[event.pk])).content.decode()
    assert "aplikasi lain (API)" in html
    assert "<td>API</td>" not in html


def test_the_target_group_select_has_a_readable_empty_choice(db):
    html = str(AttendanceForm())
    assert "— pilih —" in html
    assert "---------" not in html
