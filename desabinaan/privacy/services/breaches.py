"""Writes of the breach register (UU PDP Art. 46): the incident, its 3 x 24-hour notification clock, notices sent."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record
from desabinaan.offices.models import Kanim

from .. import selectors
from ..models import BREACH_NOTICE, Breach
from .requests import PERSON_OUT_OF_SCOPE, RECEIVED_IN_FUTURE


@transaction.atomic
def breach_record(
    *,
    actor,
    title: str,
    description: str,
    discovered_at: dt.datetime,
    data_categories: str,
    occurred_at: dt.datetime | None = None,
    persons=(),
    persons_estimate: int = 0,
    kanim: Kanim | None = None,
    actions: str = "",
) -> Breach:
    if not selectors.can_record_breaches(actor):
        raise PermissionDenied
    scope = scope_for(actor)
    if kanim is None and not scope.is_national:
        kanim = Kanim.objects.filter(pk__in=scope.kanim_ids).first()
    if kanim is not None and not scope.is_national and kanim.pk not in scope.kanim_ids:
        raise PermissionDenied
    if discovered_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"discovered_at": RECEIVED_IN_FUTURE})
    persons = list(persons)
    if any(not scope.contains_village(p.village_id) for p in persons):
        raise PermissionDenied(PERSON_OUT_OF_SCOPE)
    rule = selectors.rule_in_force(BREACH_NOTICE, discovered_at)
    breach = Breach(
        title=title.strip(),
        description=description.strip(),
        occurred_at=occurred_at,
        discovered_at=discovered_at,
        data_categories=data_categories.strip(),
        persons_estimate=max(persons_estimate, len(persons)),
        kanim=kanim,
        notify_due_at=discovered_at + dt.timedelta(hours=rule.hours),
        actions=actions.strip(),
        recorded_by=actor,
    )
    breach.full_clean(exclude=["recorded_by", "kanim"])
    breach.save()
    if persons:
        breach.persons.set(persons)
    audit_created(actor=actor, target=breach, summary=f"Insiden kebocoran data dicatat: {breach.title}")
    return breach


@transaction.atomic
def breach_mark_notified(*, actor, breach: Breach, subjects: bool = False, authority: bool = False) -> Breach:
    breach = selectors.breach_get(user=actor, pk=breach.pk)
    if not selectors.can_record_breaches(actor):
        raise PermissionDenied
    now = timezone.now()
    changes = {}
    if subjects and breach.subjects_notified_at is None:
        breach.subjects_notified_at = now
        changes["subjects_notified_at"] = [None, now.isoformat()]
    if authority and breach.authority_notified_at is None:
        breach.authority_notified_at = now
        changes["authority_notified_at"] = [None, now.isoformat()]
    if breach.subjects_notified_at and breach.authority_notified_at:
        breach.status = Breach.Status.NOTIFIED
    breach.save(update_fields=["subjects_notified_at", "authority_notified_at", "status"])
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=breach, changes=changes, summary="")
    return breach


@transaction.atomic
def breach_persons_link(*, actor, breach: Breach, persons) -> Breach:
    """Link persons affected by a breach (each in the actor's scope); the estimate never falls below the count."""
    breach = selectors.breach_get(user=actor, pk=breach.pk)  # Http404 outside the actor's offices
    if not selectors.can_record_breaches(actor):
        raise PermissionDenied
    scope = scope_for(actor)
    persons = list(persons)
    if any(not scope.contains_village(p.village_id) for p in persons):
        raise PermissionDenied(PERSON_OUT_OF_SCOPE)
    linked = set(breach.persons.values_list("pk", flat=True))
    new = [p for p in persons if p.pk not in linked]
    if not new:
        return breach
    breach.persons.add(*new)
    count = len(linked) + len(new)
    if count > breach.persons_estimate:
        Breach.objects.filter(pk=breach.pk).update(persons_estimate=count)
        breach.persons_estimate = count
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=breach,
        changes={"persons": [len(linked), count]},
        summary=f"{len(new)} orang terdampak ditautkan: " + ", ".join(f"#{p.pk}" for p in new),
    )
    return breach
