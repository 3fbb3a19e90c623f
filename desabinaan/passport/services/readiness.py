"""Readiness checks: a resident's intention with its missing documents and warnings, and the officer's outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_record
from desabinaan.core.guards import person_use_check
from desabinaan.people.models import Consent, Person
from desabinaan.people.models import Purpose as ConsentPurpose
from desabinaan.protection import selectors as protection_selectors
from lib import passport as rules

from .. import selectors, texts
from ..models import (
    OUTCOME_STATUSES,
    DocumentType,
    ReadinessCheck,
    ReadinessOutcome,
)
from ..models.requests import RouteAdvisory
from .common import _audit_create, _require_write

# Tries before giving up on a free reference code; with 30^8 codes a second try is already rare.
REFERENCE_ATTEMPTS = 8


def _documents_in_hand(codes: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(code.strip() for code in codes if code and code.strip()))
    known = set(DocumentType.objects.filter(code__in=wanted).values_list("code", flat=True))
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise ValidationError(
            {"documents_in_hand": texts.READINESS_UNKNOWN_DOCUMENT % {"codes": ", ".join(unknown)}}
        )
    return wanted


def _advisories_on(on: dt.date) -> list[rules.Advisory]:
    """Route advisory rows in force on `on` (one query)."""
    rows = RouteAdvisory.objects.filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on), effective_from__lte=on
    ).exclude(kind=RouteAdvisory.Kind.MORATORIUM_STATUS)
    return [row.as_data() for row in rows]


def _agency_licensed(name: str, on: dt.date) -> bool:
    """Whether the licensed-agency (P3MI) registry holds `name` with a licence in force on `on`."""
    agency, _status = protection_selectors.agency_link(name)
    return agency is not None and agency.effective_status(on) == "licensed"


@transaction.atomic
def readiness_check_create(
    *,
    actor,
    person: Person,
    purpose: str,
    case: str = "new",
    married: bool = False,
    destination_country: str = "",
    job_offer: bool = False,
    job_type: str = "",
    employer: str = "",
    agency_name: str = "",
    one_channel: bool = False,
    sponsor_name: str = "",
    sponsor_phone: str = "",
    paid_up_front: bool = False,
    amount_paid_idr: int | None = None,
    documents_in_hand: Sequence[str] = (),
    on: dt.date | None = None,
    confirm_without_consent: bool = False,
) -> ReadinessCheck:
    """Record a resident's intention with the missing documents and route warnings found on `on` (today).

    A person with no standing passport-assistance consent is refused (code `consent_missing`) unless the caller
    confirms recording the check anyway; the confirmation is kept in the audit entry.
    """
    if person.merged_into is not None:
        person = person.merged_into
    _require_write(actor, person.village_id, texts.READINESS_PERSON_OUT_OF_SCOPE)
    person_use_check(person.pk)
    consented = has_passport_consent(person)
    if not consented and not confirm_without_consent:
        raise ValidationError(
            {
                "confirm_without_consent": ValidationError(
                    texts.READINESS_CONSENT_MISSING, code=texts.CONSENT_MISSING_CODE
                )
            }
        )
    on = on or timezone.localdate()
    in_hand = _documents_in_hand(documents_in_hand)
    check = ReadinessCheck(
        person=person,
        village_id=person.village_id,
        checked_on=on,
        purpose=purpose,
        case=case or "new",
        married=married,
        destination_country=(destination_country or "").strip().upper(),
        job_offer=job_offer,
        job_type=job_type or "",
        employer=(employer or "").strip(),
        agency_name=(agency_name or "").strip(),
        one_channel=one_channel,
        sponsor_name=(sponsor_name or "").strip(),
        sponsor_phone=(sponsor_phone or "").strip(),
        paid_up_front=paid_up_front,
        amount_paid_idr=amount_paid_idr if paid_up_front else None,
        documents_in_hand=in_hand,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    check.full_clean(exclude=["reference"])
    advisories = _advisories_on(on)
    intention = rules.Intention(
        purpose=check.purpose,
        case=check.case,
        on=on,
        age=selectors.person_age_on(person, on),
        married=check.married,
        destination_country=check.destination_country,
        job_type=check.job_type,
        employer=check.employer,
        agency_name=check.agency_name,
        agency_verified=_agency_licensed(check.agency_name, on),
        sponsor_name=check.sponsor_name,
        paid_up_front=check.paid_up_front,
        # The One Channel exception holds only through a P3MI designated for it (Kepmenaker 291/2018).
        one_channel=check.one_channel and rules.one_channel_designated(check.agency_name, advisories),
        job_offer=check.job_offer,
        documents_in_hand=frozenset(in_hand),
    )
    check.missing_documents, check.warnings = selectors.readiness_evaluate(intention)
    check.warnings += [
        {"code": w.code, "params": w.params, "citation": w.citation or str(texts.READINESS_CITATIONS[w.code])}
        for w in rules.advisory_warnings(intention, advisories, one_channel_claimed=check.one_channel)
    ]
    for _attempt in range(REFERENCE_ATTEMPTS):
        check.reference = rules.reference_code("RC")
        try:
            with transaction.atomic():
                check.save()
            break
        except IntegrityError:
            if not ReadinessCheck.objects.filter(reference=check.reference).exists():
                raise
            check.pk = None
    else:
        raise RuntimeError("no free readiness reference code")
    summary = f"Pemeriksaan kesiapan paspor {check.reference}"
    if not consented:
        summary += " (dicatat tanpa persetujuan pendampingan paspor, dikonfirmasi petugas)"
    _audit_create(actor=actor, target=check, summary=summary)
    return check


def has_passport_consent(person: Person) -> bool:
    """A standing (not withdrawn) consent or lawful basis for passport assistance."""
    return Consent.objects.filter(
        person=person, purpose=ConsentPurpose.PASSPORT, withdrawn_at__isnull=True
    ).exists()


@transaction.atomic
def readiness_outcome_record(
    *, actor, check: ReadinessCheck, status: str, on: dt.date, note: str = "", postponement_cause: str = ""
) -> ReadinessOutcome:
    """An officer records what happened next (applied, postponed, issued, abandoned); the check takes that status."""
    if not selectors.is_office_user(actor):
        raise PermissionDenied(texts.OUTCOME_OFFICE_ONLY)
    _require_write(actor, check.village_id, texts.READINESS_PERSON_OUT_OF_SCOPE)
    if status not in OUTCOME_STATUSES:
        raise ValidationError(
            {
                "status": texts.OUTCOME_NOT_ALLOWED
                % {"choices": ", ".join(str(s.label) for s in OUTCOME_STATUSES)}
            }
        )
    outcome = ReadinessOutcome(
        readiness_check=check,
        status=status,
        postponement_cause=postponement_cause or "",
        on=on,
        note=(note or "").strip(),
        recorded_by=actor,
    )
    outcome.full_clean()
    outcome.save()
    before = check.status
    check.status = status
    check.save(update_fields=["status", "updated_at"])
    _audit_create(actor=actor, target=outcome, summary=f"Hasil {check.reference}: {status}")
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=check,
        changes={"status": [before, status]},
        summary=f"Status {check.reference}: {status}",
    )
    return outcome
