"""Recording attendance of people already registered, on a phone (360 × 740): type part of the name, tap "Catat
hadir", and stay on the same page ready for the next one; nothing about the person is typed again."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from desabinaan.events import services as events
from desabinaan.events.models import Attendance, TargetGroup, Topic
from desabinaan.people import services as people
from desabinaan.people.models import LawfulBasis, Person, Purpose

from .helpers import assert_accessible_basics, assert_fits_phone
from .test_accessibility import _violations, axe_source  # noqa: F401 (fixture)

NAMES = ["Siti Aminah", "Rudi Hartono", "Wati Lestari"]


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    if not TargetGroup.objects.exists():
        importlib.import_module("desabinaan.events.migrations.0002_fill_reference_data").fill(apps, None)


@pytest.fixture
def event(world):
    start = timezone.now() - dt.timedelta(minutes=20)
    return events.event_create(
        actor=world.ani,
        title="Sosialisasi bahaya calo",
        village=world.tebat_monok,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        target_groups=TargetGroup.objects.filter(code="umum"),
        topics=Topic.objects.filter(code="tppo"),
    )


@pytest.fixture
def registered(world):
    persons = []
    for i, name in enumerate(NAMES):
        person = people.person_create(
            actor=world.budi,
            name=name,
            sex="F" if i != 1 else "M",
            birth_year=1990 + i,
            village=world.tebat_monok,
            phone=f"08123456780{i}",
        )
        people.consent_record(
            actor=world.budi,
            person=person,
            purpose=Purpose.EDUCATION,
            lawful_basis=LawfulBasis.CONSENT,
            purpose_text="teks baku",
        )
        persons.append(person)
    return persons


def _pick(page, typed: str, person) -> None:
    search = page.get_by_label("Cari orang terdaftar")
    search.fill("")
    search.press_sequentially(typed, delay=15)
    result = page.locator(f'[data-candidate="{person.pk}"]')
    result.wait_for()
    button = result.get_by_role("button", name="Catat hadir")
    button.scroll_into_view_if_needed()
    button.click()
    page.wait_for_load_state()
    page.locator(".msg", has_text=f"{person.name} dicatat hadir.").wait_for()


def test_a_liaison_picks_registered_people_and_records_them_on_a_phone(
    page,
    world,
    sign_in,
    screenshot,
    event,
    registered,
    axe_source,  # noqa: F811
):
    sign_in(page, world.budi)
    page.goto(f"/sosialisasi/{event.pk}/hadir/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    assert page.get_by_label(
        "Cari orang terdaftar"
    ).is_visible()  # the first thing to use, in the first screen

    _pick(page, "siti", registered[0])  # by name
    assert page.url.endswith(f"/sosialisasi/{event.pk}/hadir/")  # stays on the page, ready for the next
    _pick(page, "0812 3456 7801", registered[1])  # by phone
    page.get_by_label("Cari orang terdaftar").press_sequentially("wati les", delay=15)
    page.locator(f'[data-candidate="{registered[2].pk}"]').wait_for()
    screenshot(page, "attendance-picker-phone")
    _pick(page, "wati les", registered[2])
    assert_fits_phone(page)
    assert not _violations(page, axe_source)

    attended = set(Attendance.objects.filter(event=event).values_list("person__name", flat=True))
    assert attended == set(NAMES)
    assert Person.objects.count() == 3  # nobody registered twice

    search = page.get_by_label("Cari orang terdaftar")
    search.press_sequentially("siti", delay=15)
    page.locator(f'[data-candidate="{registered[0].pk}"] [data-already]').wait_for()
    assert_fits_phone(page)
