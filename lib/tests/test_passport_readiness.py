"""lib.passport readiness rules: reference codes, the moratorium with its One Channel exception, route warnings."""

import dataclasses
import datetime as dt
import random

import pytest

from lib.passport import readiness as rules

ON = dt.date(2025, 6, 1)
MORATORIUM = rules.MoratoriumData(
    citation="Kepmenaker 260/2015",
    countries=frozenset({"SA", "AE"}),
    job_types=frozenset({"domestic_worker", "housekeeper"}),
    one_channel_countries=frozenset({"SA"}),
    one_channel_job_types=frozenset({"housekeeper"}),
    one_channel_citation="Kepmenaker 291/2018",
)


def intention(**fields) -> rules.Intention:
    base = {"purpose": "work", "on": ON, "age": 25, "documents_in_hand": frozenset({rules.DISNAKER_DOCUMENT})}
    return rules.Intention(**(base | fields))


def warning_codes(value: rules.Intention) -> list[str]:
    return [w.code for w in rules.readiness_warnings(value, moratoria=[MORATORIUM], disnaker_citation="D")]


def test_reference_codes_use_the_unambiguous_alphabet():
    rng = random.Random(5)
    for _ in range(200):
        code = rules.reference_code("RC", choice=rng.choice)
        prefix, first, second = code.split("-")
        assert prefix == "RC" and len(first) == len(second) == 4
        assert not set(first + second) & set("01ILOU")


def test_typed_references_are_normalized():
    assert rules.normalize_reference(" rc-7k3m-9q2p ") == "RC-7K3M-9Q2P"


@pytest.mark.parametrize(
    ("country", "job", "one_channel", "closed"),
    [
        ("SA", "domestic_worker", False, True),
        ("SA", "housekeeper", False, True),
        ("SA", "housekeeper", True, False),
        ("AE", "housekeeper", True, True),
        ("SA", "domestic_worker", True, True),
        ("MY", "domestic_worker", False, False),
        ("SA", "factory", False, False),
    ],
)
def test_the_moratorium_closes_listed_jobs_unless_through_one_channel(country, job, one_channel, closed):
    assert MORATORIUM.closes(country=country, job_type=job, one_channel=one_channel) is closed


def test_a_clean_work_route_has_no_warning():
    assert warning_codes(intention(destination_country="MY", job_type="factory")) == []


def test_warnings_come_in_a_fixed_order_with_data_citations():
    value = intention(
        purpose="tourism",
        age=16,
        agency_name="PT X",
        destination_country="SA",
        job_type="domestic_worker",
        paid_up_front=True,
        documents_in_hand=frozenset(),
    )
    found = rules.readiness_warnings(value, moratoria=[MORATORIUM], disnaker_citation="Disnaker rule")
    assert [w.code for w in found] == list(rules.READINESS_WARNINGS)
    by_code = {w.code: w for w in found}
    assert by_code[rules.RC_NO_DISNAKER].citation == "Disnaker rule"
    assert by_code[rules.RC_MORATORIUM].citation == "Kepmenaker 260/2015"


def test_a_job_offer_alone_makes_it_work():
    assert not intention(purpose="tourism").has_job
    assert intention(purpose="tourism", employer="Restoran X").has_job
    assert rules.RC_VISIT_WITH_JOB in warning_codes(intention(purpose="family_visit", job_offer=True))


def test_age_is_the_only_personal_input_and_only_at_the_legal_line():
    names = {f.name for f in dataclasses.fields(rules.Intention)}
    assert not names & {"sex", "gender", "religion", "ethnicity", "village", "origin", "village_code"}
    assert rules.RC_UNDER_MIN_AGE in warning_codes(intention(age=17))
    for age in (18, 19, 30, 45, 60):
        assert warning_codes(intention(age=age)) == []
