"""Follow-up of a readiness check: a screening, a referral or a report, through protection's services.

Passport may import protection, not the other way round, so the link from a check to what followed lives here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_record
from desabinaan.people.models import Person
from desabinaan.protection import selectors as protection_selectors
from desabinaan.protection import services as protection_services
from desabinaan.protection.models import Referral, Screening

from .. import texts
from ..models import ReadinessCheck
from .common import _require_write


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
