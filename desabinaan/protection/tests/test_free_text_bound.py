"""Free text is bounded in the model: every service's full_clean() refuses 5,001 characters on the field."""

import pytest
from django.core.exceptions import ValidationError

from desabinaan.core.validators import FREE_TEXT_MAX_LENGTH
from desabinaan.protection.models import Referral, Report, Screening
from desabinaan.protection.services import referral_create, report_submit, screening_create

TOO_LONG = "x" * (FREE_TEXT_MAX_LENGTH + 1)


def _field_of(excinfo) -> set[str]:
    return set(excinfo.value.message_dict)


def test_a_report_description_over_the_bound_is_refused(regions):
    with pytest.raises(ValidationError) as excinfo:
        report_submit(category="other", description=TOO_LONG)
    assert "description" in _field_of(excinfo)
    assert not Report.objects.exists()


def test_a_report_description_at_the_bound_is_accepted(regions):
    submitted = report_submit(category="other", description="x" * FREE_TEXT_MAX_LENGTH)
    assert len(submitted.report.description) == FREE_TEXT_MAX_LENGTH


def test_a_referral_reason_over_the_bound_is_refused(world, screening):
    with pytest.raises(ValidationError) as excinfo:
        referral_create(
            actor=world.fajar, screening=screening, to_village=True, action="visit", reason=TOO_LONG
        )
    assert "reason" in _field_of(excinfo)
    assert not Referral.objects.exists()


@pytest.mark.parametrize("field", ["notes", "documents_seen"])
def test_screening_notes_over_the_bound_are_refused(world, applicant, field):
    with pytest.raises(ValidationError) as excinfo:
        screening_create(
            actor=world.ani,
            person=applicant,
            purpose="work",
            destination_country="Malaysia",
            answers={},
            **{field: TOO_LONG},
        )
    assert field in _field_of(excinfo)
    assert not Screening.objects.exists()
