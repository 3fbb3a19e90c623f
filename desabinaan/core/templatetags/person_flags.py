"""Template tags that show, before anyone tries, that a person may not be used for new processing (core.guards).

`{% restricted_ids page_obj as restricted %}` … `{% if p.pk in restricted %}`: one query per guard for a whole list;
`{% restricted_ids attendances "person_id" as restricted %}` for rows that point to a person.
`{% if person|is_restricted %}` for one person.
"""

from django import template

from desabinaan.core.guards import persons_use_blocked

register = template.Library()


@register.simple_tag
def restricted_ids(items, attr: str = "pk") -> set[int]:
    return set(persons_use_blocked(getattr(item, attr, item) for item in items))


@register.filter
def is_restricted(person) -> bool:
    return bool(persons_use_blocked([getattr(person, "pk", person)]))
