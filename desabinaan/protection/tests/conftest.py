import datetime as dt
from pathlib import Path

import pytest

from desabinaan.people.models import Person
from desabinaan.protection.services import agencies_import, referral_create, report_submit, screening_create

DEMO_CSV = Path(__file__).resolve().parents[1] / "fixtures" / "p3mi_demo_synthetic.csv"

# Answers that raise the level to "high" under the default indicator set (4 + 3 + 3 = 10 ≥ 7).
RISKY = {"upfront_money_or_debt": "yes", "recruited_by_broker": "yes", "work_without_disnaker": "yes"}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_person(world, *, name="Sari Sintetis", village=None, sex="F", birth_date=dt.date(1999, 4, 2)):
    return Person.objects.create(
        name=name,
        name_key=name.lower(),
        sex=sex,
        birth_date=birth_date,
        birth_year=birth_date.year,
        village=village or world.tebat_monok,
    )


@pytest.fixture
def applicant(world):
    return make_person(world)


@pytest.fixture
def bandung_applicant(world):
    return make_person(world, name="Rina Sintetis", village=world.bandung_village)


def screen(world, person, *, actor=None, answers=None, **fields):
    values = {"purpose": "tourism", "destination_country": "Malaysia"}
    values.update(fields)
    return screening_create(
        actor=actor or world.fajar,
        person=person,
        answers=RISKY if answers is None else answers,
        evidence={"recruited_by_broker": "Diantar Pak X, catatan wawancara RAHASIA-EVIDENCE"},
        notes="Catatan RAHASIA-NOTES",
        **values,
    )


@pytest.fixture
def screening(world, applicant):
    return screen(world, applicant, sponsor_name="Pak Calo", sponsor_phone="0812-1111-2222")


@pytest.fixture
def village_referral(world, screening):
    return referral_create(
        actor=world.fajar, screening=screening, to_village=True, action="visit", reason="Kunjungi keluarga"
    )


@pytest.fixture
def agency_referral(world, screening):
    return referral_create(
        actor=world.fajar, screening=screening, agency=world.agency, action="assessment", reason="Cek rekom"
    )


@pytest.fixture
def report(world):
    return report_submit(
        category="recruiter",
        description="Ada calo menawarkan kerja di Kamboja",
        village=world.tebat_monok,
        involved=[{"name": "Pak Calo", "phone": "+62 812 1111 2222"}],
    )


@pytest.fixture
def agencies(world):
    return agencies_import(actor=world.admin, text=DEMO_CSV.read_text())
