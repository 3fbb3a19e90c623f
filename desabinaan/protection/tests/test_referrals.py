"""Referrals: to the home village or a partner agency, open → in progress → closed with an outcome."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from desabinaan.core.errors import Conflict
from desabinaan.offices.models import PartnerAgency
from desabinaan.protection import selectors
from desabinaan.protection.services import (
    OUTCOME_REQUIRED,
    REFERRAL_TARGET_REQUIRED,
    referral_create,
    referral_update,
    referrals_send,
)


def test_a_referral_is_due_in_fourteen_days_by_default(world, village_referral):
    assert village_referral.due_on == timezone.localdate() + dt.timedelta(days=14)
    assert village_referral.village == world.tebat_monok


def test_the_default_due_date_is_a_setting(world, screening, settings):
    settings.PROTECTION_REFERRAL_DUE_DAYS = 3
    referral = referral_create(
        actor=world.fajar, screening=screening, to_village=True, action="visit", reason="x"
    )
    assert referral.due_on == timezone.localdate() + dt.timedelta(days=3)


def test_a_referral_has_exactly_one_target(world, screening):
    for kwargs in ({}, {"to_village": True, "agency": world.agency}):
        with pytest.raises(ValidationError, match=re.escape(str(REFERRAL_TARGET_REQUIRED))):
            referral_create(actor=world.fajar, screening=screening, action="visit", reason="x", **kwargs)


def test_sending_to_both_targets_makes_one_referral_each(world, screening):
    sent = referrals_send(
        actor=world.fajar,
        screening=screening,
        to_village=True,
        agency=world.agency,
        action="visit",
        reason="x",
    )
    assert [(r.to_village, r.agency) for r in sent] == [(True, None), (False, world.agency)]


def test_sending_needs_a_target_and_is_all_or_none(world, report):
    with pytest.raises(ValidationError, match=re.escape(str(REFERRAL_TARGET_REQUIRED))):
        referrals_send(actor=world.fajar, screening=None, report=report.report, action="visit", reason="x")
    with pytest.raises(PermissionDenied):
        referrals_send(
            actor=world.dewi,
            report=report.report,
            to_village=True,
            agency=world.agency,
            action="visit",
            reason="x",
        )
    assert not report.report.referrals.exists()


def test_the_status_moves_forward_and_closing_needs_an_outcome(world, village_referral):
    r = referral_update(actor=world.budi, referral=village_referral, version=1, status="in_progress")
    assert r.status == "in_progress" and r.version == 2
    with pytest.raises(ValidationError, match=re.escape(str(OUTCOME_REQUIRED))):
        referral_update(actor=world.budi, referral=r, version=2, status="closed")
    r = referral_update(actor=world.budi, referral=r, version=2, status="closed", outcome="procedural")
    assert r.closed_at is not None and r.outcome == "procedural"
    with pytest.raises(ValidationError):
        referral_update(actor=world.fajar, referral=r, version=3, status="open")


def test_a_stale_version_is_refused(world, village_referral):
    referral_update(actor=world.fajar, referral=village_referral, version=1, status="in_progress")
    with pytest.raises(Conflict):
        referral_update(
            actor=world.budi, referral=village_referral, version=1, status="closed", outcome="other"
        )


def test_overdue_referrals_are_flagged(world, village_referral):
    assert not village_referral.is_overdue()
    with time_machine.travel(timezone.now() + dt.timedelta(days=15)):
        assert village_referral.is_overdue()
        assert list(selectors.referrals_overdue(world.fajar)) == [village_referral]


def test_a_partner_sees_only_what_is_referred_to_its_agency(
    world, village_referral, agency_referral, screening
):
    other = PartnerAgency.objects.create(name="Dinas Sosial Sintetis", kind="social")
    referral_create(actor=world.fajar, screening=screening, agency=other, action="protection", reason="x")
    assert list(selectors.referrals_for(world.gita)) == [agency_referral]
    assert not selectors.screenings_for(world.gita).exists()
    assert not selectors.reports_for(world.gita).exists()


def test_a_partner_updates_its_referral_but_not_the_villages(world, village_referral, agency_referral):
    referral_update(actor=world.gita, referral=agency_referral, version=1, status="closed", outcome="victim")
    with pytest.raises(PermissionDenied):
        referral_update(actor=world.gita, referral=village_referral, version=1, status="in_progress")


def test_a_liaison_sees_only_village_referrals_for_their_village(world, village_referral, agency_referral):
    assert list(selectors.referrals_for(world.budi)) == [village_referral]
    assert not selectors.referrals_for(world.citra).exists()
    assert not selectors.screenings_for(world.budi).exists()
    assert not selectors.can_see_case_details(world.budi)


def test_dewi_does_not_see_bengkulu_referrals(world, village_referral):
    assert not selectors.referrals_for(world.dewi).exists()


def test_kanwil_staff_read_but_do_not_update(world, village_referral):
    assert list(selectors.referrals_for(world.eka)) == [village_referral]
    with pytest.raises(PermissionDenied):
        referral_update(actor=world.eka, referral=village_referral, version=1, status="in_progress")
