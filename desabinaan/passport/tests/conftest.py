import datetime as dt

import pytest
from django.utils import timezone

from desabinaan.passport import selectors
from desabinaan.people.models import Consent
from desabinaan.people.services import person_create

BASE_ANSWERS = {
    "purpose": "tourism",
    "case": "new",
    "birth_date": "1990-01-01",
    "married": False,
    "electronic": False,
    "validity_years": 10,
    "same_day": False,
    "force_majeure": False,
    "on": "2025-06-01",
}


@pytest.fixture
def guide(db):
    """The guide (API shape) for BASE_ANSWERS overridden by keyword arguments, from the rules in the database."""

    def _guide(**answers):
        return selectors.guide_out(
            selectors.guide_for(answers=selectors.answers_from(BASE_ANSWERS | answers))
        )

    return _guide


# Readiness checks and collective requests --------------------------------------------------------------------

_serial = iter(range(1, 10_000))


def nik_for(village, birth_date: dt.date, sex: str) -> str:
    """A structurally valid synthetic NIK: the village's district, the birth date (+40 for women), a serial."""
    day = birth_date.day + (40 if sex == "F" else 0)
    return f"{village.code[:8].replace('.', '')}{day:02d}{birth_date:%m%y}{next(_serial):04d}"


@pytest.fixture
def make_person(world):
    """`make_person(name, village=Tebat Monok, birth_date=1995-03-04, sex="F", nik=True, consent=True)` → a
    registered person, with a standing passport-assistance consent unless `consent=False`."""

    def _make(
        name,
        *,
        village=None,
        birth_date=dt.date(1995, 3, 4),
        birth_year=None,
        sex="F",
        nik=True,
        consent=True,
    ):
        village = village or world.tebat_monok
        person = person_create(
            actor=None,
            name=name,
            nik=nik_for(village, birth_date, sex) if nik and birth_date else None,
            birth_date=birth_date,
            birth_year=birth_year,
            sex=sex,
            village=village,
            allow_probable_duplicates=True,
        )
        if consent:
            Consent.objects.create(
                person=person, purpose="passport", lawful_basis="consent", given_at=timezone.now()
            )
        return person

    return _make


@pytest.fixture
def siti(make_person):
    return make_person("Siti Aminah")
