"""Hostile characters in NIKs, codes and names: refused with a field and a clear message, never a 500."""

import pytest
from django.core.exceptions import ValidationError

from desabinaan.core import validators as cv
from desabinaan.people.models import Person
from lib import nik as nik_lib
from lib import text as text_lib

from .conftest import MALE_NIK

# 1771011205900001 as Arabic-Indic digits, with a superscript two, and in full-width digits.
NIK_SPELLINGS = [
    "".join(chr(0x0660 + int(d)) for d in MALE_NIK),
    "17710112059²0001",
    "".join(chr(0xFF10 + int(d)) for d in MALE_NIK),
]


def _api(client, **overrides):
    body = {"name": "Andi", "birth_date": "1990-05-12", "sex": "M", "village_code": "17.08.04.2002"}
    return client.post("/api/v1/people", {**body, **overrides}, content_type="application/json")


@pytest.mark.parametrize("nik", NIK_SPELLINGS)
def test_the_api_answers_422_on_the_nik_field_for_non_ascii_digits(world, login, nik):
    response = _api(login(world.fajar), nik=nik)
    assert response.status_code == 422
    assert response.json()["field"] == "nik"
    assert response.json()["code"] == nik_lib.NOT_DIGITS
    assert not Person.objects.exists()


def test_the_ascii_spelling_still_registers(world, login):
    assert _api(login(world.fajar), nik=MALE_NIK).status_code == 201


def test_a_village_code_in_other_digits_is_a_422_on_its_field(world, login):
    response = _api(login(world.fajar), village_code="١٧.٠٨.٠٤.٢٠٠٢")
    assert response.status_code == 422
    assert response.json()["field"] == "village_code"
    assert response.json()["code"] == text_lib.NOT_ASCII_DIGITS


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Andi\u202eikswo", text_lib.BIDI_OVERRIDE),
        ("Andi\u2067x", text_lib.BIDI_OVERRIDE),
        ("\u200b\u200c\u200d", text_lib.INVISIBLE_ONLY),
        ("An\x07di", text_lib.CONTROL_CHARACTER),
    ],
)
def test_the_api_refuses_names_with_hostile_characters(world, login, name, code):
    response = _api(login(world.fajar), name=name)
    assert response.status_code == 422
    assert response.json()["field"] == "name"
    assert response.json()["code"] == code
    assert not Person.objects.exists()


def test_the_service_refuses_a_name_with_a_control_character_on_the_name_field(make_person):
    with pytest.raises(ValidationError) as exc:
        make_person("Rina\x1bMarlina")
    assert exc.value.message_dict["name"] == [str(cv.TEXT_MESSAGES[text_lib.CONTROL_CHARACTER])]


def test_names_are_stored_in_nfc(make_person):
    person = make_person("Rene\u0301 Marlina")
    assert person.name == "Ren\u00e9 Marlina"


def test_free_text_longer_than_the_bound_is_a_422(world, login, make_person):
    person = make_person("Andi", sex="M")
    response = login(world.ani).post(
        "/api/v1/screenings",
        {
            "person_id": person.pk,
            "purpose": "work",
            "destination_country": "MY",
            "answers": {},
            "notes": "x" * (cv.FREE_TEXT_MAX_LENGTH + 1),
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] == "notes"
