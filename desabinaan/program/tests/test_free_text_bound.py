"""Free text is bounded in the model: every service's full_clean() refuses 5,001 characters on the field."""

import pytest
from django.core.exceptions import ValidationError

from desabinaan.core.validators import FREE_TEXT_MAX_LENGTH
from desabinaan.program.models import Activity, Question
from desabinaan.program.services import activity_create, question_record

TOO_LONG = "x" * (FREE_TEXT_MAX_LENGTH + 1)


def test_a_question_text_over_the_bound_is_refused(world, tebat):
    with pytest.raises(ValidationError) as excinfo:
        question_record(actor=world.budi, desa_binaan=tebat, topic="passport", text=TOO_LONG)
    assert "text" in excinfo.value.message_dict
    assert not Question.objects.exists()


def test_activity_notes_over_the_bound_are_refused(world, tebat):
    with pytest.raises(ValidationError) as excinfo:
        activity_create(
            actor=world.budi,
            desa_binaan=tebat,
            kind="visit",
            date="2025-01-10",
            place="Balai",
            notes=TOO_LONG,
        )
    assert "notes" in excinfo.value.message_dict
    assert not Activity.objects.exists()
