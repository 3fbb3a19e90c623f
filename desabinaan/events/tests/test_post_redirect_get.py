"""Post/redirect/get in the data-entry flows: every POST that writes answers with a redirect to a page read by GET,
so reloading the page after saving never records twice; list pages cost a fixed number of queries."""

import pytest
from django.urls import reverse

from desabinaan.events.models import Attendance
from desabinaan.people import services as people
from desabinaan.people.models import Person

from .conftest import attendee
from .test_attendance_import import _sheet


def _person(world, name):
    return people.person_create(
        actor=world.admin,
        name=name,
        sex="F",
        birth_year=1990,
        village=world.tebat_monok,
        allow_probable_duplicates=True,
    )


def test_every_write_in_the_attendance_flow_redirects_to_a_get_page(world, login, event):
    client = login(world.budi)
    attend = reverse("events:attend", args=[event.pk])
    typed = client.post(attend, {**attendee(), "village": event.village_id, "consent": "on"})
    assert typed.status_code == 302 and typed["Location"] == attend
    assert client.get(typed["Location"]).status_code == 200  # the reload is a GET: nothing recorded again
    rina = _person(world, "Rina Marlina")
    picked = client.post(reverse("events:attend_pick", args=[event.pk]), {"person": rina.pk, "consent": "on"})
    assert picked.status_code == 302 and picked["Location"] == attend
    attendance = Attendance.objects.get(person=rina)
    listing = reverse("events:attendance", args=[event.pk])
    edited = client.post(
        reverse("events:attendance_edit", args=[event.pk, attendance.pk]), {"target_group": ""}
    )
    assert edited.status_code == 302 and edited["Location"] == listing
    removed = client.post(reverse("events:attendance_remove", args=[event.pk, attendance.pk]))
    assert removed.status_code == 302 and removed["Location"] == listing
    upload = client.post(
        reverse("events:import", args=[event.pk]),
        {"file": _sheet([["Wati", "P", 1979, "Tebat Monok", "", "", "", "ya"]])},
    )
    assert upload.status_code == 302 and "/impor/" in upload["Location"]
    assert Attendance.objects.filter(event=event).count() == 2  # the typed one and Wati


def test_the_consent_form_redirects_after_saving(world, login):
    rina = _person(world, "Rina Marlina")
    response = login(world.budi).post(f"/orang/{rina.pk}/persetujuan/", {"purposes": ["education"]})
    assert response.status_code == 302 and response["Location"] == f"/orang/{rina.pk}/"


@pytest.mark.parametrize("size", [2, 40])
def test_the_attendance_list_costs_the_same_queries_whatever_its_length(
    world, login, event, django_assert_max_num_queries, size
):
    for i in range(size):
        person = _person(world, f"Peserta {i:03d}")
        Attendance.objects.create(event=event, person=person)
    client = login(world.ani)
    url = reverse("events:attendance", args=[event.pk])
    client.get(url)
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert response.content.decode().count("data-attendee") == size
    assert Person.objects.count() == size
