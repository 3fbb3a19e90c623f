"""The attendance list kept by hand: adding a person already registered (the picker), correcting an attendance's
target group, and removing an attendance recorded by mistake. Each is scope-checked and audited.

Adding a registered person skips the person rule of `attendance_record`: the officer picked the person from the
registry (in their scope), so nothing is typed again. The education consent is recorded when the person has none.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from desabinaan.people.models import Person

from .. import validation as v
from ..models import Attendance, Event, TargetGroup
from .attendance import AlreadyAttending, new_attendance
from .common import check_event_started, check_village_write


def _check_person_in_scope(actor, person: Person) -> None:
    if actor is not None and not scope_for(actor).contains_village(person.village_id):
        raise PermissionDenied(v.PERSON_OUT_OF_SCOPE)


@transaction.atomic
def attendance_record_person(
    *,
    actor,
    event: Event,
    person: Person,
    target_group: TargetGroup | None = None,
    consent: bool = False,
    guardian_name: str = "",
    guardian_relation: str = "",
    source: str = Attendance.Source.FORM,
) -> Attendance:
    """Record a registered person as attending. AlreadyAttending when they are on the list; ValidationError on
    `consent` when they have no standing education consent and none was given now."""
    check_village_write(actor, event.village_id)
    check_event_started(event)
    _check_person_in_scope(actor, person)
    if person.merged_into is not None:
        person = person.merged_into
    attendance = new_attendance(
        actor=actor,
        event=event,
        person=person,
        target_group=target_group,
        consent=consent,
        guardian_name=guardian_name,
        guardian_relation=guardian_relation,
        client_id=uuid.uuid4(),
        source=source,
    )
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:  # the same person added from another phone a moment ago
        raise AlreadyAttending(Attendance.objects.get(event=event, person=person)) from None
    audit_created(
        actor=actor, target=attendance, summary=f"Hadir di kegiatan #{event.pk}: orang #{person.pk} (dipilih)"
    )
    return attendance


@transaction.atomic
def attendance_update(*, actor, attendance: Attendance, target_group: TargetGroup | None) -> Attendance:
    """Correct the target group of one attendance (the person's own data is corrected on the person's page)."""
    check_village_write(actor, attendance.event.village_id)
    before = snapshot(attendance, ["target_group_id"])
    attendance.target_group = target_group
    attendance.save(update_fields=["target_group"])
    changes = diff(before, snapshot(attendance, ["target_group_id"]))
    if changes:
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            target=attendance,
            changes=changes,
            summary=f"Kehadiran di kegiatan #{attendance.event_id} diubah: orang #{attendance.person_id}",
        )
    return attendance


@transaction.atomic
def attendance_remove(*, actor, attendance: Attendance) -> None:
    """Remove an attendance recorded by mistake. The person stays in the registry; quiz answers tied to this
    attendance stay, untied (anonymous), so the event's results do not change."""
    check_village_write(actor, attendance.event.village_id)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.DELETE,
        target=attendance,
        changes={"person_id": [attendance.person_id, None], "event_id": [attendance.event_id, None]},
        summary=f"Kehadiran di kegiatan #{attendance.event_id} dihapus: orang #{attendance.person_id}",
    )
    attendance.delete()
