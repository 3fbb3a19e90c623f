"""{% help_lines %}: the help lines (emergency, SAPA 129, KP2MI, Kemlu) and the immigration office's own contacts.

Used by the report page, the learning pages and the printed passport guide, so every page shows the same rows, read
from the admin-editable HelpLine data (docs/rules.md §4).
"""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("protection/_help_lines.html", takes_context=True)
def help_lines(context, office=None, heading=True):
    """`office` is an offices.Kanim (its phone and address come from the office record) or None."""
    user = context.get("user")
    return {
        "lines": selectors.help_lines(),
        "office": office,
        "heading": heading,
        # The "to be confirmed" flag is for officers only; the public sees the line without it.
        "show_flags": selectors.is_office(user) if user is not None else False,
    }
