"""Free-text form fields: bounded, NFC, hostile characters refused with a clear message."""

import pytest
from django.core.exceptions import ValidationError

from desabinaan.core import validators as cv
from desabinaan.program.forms import ActivityForm, QuestionForm
from desabinaan.protection.forms import ReferralForm
from lib import text as text_lib


def test_it_normalises_to_nfc_and_keeps_line_breaks():
    assert cv.FreeTextField().clean("Rene\u0301\nbaris dua") == "René\nbaris dua"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("a\u202eb", text_lib.BIDI_OVERRIDE),
        ("a\x1bb", text_lib.CONTROL_CHARACTER),
        ("\u200b", "invisible_only"),
    ],
)
def test_it_refuses_hostile_characters(value, code):
    with pytest.raises(ValidationError) as exc:
        cv.FreeTextField().clean(value)
    assert exc.value.code == code
    assert exc.value.messages == [str(cv.TEXT_MESSAGES[code])]


def test_it_bounds_the_length():
    field = cv.FreeTextField()
    field.clean("x" * cv.FREE_TEXT_MAX_LENGTH)
    with pytest.raises(ValidationError):
        field.clean("x" * (cv.FREE_TEXT_MAX_LENGTH + 1))


@pytest.mark.parametrize(
    ("form_class", "name"), [(ActivityForm, "notes"), (QuestionForm, "text"), (ReferralForm, "reason")]
)
def test_the_main_free_text_fields_are_bounded(form_class, name, db):
    field = form_class.base_fields[name]
    assert isinstance(field, cv.FreeTextField)
    assert field.max_length == cv.FREE_TEXT_MAX_LENGTH
