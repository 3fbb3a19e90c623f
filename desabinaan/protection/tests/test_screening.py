"""Screening: the advisory level comes from the answers alone, with its breakdown and indicator version."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from desabinaan.protection.models import IndicatorSet, Screening
from desabinaan.protection.services import UNKNOWN_INDICATOR, screening_breakdown, screening_create

from .conftest import RISKY, make_person, screen


def test_it_computes_the_advisory_level_and_its_breakdown(world, applicant):
    screening = screen(world, applicant)
    assert screening.advisory_level == "high"
    assert screening.advisory_score == 10
    assert screening_breakdown(screening) == [
        {"code": "upfront_money_or_debt", "contribution": 4},
        {"code": "recruited_by_broker", "contribution": 3},
        {"code": "work_without_disnaker", "contribution": 3},
    ]


def test_no_yes_answers_give_a_low_level(world, applicant):
    assert screen(world, applicant, answers={}).advisory_level == "low"


def test_skipped_indicators_are_recorded_as_unknown(world, applicant):
    screening = screen(world, applicant, answers={"purpose_unclear": "yes"})
    answers = {a.indicator.code: a.answer for a in screening.answers.select_related("indicator")}
    assert answers["purpose_unclear"] == "yes"
    assert answers["recruited_by_broker"] == "unknown"
    assert len(answers) == IndicatorSet.objects.get(is_active=True).indicators.count()


def test_the_screening_keeps_the_indicator_version_it_used(world, applicant):
    first = screen(world, applicant)
    old = IndicatorSet.objects.get(is_active=True)
    old.is_active = False
    old.save()
    new = IndicatorSet.objects.create(
        version=old.version + 1, name="next", is_active=True, attention_threshold=1, high_threshold=50
    )
    new.indicators.create(code="recruited_by_broker", label="x", group="process", weight=1)
    second = screen(world, applicant, answers={"recruited_by_broker": "yes"})
    first.refresh_from_db()
    assert (first.indicator_set.version, first.advisory_level) == (old.version, "high")
    assert (second.indicator_set.version, second.advisory_level) == (old.version + 1, "attention")
    assert old.is_locked


def test_it_rejects_an_unknown_indicator(world, applicant):
    with pytest.raises(ValidationError) as exc:
        screen(world, applicant, answers={"sex": "yes"})
    assert str(UNKNOWN_INDICATOR % {"code": "sex"}) in str(exc.value)


@pytest.mark.parametrize("persona", ["dewi", "eka", "budi", "gita"])
def test_it_refuses_screeners_outside_the_scope_or_role(world, applicant, persona):
    with pytest.raises(PermissionDenied):
        screen(world, applicant, actor=getattr(world, persona))


def test_it_links_a_licensed_agency_or_flags_an_unlisted_one(world, applicant, agencies):
    licensed = screen(world, applicant, agency_name="pt sintetis maju jaya abadi")
    assert licensed.agency.licence_number == "SINTETIS/P3MI/001/2021"
    assert licensed.agency_check == "licensed"
    unknown = screen(world, applicant, agency_name="PT Tidak Terdaftar Sama Sekali")
    assert (unknown.agency, unknown.agency_check) == (None, "not_licensed")


def test_it_normalises_the_sponsor_phone(world, applicant):
    assert (
        screen(world, applicant, sponsor_phone="0812 1111 2222").sponsor_phone_normalized == "+6281211112222"
    )


# --- Fairness ------------------------------------------------------------------------------------------------------

ANSWER_SETS = [
    RISKY,
    {},
    {"purpose_unclear": "yes", "holds_valid_passport": "yes"},
    {"inconsistent_identity": "yes"},
]


@pytest.mark.parametrize("answers", ANSWER_SETS)
def test_demographics_never_change_the_level(world, answers):
    """Same answers, different sex, birth date (minor to 60) and home village: the same level and breakdown."""
    people = [
        make_person(world, name="A", sex="F", birth_date=dt.date(2007, 1, 1), village=world.tebat_monok),
        make_person(world, name="B", sex="M", birth_date=dt.date(1965, 6, 30), village=world.other_village),
        make_person(
            world, name="C", sex="F", birth_date=dt.date(1985, 12, 12), village=world.kota_bengkulu_village
        ),
        make_person(world, name="D", sex="M", birth_date=dt.date(2001, 3, 3), village=world.bandung_village),
    ]
    results = set()
    for person in people:
        actor = world.dewi if person.village_id.startswith("32") else world.fajar
        s = screen(world, person, actor=actor, answers=answers)
        results.add(
            (
                s.advisory_level,
                s.advisory_score,
                tuple(map(tuple, (d.values() for d in screening_breakdown(s)))),
            )
        )
    assert len(results) == 1


def test_changing_a_screened_persons_attributes_does_not_change_a_recomputed_level(world, applicant):
    first = screen(world, applicant)
    applicant.sex = "M"
    applicant.birth_date, applicant.birth_year = dt.date(1970, 1, 1), 1970
    applicant.save()
    again = screen(world, applicant)
    assert (first.advisory_level, first.advisory_score) == (again.advisory_level, again.advisory_score)


def test_the_screening_model_stores_no_demographic_copy(db):
    names = {f.name for f in Screening._meta.get_fields()}
    assert not names & {"sex", "birth_date", "age", "religion", "ethnicity"}


def test_an_officer_of_the_applicants_office_can_screen(world, applicant):
    assert (
        screening_create(
            actor=world.ani, person=applicant, purpose="work", destination_country="Malaysia", answers={}
        ).advisory_level
        == "low"
    )
