"""Writes of the passport app: readiness checks and their outcomes, collective (Eazy Passport) requests.

Pages and the API call these; every write is audited, every read of a full NIK is access-logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import access_record, audit_record, diff, snapshot
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.models import Consent, Person
from desabinaan.people.models import Purpose as ConsentPurpose
from desabinaan.people.services import can_reveal_nik
from desabinaan.protection import selectors as protection_selectors
from desabinaan.protection import services as protection_services
from desabinaan.protection.models import Referral, Screening
from lib import nik as nik_lib
from lib import passport as rules

from . import selectors, texts
from .models import (
    OUTCOME_STATUSES,
    CollectiveApplicant,
    CollectiveRequest,
    CollectiveStatus,
    CollectiveType,
    DocumentType,
    ReadinessCheck,
    ReadinessOutcome,
)

# Third parties' phone numbers stay out of the audit trail like the persons' own (audit.SECRET_FIELDS).
_AUDIT_SECRET = frozenset({"sponsor_phone", "contact_phone"})
# Tries before giving up on a free reference code; with 30^8 codes a second try is already rare.
REFERENCE_ATTEMPTS = 8
# Cases a collective service refuses: a lost or damaged passport needs the applicant's own BAP at the office.
COLLECTIVE_REFUSED_TYPES = frozenset(rules.LOST_OR_DAMAGED)


class ApplicantsRefused(Exception):
    """Some applicants of a collective request cannot be accepted; `problems` says which and why."""

    def __init__(self, problems: list[dict]):
        super().__init__(f"{len(problems)} applicants refused")
        self.problems = problems


def _require_write(actor, village_code: str, out_of_scope_message) -> None:
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDenied(texts.READ_ONLY)
    if not scope.contains_village(village_code):
        raise PermissionDenied(out_of_scope_message)


def _audit_create(*, actor, target, summary: str) -> None:
    changes = diff({}, snapshot(target))
    changes.pop("id", None)
    for name in _AUDIT_SECRET & changes.keys():
        changes[name] = ["•", "•"]
    audit_record(
        actor=actor, action=AuditEntry.Action.CREATE, target=target, changes=changes, summary=summary
    )


# ---------------------------------------------------------------------------------------------------------------
# Readiness checks
# ---------------------------------------------------------------------------------------------------------------


def _documents_in_hand(codes: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(code.strip() for code in codes if code and code.strip()))
    known = set(DocumentType.objects.filter(code__in=wanted).values_list("code", flat=True))
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise ValidationError(
            {"documents_in_hand": texts.READINESS_UNKNOWN_DOCUMENT % {"codes": ", ".join(unknown)}}
        )
    return wanted


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
        one_channel=check.one_channel,
        job_offer=check.job_offer,
        documents_in_hand=frozenset(in_hand),
    )
    check.missing_documents, check.warnings = selectors.readiness_evaluate(intention)
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
    *, actor, check: ReadinessCheck, status: str, on: dt.date, note: str = ""
) -> ReadinessOutcome:
    """An officer records what happened next (applied, postponed, issued, abandoned); the check takes that status."""
    if not selectors.is_office_user(actor):
        raise PermissionDenied(texts.OUTCOME_OFFICE_ONLY)
    _require_write(actor, check.village_id, texts.READINESS_PERSON_OUT_OF_SCOPE)
    if status not in OUTCOME_STATUSES:
        raise ValidationError(
            {"status": texts.OUTCOME_NOT_ALLOWED % {"choices": ", ".join(s.value for s in OUTCOME_STATUSES)}}
        )
    outcome = ReadinessOutcome(
        readiness_check=check, status=status, on=on, note=(note or "").strip(), recorded_by=actor
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


# Follow-up: a screening, a referral or a report started from a check (ARCHITECTURE: passport may import
# protection, not the other way round, so the link from a check to what followed lives here).


def _require_follow_up(actor, check: ReadinessCheck) -> None:
    if not protection_selectors.can_screen(actor):
        raise PermissionDenied(texts.FOLLOW_UP_OFFICE_ONLY)
    _require_write(actor, check.village_id, texts.READINESS_PERSON_OUT_OF_SCOPE)


@transaction.atomic
def readiness_check_follow_up(*, actor, check: ReadinessCheck, summary: str) -> ReadinessCheck:
    """Mark the check followed up (the first follow-up sets the time; later ones are only audited)."""
    _require_follow_up(actor, check)
    changes = {}
    if check.followed_up_at is None:
        check.followed_up_at = timezone.now()
        check.save(update_fields=["followed_up_at", "updated_at"])
        changes = {"followed_up_at": [None, check.followed_up_at.isoformat()]}
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=check, changes=changes, summary=summary)
    return check


def _check_person(check: ReadinessCheck) -> Person:
    return check.person.merged_into or check.person


@transaction.atomic
def readiness_screening_create(*, actor, check: ReadinessCheck, **screening) -> Screening:
    """protection.services.screening_create for the check's person; the check is then followed up."""
    _require_follow_up(actor, check)
    created = protection_services.screening_create(actor=actor, person=_check_person(check), **screening)
    readiness_check_follow_up(
        actor=actor, check=check, summary=f"Skrining #{created.pk} dari pemeriksaan {check.reference}"
    )
    return created


