"""Tags of the public learning pages.

`{% office_user as officer %}`: whether the reader is an office user (officer, PIMPASA, Kanwil staff, national
administrator). A module shows its curation notes ("to be confirmed by the office") only to them, never to the public
(docs/rules.md §4).
"""

from django import template

from desabinaan.protection.selectors import is_office

register = template.Library()


@register.simple_tag(takes_context=True)
def office_user(context) -> bool:
    return is_office(context.get("user"))
