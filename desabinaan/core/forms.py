"""Small helpers shared by the forms of every app."""

from collections.abc import Iterable
from typing import cast

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

# What an empty select shows instead of Django's "---------".
EMPTY_CHOICE = _("— pilih —")
_DASH = BLANK_CHOICE_DASH[0][1]


class ReadableEmptyChoices:
    """Form mixin: every select's empty option reads "— pilih —", not Django's dashes (model choices included)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label == _DASH:
                    field.empty_label = EMPTY_CHOICE
            elif isinstance(field, forms.ChoiceField):
                choices = list(cast(Iterable, field.choices))
                if choices and choices[0] == ("", _DASH):
                    field.choices = [("", EMPTY_CHOICE), *choices[1:]]