def readiness_referral_screening(*, actor, check: ReadinessCheck) -> Screening | None:
    """The screening a referral from this check is filed under: the person's latest one in the actor's scope."""
    return (
        protection_selectors.screenings_for(actor)
        .filter(person=_check_person(check))
        .order_by("-created_at", "-id")
        .first()
    )


@transaction.atomic
def readiness_referral_create(
    *,
    actor,
    check: ReadinessCheck,
    to_village: bool,
    agency=None,
    action: str,
    reason: str,
    due_on: dt.date | None = None,
) -> list[Referral]:
    """Refer the check's person (to the village and/or one partner agency) under their latest screening.

    A referral always has a screening or a report as its source (protection's model): with no screening yet, the
    officer is asked to start one from the check first.
    """
    _require_follow_up(actor, check)
    screening = readiness_referral_screening(actor=actor, check=check)
    if screening is None:
        raise ValidationError(texts.FOLLOW_UP_NEEDS_SCREENING)
    targets = ([{"to_village": True}] if to_village else []) + ([{"agency": agency}] if agency else [])
    if not targets:
        raise ValidationError(protection_services.REFERRAL_TARGET_REQUIRED)
    referrals = [
        protection_services.referral_create(
            actor=actor, screening=screening, action=action, reason=reason, due_on=due_on, **target
        )
        for target in targets
    ]
    readiness_check_follow_up(
        actor=actor,
        check=check,
        summary=f"Rujukan #{', #'.join(str(r.pk) for r in referrals)} dari pemeriksaan {check.reference}",
    )
    return referrals


@transaction.atomic
def readiness_report_create(
    *,
    actor,
    check: ReadinessCheck,
    category: str,
    description: str,
    occurred_on: dt.date | None = None,
    involved: Iterable[dict] = (),
    files: Iterable = (),
    agency_name: str = "",
) -> protection_services.Submitted:
    """An officer files a report about the recruiter behind a check, in the check's village.

    It goes through the same report_submit as the public form (receipt code, no account stored with the report);
    the officer's name is on the check's follow-up audit entry instead.
    """
    _require_follow_up(actor, check)
    submitted = protection_services.report_submit(
        category=category,
        description=description,
        village=check.village,
        occurred_on=occurred_on,
        involved=involved,
        files=files,
        agency_name=agency_name,
    )
    readiness_check_follow_up(
        actor=actor,
        check=check,
        summary=f"Laporan {submitted.report.receipt_code} dari pemeriksaan {check.reference}",
    )
    return submitted


# ---------------------------------------------------------------------------------------------------------------
# Collective requests (Eazy Passport)
# ---------------------------------------------------------------------------------------------------------------


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
