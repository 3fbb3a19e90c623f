"""Collective (Eazy Passport) requests: applicants, submission, the office's decision, the official copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import access_record, audit_record, diff, snapshot
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.models import Person
from desabinaan.people.services import can_reveal_nik
from lib import nik as nik_lib
from lib import passport as rules

from .. import selectors, texts
from ..models import (
    CollectiveApplicant,
    CollectiveRequest,
    CollectiveStatus,
    CollectiveType,
)
from .common import _audit_create, _require_write

# Cases a collective service refuses: a lost or damaged passport needs the applicant's own BAP at the office.
COLLECTIVE_REFUSED_TYPES = frozenset(rules.LOST_OR_DAMAGED)


class ApplicantsRefused(Exception):
    """Some applicants of a collective request cannot be accepted; `problems` says which and why."""

    def __init__(self, problems: list[dict]):
        super().__init__(f"{len(problems)} applicants refused")
        self.problems = problems


def _resolve_applicants(
    *, actor, applicants: Sequence[tuple[int, str]], existing_ids: Iterable[int] = ()
) -> list[tuple[Person, str]]:
    """(person, type) pairs, or ApplicantsRefused naming every applicant that cannot be served and why."""
    ids = [person_id for person_id, _type in applicants if isinstance(person_id, int)]
    persons = {
        p.pk: p for p in scope_for(actor).filter(Person.objects.active(), path="village").filter(pk__in=ids)
    }
    seen = set(existing_ids)
    problems: list[dict] = []
    rows: list[tuple[Person, str]] = []
    for index, (person_id, kind) in enumerate(applicants):
        message = None
        if kind in COLLECTIVE_REFUSED_TYPES:
            message, field = texts.COLLECTIVE_LOST_DAMAGED_REFUSED, "type"
        elif kind not in CollectiveType.values:
            message, field = texts.COLLECTIVE_UNKNOWN_TYPE, "type"
        elif person_id not in persons:
            message, field = texts.COLLECTIVE_PERSON_NOT_FOUND, "person_id"
        elif person_id in seen:
            message, field = texts.COLLECTIVE_PERSON_TWICE, "person_id"
        if message is not None:
            problems.append({"index": index, "person_id": person_id, "field": field, "message": str(message)})
            continue
        seen.add(person_id)
        rows.append((persons[person_id], kind))
    if problems:
        raise ApplicantsRefused(problems)
    return rows


def _add_rows(
    *, actor, request: CollectiveRequest, rows: list[tuple[Person, str]]
) -> list[CollectiveApplicant]:
    created = CollectiveApplicant.objects.bulk_create(
        [CollectiveApplicant(request=request, person=person, application_type=kind) for person, kind in rows]
    )
    if rows:
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            target=request,
            changes={"applicants_added": [None, [person.pk for person, _kind in rows]]},
            summary=f"{len(rows)} pemohon ditambahkan",
        )
    return created


@transaction.atomic
def collective_request_create(
    *,
    actor,
    village,
    proposed_date: dt.date,
    place: str,
    contact_name: str,
    contact_phone: str,
    vulnerable_group: bool = False,
    vulnerable_reason: str = "",
    applicants: Sequence[tuple[int, str]] = (),
) -> CollectiveRequest:
    """A draft request with its first applicants; lost or damaged passports are refused per applicant."""
    _require_write(actor, village.code, texts.COLLECTIVE_VILLAGE_OUT_OF_SCOPE)
    if proposed_date < timezone.localdate():
        raise ValidationError({"proposed_date": texts.COLLECTIVE_DATE_IN_PAST})
    request = CollectiveRequest(
        village=village,
        proposed_date=proposed_date,
        place=(place or "").strip(),
        contact_name=(contact_name or "").strip(),
        contact_phone=(contact_phone or "").strip(),
        vulnerable_group=vulnerable_group,
        vulnerable_reason=(vulnerable_reason or "").strip() if vulnerable_group else "",
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    request.full_clean()
    rows = _resolve_applicants(actor=actor, applicants=applicants)
    request.save()
    _audit_create(actor=actor, target=request, summary=f"Permohonan paspor kolektif {request.place}")
    _add_rows(actor=actor, request=request, rows=rows)
    return request


def _require_draft(request: CollectiveRequest) -> None:
    if request.status != CollectiveStatus.DRAFT:
        raise ValidationError(texts.COLLECTIVE_NOT_DRAFT)


@transaction.atomic
def collective_applicants_add(
    *, actor, request: CollectiveRequest, applicants: Sequence[tuple[int, str]]
) -> list[CollectiveApplicant]:
    _require_write(actor, request.village_id, texts.COLLECTIVE_VILLAGE_OUT_OF_SCOPE)
    _require_draft(request)
    existing = request.applicants.values_list("person_id", flat=True)
    rows = _resolve_applicants(actor=actor, applicants=applicants, existing_ids=list(existing))
    return _add_rows(actor=actor, request=request, rows=rows)


@transaction.atomic
def collective_applicant_remove(*, actor, applicant: CollectiveApplicant) -> None:
    request = applicant.request
    _require_write(actor, request.village_id, texts.COLLECTIVE_VILLAGE_OUT_OF_SCOPE)
    _require_draft(request)
    person_id = applicant.person_id
    applicant.delete()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=request,
        changes={"applicants_removed": [person_id, None]},
        summary="Pemohon dihapus dari permohonan kolektif",
    )


def collective_minimum(request: CollectiveRequest) -> int:
    """The number of applicants the rule in force on the proposed date asks for this request."""
    rule = selectors.collective_rule_on(on=request.proposed_date)
    if rule is None:
        raise ValidationError(texts.COLLECTIVE_NO_RULE)
    return rule.vulnerable_min_applicants if request.vulnerable_group else rule.min_applicants


@transaction.atomic
def collective_request_submit(*, actor, request: CollectiveRequest) -> CollectiveRequest:
    _require_write(actor, request.village_id, texts.COLLECTIVE_VILLAGE_OUT_OF_SCOPE)
    _require_draft(request)
    minimum = collective_minimum(request)
    count = request.applicants.count()
    if count < minimum:
        message = (
            texts.COLLECTIVE_TOO_FEW_VULNERABLE if request.vulnerable_group else texts.COLLECTIVE_TOO_FEW
        )
        raise ValidationError({"applicants": message % {"min": minimum, "count": count}})
    request.status = CollectiveStatus.SUBMITTED
    request.submitted_at = timezone.now()
    request.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=request,
        changes={"status": [CollectiveStatus.DRAFT, CollectiveStatus.SUBMITTED]},
        summary=f"Permohonan kolektif diajukan ({count} pemohon)",
    )
    return request


@transaction.atomic
def collective_request_decide(
    *,
    actor,
    request: CollectiveRequest,
    decision: str,
    service_date: dt.date | None = None,
    reason: str = "",
) -> CollectiveRequest:
    """The office accepts (with a service date) or declines (with a reason) a submitted request."""
    if not selectors.is_office_user(actor):
        raise PermissionDenied(texts.COLLECTIVE_DECISION_OFFICE_ONLY)
    _require_write(actor, request.village_id, texts.COLLECTIVE_VILLAGE_OUT_OF_SCOPE)
    if request.status != CollectiveStatus.SUBMITTED:
        raise ValidationError(texts.COLLECTIVE_NOT_SUBMITTED)
    reason = (reason or "").strip()
    if decision == CollectiveStatus.ACCEPTED:
        if service_date is None:
            raise ValidationError({"service_date": texts.COLLECTIVE_SERVICE_DATE_REQUIRED})
        request.service_date, request.decline_reason = service_date, ""
    elif decision == CollectiveStatus.DECLINED:
        if not reason:
            raise ValidationError({"reason": texts.COLLECTIVE_REASON_REQUIRED})
        request.service_date, request.decline_reason = None, reason
    else:
        raise ValidationError({"decision": texts.OUTCOME_NOT_ALLOWED % {"choices": "accepted, declined"}})
    before = snapshot(request, ["status", "service_date", "decline_reason"])
    request.status = decision
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.full_clean()
    request.save(
        update_fields=["status", "service_date", "decline_reason", "decided_by", "decided_at", "updated_at"]
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=request,
        changes=diff(before, snapshot(request, ["status", "service_date", "decline_reason"])),
        summary=f"Permohonan kolektif {decision}",
    )
    return request


def collective_official_applicants(*, actor, request: CollectiveRequest, channel: str = "web") -> list[dict]:
    """The applicants with their full NIK, for the office's copy of the letter; each one is access-logged."""
    if not can_reveal_nik(actor) or not scope_for(actor).contains_village(request.village_id):
        raise PermissionDenied(texts.COLLECTIVE_OFFICIAL_COPY_DENIED)
    rows = []
    with transaction.atomic():
        for applicant in selectors.collective_applicants(request):
            person = applicant.person
            access_record(
                actor=actor, person=person, channel=channel, purpose=texts.COLLECTIVE_OFFICIAL_PURPOSE
            )
            nik = nik_decrypt(person.nik_encrypted) if person.nik_encrypted else ""
            rows.append({"applicant": applicant, "nik": nik_lib.normalize(nik) if nik else ""})
    return rows
