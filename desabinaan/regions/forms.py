"""The village field every form that asks for a village uses: a code, chosen with an HTMX autocomplete."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from desabinaan.core.validators import CODE_NOT_DIGITS, validate_digit_code
from lib.text import NOT_ASCII_DIGITS

from .selectors import normalize_code, village_get, village_label

VILLAGE_UNKNOWN = _("Kode desa/kelurahan tidak dikenal. Pilih dari daftar saran.")


class VillageWidget(forms.Widget):
    """A search box that asks /wilayah/cari/ for suggestions and a hidden input holding the chosen code.

    Without JavaScript the visible box accepts a village code typed directly.
    """

    template_name = "regions/widgets/village.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        label = ""
        if value:
            village = value if hasattr(value, "code") else village_get(code=str(value))
            if village is not None:
                label = village_label(village)
                value = village.code
        context["widget"].update(
            value=value or "",
            label=label,
            search_url=reverse("regions:suggest"),
            results_id=f"{attrs.get('id', name)}-results" if attrs else f"{name}-results",
        )
        return context

    def value_from_datadict(self, data, files, name):
        # The hidden code wins; a code typed into the search box works too (no-JavaScript fallback).
        return (data.get(name) or data.get(f"{name}_search") or "").strip()


class VillageField(forms.Field):
    widget = VillageWidget
    default_error_messages = {"unknown": VILLAGE_UNKNOWN}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if hasattr(value, "code"):
            return value
        try:
            validate_digit_code(str(value).strip())
        except forms.ValidationError:
            # "١٧.٠٨…" or "17.0⁸…": said as such, not as an unknown village.
            raise forms.ValidationError(CODE_NOT_DIGITS, code=NOT_ASCII_DIGITS) from None
        village = village_get(code=normalize_code(str(value)))
        if village is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return village

    def prepare_value(self, value):
        return getattr(value, "code", value)
