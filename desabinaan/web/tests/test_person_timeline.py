"""A person's history in one timeline: newest first, each item scoped, the read access-logged, and a fixed number
of queries whatever the length of the history."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from desabinaan.audit.models import AccessEntry
from desabinaan.events.models import Attendance, Event, QuizResponse
from desabinaan.passport.services import readiness_check_create
from desabinaan.people.models import Person
from desabinaan.protection.services import referral_create, screening_create, screening_decide
from desabinaan.web import timeline

KINDS_NEWEST_FIRST = ["referral", "decision", "screening", "readiness", "quiz", "event"]


def url(person) -> str:
    return f"/riwayat/orang/{person.pk}/"


@pytest.fixture
def person(world):
    return Person.objects.create(
        name="Sari Riwayat", name_key="sari riwayat", sex="F", birth_year=1998, village=world.tebat_monok
    )


def add_history(world, person, *, n: int = 1) -> None:
    """n items of each kind, created oldest kind first: events, quizzes, checks, screenings, decisions, referrals."""
    for i in range(n):
        starts = timezone.now() - dt.timedelta(days=30 + i)
        event = Event.objects.create(
            title=f"Sosialisasi {i}",
            village=world.tebat_monok,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
        )
        attendance = Attendance.objects.create(event=event, person=person)
        QuizResponse.objects.create(
            event=event, phase="pre", attendance=attendance, source="paper", score=3, total=5
        )
    for _ in range(n):
        readiness_check_create(
            actor=world.fajar, person=person, purpose="tourism", confirm_without_consent=True
        )
    screenings = [
        screening_create(
            actor=world.fajar, person=person, purpose="work", destination_country="Malaysia", answers={}
        )
        for _ in range(n)
    ]
    for screening in screenings:
        screening_decide(actor=world.fajar, screening=screening, kind="proceed", rationale="Dokumen lengkap")
    for screening in screenings:
        referral_create(
            actor=world.fajar, screening=screening, to_village=True, action="education", reason="Edukasi"
        )


def kinds(page: str) -> list[str]:
    return re.findall(r'data-kind="(\w+)"', page)


def test_it_shows_every_kind_newest_first(world, login, person):
    add_history(world, person)
    response = login(world.fajar).get(url(person))
    assert response.status_code == 200
    assert kinds(response.content.decode()) == KINDS_NEWEST_FIRST


def test_the_person_page_loads_it_as_a_fragment(world, login, person):
    add_history(world, person)
    client = login(world.fajar)
    page = client.get(f"/orang/{person.pk}/").content.decode()
    assert f'hx-get="{url(person)}"' in page
    fragment = client.get(url(person), headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and kinds(fragment) == KINDS_NEWEST_FIRST


def test_each_item_is_scoped(world, login, person):
    # The village liaison sees the events, the check and the village referral, never the interview or decision.
    add_history(world, person)
    assert kinds(login(world.budi).get(url(person)).content.decode()) == [
        "referral",
        "readiness",
        "quiz",
        "event",
    ]


def test_it_validates_scope(world, login, person):
    add_history(world, person)
    assert login(world.citra).get(url(person)).status_code == 404
    assert login(world.dewi).get(url(person)).status_code == 404
    assert not AccessEntry.objects.filter(person=person, actor__in=[world.citra, world.dewi]).exists()


def test_the_read_is_access_logged(world, login, person):
    login(world.budi).get(url(person))
    entry = AccessEntry.objects.get(person=person, purpose=timeline.ACCESS_PURPOSE)
    assert entry.actor == world.budi and entry.channel == "web"


def test_it_is_capped_with_see_more(world, login, person):
    add_history(world, person, n=4)
    client = login(world.fajar)
    first = client.get(url(person), {"limit": 5}).content.decode()
    assert len(kinds(first)) == 5 and f'hx-get="{url(person)}?limit=25"' in first
    everything = client.get(url(person), {"limit": 200}).content.decode()
    assert len(kinds(everything)) == 24 and "hx-get" not in everything


def test_the_query_count_does_not_grow_with_the_history(world, login, person):
    client = login(world.fajar)
    add_history(world, person, n=1)
    with CaptureQueriesContext(connection) as short:
        client.get(url(person))
    add_history(world, person, n=6)
    with CaptureQueriesContext(connection) as long:
        client.get(url(person))
    assert len(long) == len(short)
    # Session and user, the person, six kinds, the access log entry: well under this bound.
    assert len(long) <= 16
