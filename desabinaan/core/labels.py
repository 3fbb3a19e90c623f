"""Reference data labels in the active language: rows hold an Indonesian `label` and an optional `label_en`.

Used by the events (target groups, topics) and program (selection criteria, evaluation indicators) reference
data, as the passport and protection rule data do: English mode shows `label_en` when it is filled in, otherwise
the Indonesian label (an administrator may add a row before its translation).
"""

from django.utils.translation import get_language


def in_language(indonesian: str, english: str) -> str:
    """The English text when the page speaks English and it is given, else the Indonesian one."""
    if english and (get_language() or "").startswith("en"):
        return english
    return indonesian


class LabelInLanguage:
    """Mixin for a model with `label` and `label_en`: `display_label` follows the active language (the models'
    `__str__` return it, so form choices and the admin follow it too)."""

    @property
    def display_label(self) -> str:
        return in_language(self.label, self.label_en)
