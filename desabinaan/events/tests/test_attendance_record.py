"""Attendance tied to persons: idempotent per client_id, one row per person, dedup through the registry."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance
from desabinaan.people import validation as pv
from desabinaan.people.models import Consent, Person

from .conftest import attendee

VALID_NIK = "1708044506950001"  # district 17.08.04, woman born 05-06-1995


def _post(client, event, **overrides):
    body = {"client_id": str(uuid.uuid4()), "village_code": event.village_id, **attendee(), **overrides}
    return client.post(f"/api/v1/events/{event.pk}/attendance", body, content_type="application/json")


def test_it_returns_the_same_record_for_a_client_id_already_received(world, login, event):
    client = login(world.ani)
    client_id = str(uuid.uuid4())
    first = _post(client, event, client_id=client_id)
    again = _post(client, event, client_id=client_id)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["client_id"] == client_id
    assert Attendance.objects.filter(event=event).count() == 1
    assert Person.objects.count() == 1


def test_it_records_consent_with_the_purpose_text(world, login, event):
    assert _post(login(world.budi), event).status_code == 201
    consent = Consent.objects.get()
    assert consent.purpose == "education"
    assert consent.purpose_text == str(v.CONSENT_PURPOSE_TEXT)
    assert consent.collected_by == world.budi


def test_it_refuses_without_consent(world, login, event):
    response = _post(login(world.ani), event, consent=False)
    assert response.status_code == 422
    assert response.json()["detail"] == str(v.CONSENT_REQUIRED)
    assert not Person.objects.exists()


def test_it_requires_a_guardian_for_a_minor(world, login, event):
    client = login(world.ani)
    response = _post(client, event, birth_year=2012)
    assert response.status_code == 422
    assert response.json()["detail"] == str(pv.GUARDIAN_REQUIRED)
    assert not Person.objects.exists()  # rolled back with the refused consent
    ok = _post(client, event, birth_year=2012, guardian_name="Hartono", guardian_relation="ayah")
    assert ok.status_code == 201
    assert Consent.objects.get().guardian_name == "Hartono"


def test_it_rejects_an_invalid_nik_without_echoing_it(world, login, event):
    response = _post(login(world.ani), event, nik="1708041306950001")  # a man's birth day for a woman
    assert response.status_code == 422
    assert response.json()["code"] == "sex_mismatch"
    assert "1708041306950001" not in response.content.decode()


def test_it_links_the_registered_person_on_an_exact_nik(world, login, event, make_event):
    client = login(world.ani)
    assert _post(client, event, nik=VALID_NIK).status_code == 201
    later = make_event(title="Kedua")
    response = _post(client, later, nik=VALID_NIK, name="Siti A.")
    assert response.status_code == 201
    assert Person.objects.count() == 1
    assert response.json()["nik_masked"] == "1708********0001"


def test_it_reuses_a_person_with_the_same_name_key_birth_year_and_village(world, login, event, make_event):
    client = login(world.ani)
    assert _post(client, event, name="Muhammad Rizki").status_code == 201
    later = make_event(title="Kedua")
    assert _post(client, later, name="Moh. Rizki").status_code == 201
    assert Person.objects.count() == 1
    assert Consent.objects.count() == 1  # consent for education already on record
    # Another birth year is another person.
    assert _post(client, later, name="Muhammad Rizki", birth_year=1980).status_code == 201
    assert Person.objects.count() == 2


def test_it_answers_409_when_the_person_already_attends_under_another_client_id(world, login, event):
    client = login(world.ani)
    first = _post(client, event)
    second = _post(client, event)
    assert second.status_code == 409
    assert second.json()["existing_id"] == first.json()["id"]


def test_the_database_allows_one_attendance_per_person_and_event(world, event):
    attendance, _ = services.attendance_record(
        actor=world.ani, event=event, village=event.village, **attendee()
    )
    with pytest.raises(IntegrityError):
        Attendance.objects.create(event=event, person=attendance.person)


def test_it_refuses_attendees_from_villages_outside_a_liaisons_scope(world, login, event):
    response = _post(login(world.budi), event, village_code=world.other_village.code)
    assert response.status_code == 403


def test_it_refuses_read_only_users(world, event):
    with pytest.raises(PermissionDenied):
        services.attendance_record(actor=world.eka, event=event, village=event.village, **attendee())


def test_it_validates_birth_data(world, event):
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=world.ani, event=event, village=event.village, **attendee(birth_year=None)
        )


def test_the_capture_page_records_without_javascript(world, login, event):
    client = login(world.budi)
    response = client.post(
        f"/sosialisasi/{event.pk}/hadir/",
        {"name": "Dodi", "sex": "M", "birth_year": "1990", "village": event.village_id, "consent": "on"},
    )
    assert response.status_code == 302
    assert Attendance.objects.get().source == "form"


def test_the_attendance_list_has_a_bounded_query_count(world, login, event, django_assert_max_num_queries):
    for i in range(15):
        services.attendance_record(
            actor=world.ani,
            event=event,
            village=event.village,
            **attendee(name=f"Orang {i}", birth_year=1970 + i),
        )
    client = login(world.ani)
    with django_assert_max_num_queries(20):
        response = client.get(f"/sosialisasi/{event.pk}/peserta/")
    assert response.content.decode().count("data-attendee") == 15
    with django_assert_max_num_queries(15):
        api = client.get(f"/api/v1/events/{event.pk}/attendance")
    assert api.json()["count"] == 15
