"""Phone numbers in attendance (issue 14): stored as E.164 whatever their separators, found by the picker however
they are typed, and a sign-in sheet row with a number that is not one is reported on its column."""

from django.urls import reverse

from desabinaan.events import services
from desabinaan.people import services as people
from desabinaan.people import validation as pv
from desabinaan.people.models import Consent, LawfulBasis, Person, Purpose

from .test_attendance_import import _sheet


def _registered(world, phone):
    person = people.person_create(
        actor=world.budi, name="Siti Aminah", sex="F", birth_year=1995, village=world.tebat_monok, phone=phone
    )
    people.consent_record(
        actor=world.budi,
        person=person,
        purpose=Purpose.EDUCATION,
        lawful_basis=LawfulBasis.CONSENT,
        purpose_text="t",
    )
    return person


def _search(client, event, q):
    return client.post(
        reverse("events:attend_search", args=[event.pk]), {"q": q}, headers={"HX-Request": "true"}
    )


def test_a_number_registered_with_separators_is_found_typed_as_digits(world, login, event):
    siti = _registered(world, "0812-3456-7890")
    client = login(world.budi)
    for typed in ("081234567890", "0812 3456", "+62 812-3456-7890", "6281234567890"):
        assert f'data-candidate="{siti.pk}"' in _search(client, event, typed).content.decode(), typed
    assert "data-candidate" not in _search(client, event, "0813 3456").content.decode()


def test_the_picker_finds_only_within_the_users_scope_by_phone(world, login, event, other_event):
    _registered(world, "0812-3456-7890")
    assert _search(login(world.citra), event, "081234567890").status_code == 404
    assert "data-candidate" not in _search(login(world.citra), other_event, "081234567890").content.decode()


def test_a_sheet_row_stores_the_number_as_e164_and_a_bad_number_is_reported_on_its_column(world, event):
    village = event.village_id
    rows = [
        ["Rudi Hartono", "L", 1990, village, "", "", "0812 3456 7890", "ya"],  # row 2
        ["Sari", "P", 1991, village, "", "", "nomor RT", "ya"],  # row 3
    ]
    report = services.attendance_import_sheet(actor=world.ani, event=event, source=_sheet(rows))
    assert Person.objects.get(name="Rudi Hartono").phone == "+6281234567890"
    assert report.errors == [
        {"row": 3, "name": "Sari", "column": "Telepon", "message": str(pv.PHONE_INVALID)}
    ]
    assert not Person.objects.filter(name="Sari").exists() and Consent.objects.count() == 1
