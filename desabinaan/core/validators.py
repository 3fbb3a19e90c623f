"""Django validators over lib.text's input checks: names, free text, and digit-only codes.

Used by model fields (so `full_clean()` in every service applies them), forms and API schemas. Each lib code maps
to one Indonesian message; the ValidationError code is the lib code, which the API returns as `code`.
"""

from __future__ import annotations

from typing import Annotated

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from lib import text as text_lib

TEXT_MESSAGES = {
    text_lib.CONTROL_CHARACTER: _("Teks berisi karakter kendali yang tidak diizinkan."),
    text_lib.BIDI_OVERRIDE: _("Teks berisi karakter pembalik arah tulisan (bidi) yang tidak diizinkan."),
    text_lib.INVISIBLE_ONLY: _("Teks hanya berisi karakter tak terlihat."),
}
CODE_NOT_DIGITS = _("Kode hanya boleh berisi angka 0-9.")
FREE_TEXT_MAX_LENGTH = text_lib.FREE_TEXT_MAX_LENGTH
# The model-level bound of free-text TextFields (`validators=[free_text_max_length]`): `full_clean()` in every
# service then refuses what a form or API schema would, whatever the write path.
free_text_max_length = MaxLengthValidator(FREE_TEXT_MAX_LENGTH)


def _check(value, *, multiline: bool) -> str:
    if not isinstance(value, str):
        return value
    try:
        return text_lib.check_text(value, multiline=multiline)
    except text_lib.TextError as error:
        raise ValidationError(TEXT_MESSAGES[error.code], code=error.code) from None


@deconstructible
class SafeTextValidator:
    """Refuses control characters (line breaks allowed when `multiline`), bidi overrides and invisible-only text."""

    def __init__(self, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value) -> None:
        _check(value, multiline=self.multiline)

    def __eq__(self, other) -> bool:
        return isinstance(other, SafeTextValidator) and other.multiline == self.multiline


validate_name = SafeTextValidator()
validate_free_text = SafeTextValidator(multiline=True)


def clean_name(value):
    """NFC `value` or ValidationError: for forms' clean_<field> and API schema validators."""
    return _check(value, multiline=False)


def clean_free_text(value):
    return _check(value, multiline=True)


def validate_digit_code(value) -> None:
    """A region or other code of ASCII digits (dots allowed between groups, as in Kemendagri codes)."""
    if isinstance(value, str) and value and not text_lib.is_ascii_digits(value.replace(".", "")):
        raise ValidationError(CODE_NOT_DIGITS, code=text_lib.NOT_ASCII_DIGITS)


# API schema types. pydantic's error type becomes the `code` of the 422 body (core.errors.schema_error_body).
def _schema_text(multiline: bool):
    def check(value: str) -> str:
        try:
            return text_lib.check_text(value, multiline=multiline)
        except text_lib.TextError as error:
            raise PydanticCustomError(error.code, str(TEXT_MESSAGES[error.code])) from None

    return check


def _schema_digit_code(value: str) -> str:
    if value and not text_lib.is_ascii_digits(value.strip().replace(".", "")):
        raise PydanticCustomError(text_lib.NOT_ASCII_DIGITS, str(CODE_NOT_DIGITS))
    return value


# A region code ("17.08.04.2002", "1708042002"): ASCII digits and dots only.
DigitCode = Annotated[str, AfterValidator(_schema_digit_code)]
# A name or short label: NFC, no control/bidi characters, not invisible-only. Give its max_length with Field.
NameText = Annotated[str, AfterValidator(_schema_text(multiline=False))]
# Free text (descriptions, notes, reasons): line breaks allowed, bounded.
FreeText = Annotated[
    str, Field(max_length=FREE_TEXT_MAX_LENGTH), AfterValidator(_schema_text(multiline=True))
]


class FreeTextField(forms.CharField):
    """A form field for free text: NFC, control/bidi characters refused, at most FREE_TEXT_MAX_LENGTH characters.

    Usable in ModelForms through Meta.field_classes (a TextField passes max_length=None).
    """

    def __init__(self, *, max_length: int | None = None, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(max_length=max_length or FREE_TEXT_MAX_LENGTH, **kwargs)

    def to_python(self, value):
        return clean_free_text(super().to_python(value))
