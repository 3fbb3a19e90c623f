"""Template tags that show, before anyone tries, that a person may not be used for new processing (core.guards).

`{% restricted_ids page_obj as restricted %}` … `{% if p.pk in restricted %}`: one query per guard for a whole list.
`{% if person|is_restricted %}` for one person.
"""

from django import template

from desabinaan.core.guards import persons_use_blocked

register = template.Library()


@register.simple_tag
def restricted_ids(persons) -> set[int]:
    return set(persons_use_blocked(getattr(p, "pk", p) for p in persons))


@register.filter
def is_restricted(person) -> bool:
    return bool(persons_use_blocked([getattr(person, "pk", person)]))
