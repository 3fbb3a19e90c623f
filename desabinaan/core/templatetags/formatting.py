"""Numbers as Indonesian readers expect them: `{% load formatting %}` then `{{ amount|rupiah }}` → Rp5.000.000."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def rupiah(amount) -> str:
    """Rupiah with a dot between thousands and no decimals; empty for nothing, unchanged for what is not a number."""
    if amount is None or amount == "":
        return ""
    try:
        value = int(Decimal(str(amount)).to_integral_value())
    except (InvalidOperation, ValueError):
        return str(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{abs(value):,}".replace(",", ".")
