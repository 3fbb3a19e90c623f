"""Self check-in by QR code / short link: open only during the event, rate limited per address."""

import datetime as dt

from django.utils import timezone

from desabinaan.core.validators import CODE_NOT_DIGITS
from desabinaan.events import views_public
from desabinaan.events.models import Attendance, RateBucket
from desabinaan.people import validation as people_validation
from lib import nik as nik_lib

FORM = {"name": "Rina", "sex": "F", "birth_year": "1990", "consent": "on"}


def test_an_attendee_checks_in_without_an_account(client, event):
    response = client.post(f"/sosialisasi/c/{event.checkin_code}/", {**FORM, "village": event.village_id})
    assert response.status_code == 302
    attendance = Attendance.objects.get()
    assert (attendance.source, attendance.recorded_by) == ("self", None)
    page = client.get(f"/sosialisasi/c/{event.checkin_code}/").content.decode()
    assert "data-checked-in" in page


def test_checking_in_twice_keeps_one_row(client, event):
    for _ in range(2):
        client.post(f"/sosialisasi/c/{event.checkin_code}/", {**FORM, "village": event.village_id})
    assert Attendance.objects.count() == 1


def test_check_in_closes_when_the_event_ends(client, make_event):
    ended = make_event(starts_at=timezone.now() - dt.timedelta(hours=5))
    response = client.post(f"/sosialisasi/c/{ended.checkin_code}/", {**FORM, "village": ended.village_id})
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_check_in_opens_an_hour_before_the_start(client, make_event):
    tomorrow = make_event(starts_at=timezone.now() + dt.timedelta(days=1))
    assert client.get(f"/sosialisasi/c/{tomorrow.checkin_code}/").status_code == 403
    soon = make_event(starts_at=timezone.now() + dt.timedelta(minutes=30), title="Segera")
    assert client.get(f"/sosialisasi/c/{soon.checkin_code}/").status_code == 200


def test_it_rate_limits_posts_per_address(client, event, monkeypatch):
    monkeypatch.setattr(views_public, "CHECKIN_RATE", (2, 600))
    url = f"/sosialisasi/c/{event.checkin_code}/"
    statuses = [
        client.post(url, {**FORM, "name": f"Orang {i}", "village": event.village_id}).status_code
        for i in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Attendance.objects.count() == 2
    assert RateBucket.objects.get().count == 3


def test_the_rate_counter_never_stores_the_client_address(client, event):
    client.post(
        f"/sosialisasi/c/{event.checkin_code}/", {**FORM, "village": event.village_id}, REMOTE_ADDR="10.9.8.7"
    )
    key = RateBucket.objects.get().key
    assert key.startswith("checkin:")
    assert "10.9.8.7" not in key


def test_an_unknown_code_is_not_found(client, db):
    assert client.get("/sosialisasi/c/tidakada/").status_code == 404


def test_the_event_page_shows_a_qr_code_and_the_short_link(world, login, event):
    page = login(world.ani).get(f"/sosialisasi/{event.pk}/").content.decode()
    assert 'src="data:image/svg+xml' in page
    assert f"/sosialisasi/c/{event.checkin_code}/" in page


def test_a_nik_with_a_superscript_digit_is_a_form_error_not_a_500(client, event):
    response = client.post(
        f"/sosialisasi/c/{event.checkin_code}/",
        {**FORM, "village": event.village_id, "nik": "17080412059²0009"},
    )
    assert response.status_code == 200
    assert str(people_validation.NIK_MESSAGES[nik_lib.NOT_DIGITS]) in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_village_code_in_other_digits_is_a_form_error(client, event):
    response = client.post(f"/sosialisasi/c/{event.checkin_code}/", {**FORM, "village": "١٧.٠٨.٠٤.٢٠٠٢"})
    assert response.status_code == 200
    assert str(CODE_NOT_DIGITS) in response.content.decode()
    assert not Attendance.objects.exists()
