import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.utils import timezone
from pypdf import PdfReader

from desabinaan.events.models import Attendance
from desabinaan.events.services import event_create
from desabinaan.people.models import Person
from desabinaan.protection.services import referral_create, screening_create


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_person(world, *, name="Sari Sintetis", village=None, birth_date=dt.date(1999, 4, 2)):
    return Person.objects.create(
        name=name,
        name_key=name.lower(),
        sex="F",
        birth_date=birth_date,
        birth_year=birth_date.year,
        village=village or world.tebat_monok,
        phone="081234567890",
    )


def attend(world, person, *, title="Sosialisasi Bahaya TPPO", days_ago=10, village=None):
    event = event_create(
        actor=world.fajar,
        title=title,
        village=village or person.village,
        starts_at=timezone.now() - dt.timedelta(days=days_ago),
    )
    return Attendance.objects.create(event=event, person=person, recorded_by=world.fajar)


def screen_and_refer(world, person):
    screening = screening_create(
        actor=world.fajar,
        person=person,
        answers={},
        evidence={},
        notes="",
        purpose="work",
        destination_country="Malaysia",
    )
    referral = referral_create(
        actor=world.fajar,
        screening=screening,
        agency=world.agency,
        action="assessment",
        reason="Periksa agen",
    )
    return screening, referral


@pytest.fixture
def sari(world):
    return make_person(world)


@pytest.fixture
def case(world, sari):
    """Sari attended an event in her village and was screened and referred to Disnaker."""
    attendance = attend(world, sari)
    screening, referral = screen_and_refer(world, sari)
    return SimpleNamespace(person=sari, attendance=attendance, screening=screening, referral=referral)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
