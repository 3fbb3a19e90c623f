"""Checks that apps above core plug in at start-up to stop a person's record from being used for new processing.

privacy adds one in its AppConfig.ready(): a person whose processing is restricted (UU PDP Art. 41) is kept but not
used. The services that start new processing of a person (a screening, a readiness check, an attendance, a referral)
call `person_use_check` (or `persons_use_blocked` for many at once) without knowing which app objects; core imports no
app, so the dependency order holds. Pages show the refusal beforehand with the `person_flags` template tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError

# Each guard answers "" when the person may be used, else the reason shown to the officer.
PERSON_USE_GUARDS: list[Callable[[int], str]] = []
# The same for many persons at once (an import chunk, a list page): {person id: reason} of those refused.
PERSON_SET_GUARDS: list[Callable[[list[int]], dict[int, str]]] = []


def person_use_guard_add(guard: Callable[[int], str]) -> None:
    if guard not in PERSON_USE_GUARDS:
        PERSON_USE_GUARDS.append(guard)


def person_set_guard_add(guard: Callable[[list[int]], dict[int, str]]) -> None:
    if guard not in PERSON_SET_GUARDS:
        PERSON_SET_GUARDS.append(guard)


def persons_use_blocked(person_ids: Iterable[int]) -> dict[int, str]:
    """The persons among `person_ids` whose new processing a plugged-in guard refuses, with the reason (one query per
    guard, whatever the number of persons; none for an empty list)."""
    ids = sorted({pk for pk in person_ids if pk is not None})
    blocked: dict[int, str] = {}
    if not ids:
        return blocked
    for guard in PERSON_SET_GUARDS:
        for pk, reason in guard(ids).items():
            blocked.setdefault(pk, reason)
    return blocked


def person_use_check(person_id: int, *, field: str = "person") -> None:
    """Raise ValidationError on `field` when a plugged-in guard refuses new processing of the person."""
    for guard in PERSON_USE_GUARDS:
        reason = guard(person_id)
        if reason:
            raise ValidationError({field: ValidationError(reason, code="restricted")})
