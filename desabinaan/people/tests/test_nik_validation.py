import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from desabinaan.people import validation as v
from desabinaan.people.models import Person
from desabinaan.people.services import person_create
from lib import nik as nik_lib

from .conftest import BIRTH, FEMALE_NIK, MALE_NIK

INVALID = [
    # (nik, sex, birth date, lib code)
    ("177101120590001", "M", BIRTH, nik_lib.WRONG_LENGTH),
    ("17710112059000012", "M", BIRTH, nik_lib.WRONG_LENGTH),
    ("1771013205900001", "M", BIRTH, nik_lib.BAD_DATE),
    ("1771011213900001", "M", BIRTH, nik_lib.BAD_DATE),
    ("9999011205900001", "M", BIRTH, nik_lib.UNKNOWN_REGION),
    ("1771011205900001", "F", BIRTH, nik_lib.SEX_MISMATCH),
    ("1771015205900002", "M", BIRTH, nik_lib.SEX_MISMATCH),
    ("1771011205900001", "M", dt.date(1990, 5, 13), nik_lib.BIRTH_DATE_MISMATCH),
    ("1771011205900001", "M", dt.date(1991, 5, 12), nik_lib.BIRTH_DATE_MISMATCH),
]


def test_every_lib_error_code_has_an_indonesian_message():
    codes = {value for name, value in vars(nik_lib).items() if name.isupper() and isinstance(value, str)}
    assert codes == set(v.NIK_MESSAGES)


@pytest.mark.parametrize(("nik", "sex", "birth", "code"), INVALID)
def test_it_rejects_invalid_nik(world, nik, sex, birth, code):
    with pytest.raises(ValidationError) as info:
        person_create(
            actor=world.fajar, name="Andi", nik=nik, sex=sex, birth_date=birth, village=world.tebat_monok
        )
    error = info.value.error_dict["nik"][0]
    assert error.code == code
    assert error.message == v.NIK_MESSAGES[code]
    assert not Person.objects.exists()


def test_it_accepts_a_valid_nik_for_each_sex(world):
    man = person_create(
        actor=world.fajar, name="Andi", nik=MALE_NIK, sex="M", birth_date=BIRTH, village=world.tebat_monok
    )
    woman = person_create(
        actor=world.fajar, name="Ani", nik=FEMALE_NIK, sex="F", birth_date=BIRTH, village=world.tebat_monok
    )
    assert man.nik_masked == "1771********0001"
    assert woman.nik_masked == "1771********0002"


@pytest.mark.parametrize("day", [41, 60, 71])
def test_it_accepts_days_41_to_71_for_women(world, day):
    birth = dt.date(1990, 1, day - 40)
    nik = f"177101{day:02d}0190" + "0007"
    person = person_create(
        actor=world.fajar, name="Sari", nik=nik, sex="F", birth_date=birth, village=world.tebat_monok
    )
    assert person.has_nik


def test_it_checks_the_year_when_only_the_year_is_known(world):
    with pytest.raises(ValidationError) as info:
        person_create(
            actor=world.fajar, name="Andi", nik=MALE_NIK, sex="M", birth_year=1991, village=world.tebat_monok
        )
    assert info.value.error_dict["nik"][0].code == nik_lib.BIRTH_DATE_MISMATCH


def _post(client, **overrides):
    body = {
        "name": "Andi",
        "nik": MALE_NIK,
        "birth_date": "1990-05-12",
        "sex": "M",
        "village_code": "17.08.04.2002",
    }
    body.update(overrides)
    return client.post("/api/v1/people", body, content_type="application/json")


@pytest.mark.parametrize(("nik", "sex", "birth", "code"), INVALID)
def test_the_api_answers_422_with_the_reason(world, login, nik, sex, birth, code):
    response = _post(login(world.fajar), nik=nik, sex=sex, birth_date=birth.isoformat())
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "nik"
    assert body["code"] == code
    assert body["detail"] == str(v.NIK_MESSAGES[code])
    assert nik not in response.content.decode()


def test_the_api_accepts_a_woman_with_day_plus_40(world, login):
    response = _post(login(world.fajar), nik=FEMALE_NIK, sex="F")
    assert response.status_code == 201
    assert response.json()["nik_masked"] == "1771********0002"


def test_the_web_form_shows_the_reason(world, login):
    response = login(world.fajar).post(
        "/orang/baru/",
        {
            "name": "Andi",
            "nik": "1771011205900001",
            "birth_date": "1990-05-12",
            "sex": "F",
            "village": "17.08.04.2002",
        },
    )
    assert response.status_code == 200
    assert str(v.NIK_MESSAGES[nik_lib.SEX_MISMATCH]) in response.content.decode()
    assert not Person.objects.exists()
