"""Money in Indonesian format, and readable empty options in selects instead of Django's dashes."""

from decimal import Decimal

import pytest

from desabinaan.core.forms import EMPTY_CHOICE
from desabinaan.core.templatetags.formatting import rupiah
from desabinaan.program.forms import ActivityForm, PimpasaForm, QuestionForm
from desabinaan.protection.forms import AssignForm, ReferralForm, TriageForm


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (5_000_000, "Rp5.000.000"),
        (350000, "Rp350.000"),
        (0, "Rp0"),
        ("1950000", "Rp1.950.000"),
        (Decimal("1200.40"), "Rp1.200"),
        (-2500, "-Rp2.500"),
        (None, ""),
    ],
)
def test_rupiah_groups_thousands_with_dots(amount, shown):
    assert rupiah(amount) == shown


def test_selects_offer_a_readable_empty_choice(db):
    from desabinaan.accounts.models import User
    from desabinaan.offices.models import Kanim

    forms = [
        ActivityForm(),
        QuestionForm(),
        PimpasaForm(officers=User.objects.none()),
        ReferralForm(),
        TriageForm(),
        AssignForm(kanims=Kanim.objects.none()),
    ]
    for form in forms:
        html = str(form)
        assert "---------" not in html, type(form).__name__
        assert str(EMPTY_CHOICE) in html, type(form).__name__
