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


class FormSections:
    """Form mixin for long forms: `sections = [(legend, ("field", ...)), ...]` shows each group as a
    <fieldset class="section"> with its legend (includes/form_fields.html); fields no section names follow last."""

    sections: tuple = ()

    def in_sections(self) -> list[tuple[str, list]]:
        visible = {bound.name: bound for bound in self.visible_fields()}  # type: ignore[attr-defined]
        named: set[str] = set()
        grouped = []
        for legend, names in self.sections:
            fields = [visible[name] for name in names if name in visible]
            named.update(names)
            if fields:
                grouped.append((legend, fields))
        rest = [bound for name, bound in visible.items() if name not in named]
        if rest:
            grouped.append(("", rest))
        return grouped
