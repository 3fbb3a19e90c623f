"""Referrals of a screened applicant or a report to the home village or a partner agency, and their follow-up."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from desabinaan.core.errors import Conflict
from desabinaan.core.guards import person_use_check

from .. import selectors
from ..models import Referral, Report, Screening
from .common import OUT_OF_SCOPE, require

REFERRAL_TARGET_REQUIRED = _("Pilih desa asal atau satu instansi mitra sebagai tujuan rujukan.")
REFERRAL_NO_VILLAGE = _("Laporan ini tidak menyebut desa, jadi tidak dapat dirujuk ke desa.")
REASON_REQUIRED = _("Tuliskan alasan rujukan.")
REFERRAL_TRANSITION_REFUSED = _('Status rujukan tidak dapat diubah dari "%(from)s" menjadi "%(to)s".')
OUTCOME_REQUIRED = _("Rujukan yang selesai harus mencatat hasilnya.")
VICTIM_OUTCOME_NOT_FOR_VILLAGE = _(
    'Hasil "teridentifikasi sebagai korban" dicatat oleh kantor imigrasi atau instansi yang menangani, bukan oleh '
    "desa: identitas korban dirahasiakan (UU 21/2007 Pasal 44)."
)
STALE_EDIT = _("Rujukan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman lalu ulangi.")

REFERRAL_TRANSITIONS: dict[str, set[str]] = {
    Referral.Status.OPEN: {Referral.Status.IN_PROGRESS, Referral.Status.CLOSED},
    Referral.Status.IN_PROGRESS: {Referral.Status.CLOSED},
    Referral.Status.CLOSED: set(),
}


def _due(due_on: dt.date | None) -> dt.date:
    return due_on or timezone.localdate() + dt.timedelta(days=selectors.referral_due_days())


@transaction.atomic
def referral_create(
    *,
    actor,
    screening: Screening | None = None,
    report: Report | None = None,
    to_village: bool = False,
    agency=None,
    action: str,
    reason: str,
    due_on: dt.date | None = None,
) -> Referral:
    """Refer a screened applicant or a report to the home village (follow-up) or to one partner agency."""
    require(selectors.can_screen(actor))
    source_village = screening.village if screening is not None else (report.village if report else None)
    # A screening belongs to the applicant's village; a report to its owning office (it may name no village).
    if report is not None and screening is None:
        in_scope = selectors.report_visible(actor, report)
    else:
        in_scope = source_village is not None and scope_for(actor).contains_village(source_village)
    if not in_scope:
        raise PermissionDenied(OUT_OF_SCOPE)
    if screening is not None:
        # A person whose processing is restricted (UU PDP Art. 41) is not sent to anyone new.
        person_use_check(screening.person_id, field=NON_FIELD_ERRORS)
    if bool(to_village) == (agency is not None):
        raise ValidationError(REFERRAL_TARGET_REQUIRED)
    if to_village and source_village is None:
        raise ValidationError(REFERRAL_NO_VILLAGE)
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    referral = Referral(
        screening=screening,
        report=report,
        village=source_village,
        to_village=bool(to_village),
        agency=agency,
        action=action,
        reason=reason.strip(),
        due_on=_due(due_on),
        created_by=actor,
    )
    referral.full_clean()
    referral.save()
    if report is not None and agency is not None and report.status != Report.Status.CLOSED:
        Report.objects.filter(pk=report.pk).update(status=Report.Status.REFERRED, updated_at=timezone.now())
    audit_created(actor=actor, target=referral, summary=f"rujukan ke {agency or 'desa'}")
    return referral


@transaction.atomic
def referral_update(
    *, actor, referral: Referral, version: int, status: str, outcome: str = "", outcome_note: str = ""
) -> Referral:
    """Move a referral along open → in progress → closed (with an outcome). Office, the village or the agency."""
    require(selectors.can_update_referral(actor, referral))
    if status != referral.status and status not in REFERRAL_TRANSITIONS.get(referral.status, set()):
        raise ValidationError(
            {
                "status": ValidationError(
                    REFERRAL_TRANSITION_REFUSED, params={"from": referral.status, "to": status}
                )
            }
        )
    if status == Referral.Status.CLOSED and not outcome:
        raise ValidationError({"outcome": OUTCOME_REQUIRED})
    if outcome == Referral.Outcome.VICTIM and not selectors.can_record_victim_outcome(actor):
        raise ValidationError({"outcome": VICTIM_OUTCOME_NOT_FOR_VILLAGE})
    before = snapshot(referral, ["status", "outcome", "outcome_note"])
    now = timezone.now()
    fields = {
        "status": status,
        "outcome": outcome if status == Referral.Status.CLOSED else "",
        "outcome_note": outcome_note.strip(),
        "closed_at": now
        if status == Referral.Status.CLOSED and referral.closed_at is None
        else referral.closed_at,
    }
    candidate = Referral(
        **{**{f.attname: getattr(referral, f.attname) for f in Referral._meta.concrete_fields}, **fields}
    )
    candidate.full_clean(validate_unique=False)
    # Optimistic concurrency: the conditional UPDATE succeeds only if nobody saved since `version` was read.
    updated = Referral.objects.filter(pk=referral.pk, version=version).update(version=version + 1, **fields)
    if not updated:
        raise Conflict(STALE_EDIT, field="version", code="version")
    referral.refresh_from_db()
    audit_record(
        actor=actor,
        action="update",
        target=referral,
        changes=diff(before, snapshot(referral, ["status", "outcome", "outcome_note"])),
    )
    return referral


@transaction.atomic
def referrals_send(
    *,
    actor,
    screening: Screening | None = None,
    report: Report | None = None,
    to_village: bool = False,
    agency=None,
    action: str,
    reason: str,
    due_on: dt.date | None = None,
) -> list[Referral]:
    """Refer to the home village and/or one partner agency at once: one referral per target, all or none.

    The office pages offer both targets in one form; each target is still one referral_create (its own checks,
    audit entry and recipient), so the village and the agency each see only their own referral.
    """
    common = {"actor": actor, "screening": screening, "report": report, "action": action, "reason": reason}
    if not to_village and agency is None:
        raise ValidationError(REFERRAL_TARGET_REQUIRED)
    sent = []
    if to_village:
        sent.append(referral_create(**common, to_village=True, due_on=due_on))
    if agency is not None:
        sent.append(referral_create(**common, agency=agency, due_on=due_on))
    return sent
