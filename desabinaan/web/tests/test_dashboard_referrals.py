"""The dashboard tells each party how many referrals wait for them, and never another party's."""

import datetime as dt

import time_machine
from django.urls import reverse

from desabinaan.people.services import person_create
from desabinaan.protection.services import referral_create, screening_create


def _referral(world, **target):
    person = person_create(
        actor=world.fajar,
        name="Sari Sintetis",
        sex="F",
        birth_date=dt.date(1999, 4, 2),
        village=world.tebat_monok,
    )
    screening = screening_create(
        actor=world.fajar,
        person=person,
        answers={},
        evidence={},
        notes="",
        purpose="tourism",
        destination_country="Malaysia",
    )
    return referral_create(actor=world.fajar, screening=screening, reason="Tindak lanjut", **target)


def _figure(client):
    response = client.get(reverse("web:dashboard"))
    counts = {
        item.kind: item.count for item in [*response.context["inbox"], *response.context["inbox_clear"]]
    }
    return {"open": counts["referrals_open"], "overdue": counts["referrals_overdue"]}


def test_it_counts_the_referrals_sent_to_the_partner_agency(world, login):
    _referral(world, agency=world.agency, action="assessment")
    assert _figure(login(world.gita)) == {"open": 1, "overdue": 0}


def test_it_counts_village_referrals_for_the_liaison_of_that_village_only(world, login):
    _referral(world, to_village=True, action="visit")
    assert _figure(login(world.budi)) == {"open": 1, "overdue": 0}
    assert _figure(login(world.citra)) == {"open": 0, "overdue": 0}
    assert _figure(login(world.dewi)) == {"open": 0, "overdue": 0}


def test_it_flags_overdue_referrals(world, login):
    _referral(world, to_village=True, action="visit")
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=40)):
        assert _figure(login(world.budi)) == {"open": 1, "overdue": 1}
