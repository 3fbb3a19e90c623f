"""Readiness warnings from route advisory data (docs/rules.md §4): destinations without a placement agreement and
online-scam destinations, study or internship covering paid work, One Channel only through a designated P3MI.
Expected values come from the cited sources (KP2MI minister 17 Apr 2025; BP3MI Sulawesi Utara 8 Sep 2025; Bareskrim
ferienjob case 2024; Kepmenaker 291/2018)."""

import datetime as dt

import pytest

from desabinaan.passport import services
from desabinaan.passport.models.requests import RouteAdvisory
from desabinaan.passport.selectors import warnings_out
from lib import passport as rules

ON = dt.date(2026, 12, 3)
DOCS = ["ktp", "kk", "civil_record", "disnaker_recommendation"]


def record(world, person, **answers):
    return services.readiness_check_create(
        actor=world.budi, person=person, on=ON, documents_in_hand=DOCS, **answers
    )


def found(check) -> dict:
    return {w["code"]: w for w in check.warnings}


@pytest.mark.parametrize("country", ["KH", "MM", "TH", "LA", "PH"])
def test_a_job_in_a_country_without_a_placement_agreement_is_warned(world, siti, country):
    check = record(world, siti, purpose="tourism", destination_country=country, job_offer=True)
    warning = found(check)[rules.RC_NO_PLACEMENT_AGREEMENT]
    assert "perjanjian" in warning["citation"] or "kerja sama penempatan" in warning["citation"]


@pytest.mark.parametrize("country", ["KH", "MM"])
def test_a_job_offer_to_a_known_scam_destination_is_warned_with_its_source(world, siti, country):
    check = record(world, siti, purpose="tourism", destination_country=country, job_offer=True)
    assert "BP3MI Sulawesi Utara" in found(check)[rules.RC_SCAM_DESTINATION]["citation"]
    message = warnings_out([found(check)[rules.RC_SCAM_DESTINATION]])[0]["message"]
    assert "penipuan daring" in message and country not in message.split()


def test_thailand_is_flagged_for_its_border_areas(world, siti):
    check = record(world, siti, purpose="work", destination_country="TH", job_type="factory")
    message = warnings_out([found(check)[rules.RC_SCAM_DESTINATION]])[0]["message"]
    assert "Thailand (daerah perbatasan Thailand–Myanmar)" in message


def test_a_tourist_trip_without_any_job_is_not_warned(world, siti):
    check = record(world, siti, purpose="tourism", destination_country="KH")
    assert not {rules.RC_NO_PLACEMENT_AGREEMENT, rules.RC_SCAM_DESTINATION} & set(found(check))


def test_malaysia_has_no_destination_warning(world, siti):
    check = record(world, siti, purpose="work", destination_country="MY", job_type="factory")
    assert not {rules.RC_NO_PLACEMENT_AGREEMENT, rules.RC_SCAM_DESTINATION} & set(found(check))


@pytest.mark.parametrize("purpose", ["study", "internship"])
def test_study_or_internship_covering_paid_work_is_warned(world, siti, purpose):
    check = record(world, siti, purpose=purpose, destination_country="DE", job_offer=True)
    warning = found(check)[rules.RC_STUDY_WITH_WORK]
    assert "1.047 mahasiswa" in warning["citation"]
    assert "magang" in warnings_out([warning])[0]["message"]
    plain = record(world, siti, purpose=purpose, destination_country="DE")
    assert rules.RC_STUDY_WITH_WORK not in found(plain)


def test_one_channel_holds_only_through_a_designated_p3mi(world, siti):
    answers = {"purpose": "work", "destination_country": "SA", "job_type": "housekeeper", "one_channel": True}
    undesignated = record(world, siti, agency_name="PT Bukan Penunjukan", **answers)
    assert {rules.RC_MORATORIUM, rules.RC_ONE_CHANNEL_NOT_DESIGNATED} <= set(found(undesignated))
    assert "Kepmenaker 291/2018" in found(undesignated)[rules.RC_ONE_CHANNEL_NOT_DESIGNATED]["citation"]
    RouteAdvisory.objects.create(
        kind=RouteAdvisory.Kind.ONE_CHANNEL_AGENCY,
        agency_name="PT Bukan Penunjukan",
        citation="Kepmenaker 291/2018",
        effective_from=dt.date(2018, 1, 1),
    )
    designated = record(world, siti, agency_name="pt bukan penunjukan", **answers)
    assert not {rules.RC_MORATORIUM, rules.RC_ONE_CHANNEL_NOT_DESIGNATED} & set(found(designated))


def test_the_moratorium_status_is_data_with_the_saudi_reopening_flagged_for_officers(db):
    saudi = RouteAdvisory.objects.get(kind=RouteAdvisory.Kind.MORATORIUM_STATUS, country="SA")
    assert "Maret 2025" in saudi.status and saudi.to_confirm
    general = RouteAdvisory.objects.get(kind=RouteAdvisory.Kind.MORATORIUM_STATUS, country="")
    assert "19 negara" in general.status


def test_an_advisory_closed_before_the_check_no_longer_warns(world, siti):
    RouteAdvisory.objects.filter(kind=RouteAdvisory.Kind.NO_PLACEMENT_AGREEMENT, country="KH").update(
        effective_to=dt.date(2026, 1, 1)
    )
    check = record(world, siti, purpose="work", destination_country="KH", job_type="factory")
    assert rules.RC_NO_PLACEMENT_AGREEMENT not in found(check)
