"""Checks that apps above core plug in at start-up to stop a person's record from being used for new processing.

privacy adds one in its AppConfig.ready(): a person whose processing is restricted (UU PDP Art. 41) is kept but not
used. The services that start new processing of a person (a screening, a readiness check) call `person_use_check`
without knowing which app objects; core imports no app, so the dependency order holds.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError

# Each guard answers "" when the person may be used, else the reason shown to the officer.
PERSON_USE_GUARDS: list[Callable[[int], str]] = []


def person_use_guard_add(guard: Callable[[int], str]) -> None:
    if guard not in PERSON_USE_GUARDS:
        PERSON_USE_GUARDS.append(guard)


def person_use_check(person_id: int, *, field: str = "person") -> None:
    """Raise ValidationError on `field` when a plugged-in guard refuses new processing of the person."""
    for guard in PERSON_USE_GUARDS:
        reason = guard(person_id)
        if reason:
            raise ValidationError({field: ValidationError(reason, code="restricted")})
