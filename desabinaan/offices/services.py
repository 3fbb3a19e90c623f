"""Writes for offices: moving a regency into a Kanim's working area."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot

from .models import Kanim, WorkingAreaAssignment

ASSIGNMENT_NOT_AFTER_CURRENT = _(
    "Tanggal berlaku harus sesudah awal penugasan wilayah kerja yang sekarang (%(current)s)."
)
ASSIGNMENT_ALREADY_CURRENT = _("Kabupaten/kota ini sudah termasuk wilayah kerja kantor imigrasi tersebut.")


def working_area_check(*, kanim: Kanim, regency, valid_from: dt.date, lock: bool = False):
    """The regency's open assignment if `kanim` may take it over from `valid_from`; ValidationError otherwise.

    Shared by working_area_assign and the admin form, so the form shows the same message the service enforces.
    """
    open_assignments = WorkingAreaAssignment.objects.filter(regency=regency, valid_to__isnull=True)
    if lock:
        open_assignments = open_assignments.select_for_update()
    current = open_assignments.first()
    if current is not None:
        if current.kanim_id == kanim.pk:
            raise ValidationError(ASSIGNMENT_ALREADY_CURRENT, code="already_current")
        if valid_from <= current.valid_from:
            raise ValidationError(
                ASSIGNMENT_NOT_AFTER_CURRENT,
                code="not_after_current",
                params={"current": current.valid_from.strftime("%d-%m-%Y")},
            )
    return current


@transaction.atomic
def working_area_assign(
    *, actor, kanim: Kanim, regency, valid_from: dt.date, basis: str = ""
) -> WorkingAreaAssignment:
    """Put `regency` in `kanim`'s working area from `valid_from`, closing its current assignment the day before.

    Officers' jurisdiction (accounts.scope) follows the open assignment, so this moves who sees the regency's data.
    """
    # Lock the open row so two concurrent moves of one regency cannot both close it.
    current = working_area_check(kanim=kanim, regency=regency, valid_from=valid_from, lock=True)
    if current is not None:
        before = snapshot(current, ["valid_to"])
        current.valid_to = valid_from - dt.timedelta(days=1)
        current.full_clean()
        current.save(update_fields=["valid_to"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            target=current,
            changes=diff(before, snapshot(current, ["valid_to"])),
            summary=f"Wilayah kerja {regency.pk} ditutup: pindah ke {kanim}",
        )
    assignment = WorkingAreaAssignment(kanim=kanim, regency=regency, valid_from=valid_from, basis=basis)
    assignment.full_clean()
    assignment.save()
    audit_created(actor=actor, target=assignment, summary=f"Wilayah kerja {regency.pk} → {kanim}")
    return assignment
