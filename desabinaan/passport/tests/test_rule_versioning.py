"""Rules are versioned by effective date: a new row changes results only from its date, history stays as it was."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from desabinaan.passport.models import DocumentRequirement, FeeSchedule, ValidityRule
from desabinaan.passport.selectors import document_requirements_on, fee_schedule_on

LATER = dt.date(2030, 1, 1)


@pytest.fixture
def higher_fees(db):
    schedule = FeeSchedule.objects.create(
        name="PP 99/2029", citation="PP 99/2029 (uji)", effective_from=LATER
    )
    current = FeeSchedule.objects.get(name="PP 45/2024")
    for item in current.items.all():
        amount = 1_200_000 if item.code == "epassport_10" else item.amount_idr
        schedule.items.create(code=item.code, label=item.label, amount_idr=amount)
    return schedule


def test_a_new_fee_schedule_applies_only_from_its_date(guide, higher_fees):
    assert guide(electronic=True, on="2029-12-31")["fee"]["total_idr"] == 950_000
    after = guide(electronic=True, on="2030-01-01")
    assert after["fee"]["total_idr"] == 1_200_000
    assert after["fee"]["schedule"] == "PP 99/2029"
    assert "PP 99/2029 (uji)" in after["citations"]
    assert guide(electronic=True, on="2024-06-01")["fee"]["total_idr"] == 650_000


def test_the_fees_endpoint_follows_the_new_row(client, higher_fees):
    assert client.get("/api/v1/passport/fees", {"on": "2029-12-31"}).json()["name"] == "PP 45/2024"
    assert client.get("/api/v1/passport/fees", {"on": "2030-06-01"}).json()["name"] == "PP 99/2029"


def test_a_closed_schedule_stops_applying_after_its_end(db):
    assert fee_schedule_on(on=dt.date(2024, 12, 16)).name == "PP 28/2019"
    assert fee_schedule_on(on=dt.date(2019, 1, 1)) is None


def test_a_newer_requirement_supersedes_the_same_rule_from_its_date(guide, db):
    disnaker = DocumentRequirement.objects.get(document__code="disnaker_recommendation")
    DocumentRequirement.objects.create(
        document=disnaker.document,
        level="not_required",
        purposes="work",
        citation="SE IMI-GR.01.01-0252 diberlakukan (uji)",
        effective_from=LATER,
    )
    before = guide(purpose="work", on="2029-12-31")
    after = guide(purpose="work", on="2030-01-01")
    assert "disnaker_recommendation" in {d["code"] for d in before["documents"]}
    assert "disnaker_recommendation" not in {d["code"] for d in after["documents"]}
    assert [d["code"] for d in after["not_needed"]] == ["disnaker_recommendation"]
    assert len(document_requirements_on(on=LATER)) == len(document_requirements_on(on=dt.date(2029, 12, 31)))


def test_a_new_validity_rule_applies_from_its_date(guide, db):
    ValidityRule.objects.create(citation="Aturan uji", effective_from=LATER, adult_age=18)
    assert guide(birth_date="2012-06-01", on="2029-12-31")["validity_years"] == 10  # 17
    assert guide(birth_date="2012-06-01", on="2030-01-01")["validity_years"] == 5  # 17, rule now says 18


def test_requirement_codes_are_checked(db):
    row = DocumentRequirement(
        document=DocumentRequirement.objects.first().document,
        cases="new, stolen",
        purposes="work",
        citation="x",
        effective_from=LATER,
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "stolen" in str(error.value)


def test_the_database_refuses_a_period_ending_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeeSchedule.objects.create(
            name="x", citation="x", effective_from=LATER, effective_to=dt.date(2029, 1, 1)
        )
