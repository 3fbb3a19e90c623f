"""Writes of events: plan, edit, held, report, files, and the office calendar's secret."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from desabinaan.core import uploads
from desabinaan.core.errors import Conflict
from desabinaan.offices.selectors import kanims_serving_village
from desabinaan.program.models import DesaBinaan

from .. import validation as v
from ..models import Event, EventFile, OfficeCalendar, QuizTemplate
from .common import check_village_write

DEFAULT_DURATION = dt.timedelta(hours=3)
EDITABLE_FIELDS = (
    "title",
    "village",
    "venue",
    "starts_at",
    "ends_at",
    "speakers",
    "planned_attendance",
    "quiz_template",
)


def _serving_office(village):
    desa_binaan = DesaBinaan.objects.filter(village=village).select_related("kanim").first()
    kanim = desa_binaan.kanim if desa_binaan else kanims_serving_village(village_code=village.code).first()
    return desa_binaan, kanim


@transaction.atomic
def event_create(
    *,
    actor,
    title: str,
    village,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    venue: str = "",
    target_groups=(),
    topics=(),
    speakers: str = "",
    partner_agencies=(),
    planned_attendance: int = 0,
    quiz_template: QuizTemplate | None = None,
) -> Event:
    check_village_write(actor, village)
    ends_at = ends_at or starts_at + DEFAULT_DURATION
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": v.EVENT_ENDS_BEFORE_START})
    desa_binaan, kanim = _serving_office(village)
    event = Event(
        title=" ".join(title.split()),
        village=village,
        desa_binaan=desa_binaan,
        kanim=kanim,
        venue=venue.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        speakers=speakers.strip(),
        planned_attendance=planned_attendance or 0,
        quiz_template=quiz_template or QuizTemplate.objects.filter(is_default=True).first(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    event.full_clean(exclude=["created_by", "desa_binaan", "kanim"])
    event.save()
    event.target_groups.set(target_groups)
    event.topics.set(topics)
    event.partner_agencies.set(partner_agencies)
    audit_created(actor=actor, target=event, summary=f"Kegiatan sosialisasi direncanakan: {event.title}")
    return event


@transaction.atomic
def event_update(
    *, actor, event: Event, version: int, target_groups=None, topics=None, partner_agencies=None, **fields
) -> Event:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"event_update cannot change {sorted(unknown)}")
    current = Event.objects.select_for_update().get(pk=event.pk)
    if current.version != version:
        raise Conflict(v.EVENT_VERSION_CONFLICT, field="version", code="version")
    check_village_write(actor, current.village_id)
    if "village" in fields:
        check_village_write(actor, fields["village"])
    before = snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value)
    if current.ends_at <= current.starts_at:
        raise ValidationError({"ends_at": v.EVENT_ENDS_BEFORE_START})
    # Held or reported means done: its time cannot lie in the future.
    if current.status != Event.Status.PLANNED and current.starts_at > timezone.now():
        raise ValidationError({"starts_at": v.EVENT_DONE_IN_FUTURE})
    if "village" in fields:
        current.desa_binaan, current.kanim = _serving_office(current.village)
    current.full_clean(exclude=["created_by", "desa_binaan", "kanim"])
    changes = diff(before, snapshot(current))
    for name, values in (
        ("target_groups", target_groups),
        ("topics", topics),
        ("partner_agencies", partner_agencies),
    ):
        if values is not None:
            old = sorted(getattr(current, name).values_list("pk", flat=True))
            new = sorted(obj.pk for obj in values)
            if old != new:
                getattr(current, name).set(values)
                changes[name] = [old, new]
    if changes:
        current.version = version + 1
        current.save()
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=current, changes=changes)
    return current


@transaction.atomic
def event_mark_held(*, actor, event: Event, actual_attendance: int | None = None) -> Event:
    current = Event.objects.select_for_update().get(pk=event.pk)
    check_village_write(actor, current.village_id)
    if current.status != Event.Status.PLANNED:
        raise ValidationError(v.EVENT_BAD_TRANSITION)
    if current.starts_at > timezone.now():
        raise ValidationError(v.EVENT_NOT_STARTED)
    if actual_attendance is None:
        actual_attendance = current.attendances.count()
    current.status = Event.Status.HELD
    current.actual_attendance = actual_attendance
    current.version += 1
    current.save(update_fields=["status", "actual_attendance", "version", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=current,
        changes={"status": ["planned", "held"], "actual_attendance": [None, actual_attendance]},
    )
    return current


@transaction.atomic
def event_report(*, actor, event: Event, report: str, actual_attendance: int | None = None) -> Event:
    current = Event.objects.select_for_update().get(pk=event.pk)
    check_village_write(actor, current.village_id)
    if current.status not in (Event.Status.HELD, Event.Status.REPORTED):
        raise ValidationError(v.EVENT_BAD_TRANSITION)
    if not report.strip():
        raise ValidationError({"report": v.REPORT_REQUIRED})
    before = snapshot(current, ["status", "report", "actual_attendance"])
    current.status = Event.Status.REPORTED
    current.report = report.strip()
    if actual_attendance is not None:
        current.actual_attendance = actual_attendance
    current.reported_at = timezone.now()
    current.version += 1
    current.save(
        update_fields=["status", "report", "actual_attendance", "reported_at", "version", "updated_at"]
    )
    changes = diff(before, snapshot(current, ["status", "report", "actual_attendance"]))
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=current, changes=changes)
    return current


# Office Open XML files are zip archives; the extension tells pptx from docx.
_OOXML = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _sniff(upload) -> str | None:
    """Images and PDF by their magic bytes (shared check); pptx/docx on top of that for materials."""
    content_type = uploads.sniff_upload(upload)
    if content_type is None and uploads.read_head(upload).startswith(b"PK\x03\x04"):
        ext = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        return _OOXML.get(ext)
    return content_type


def file_max_bytes() -> int:
    return getattr(settings, "EVENTS_FILE_MAX_BYTES", 20 * uploads.MB)


@transaction.atomic
def event_file_add(*, actor, event: Event, kind: str, upload) -> EventFile:
    """Attach a material or a photo; the type comes from the file's first bytes, never its name alone."""
    check_village_write(actor, event.village_id)
    try:
        uploads.check_size(upload, file_max_bytes())
    except ValidationError as exc:
        raise ValidationError({"file": exc}) from None
    content_type = _sniff(upload) or ""
    allowed = bool(content_type) and (kind == EventFile.Kind.MATERIAL or content_type.startswith("image/"))
    if not allowed:
        raise ValidationError({"file": v.FILE_TYPE_INVALID})
    item = EventFile(
        event=event,
        kind=kind,
        file=upload,
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    item.full_clean(exclude=["uploaded_by"])
    item.save()
    audit_created(actor=actor, target=item, summary=f"Berkas {kind} untuk kegiatan #{event.pk}")
    return item


def office_calendar(kanim) -> OfficeCalendar:
    calendar, _ = OfficeCalendar.objects.get_or_create(kanim=kanim)
    return calendar


@transaction.atomic
def office_calendar_rotate(*, actor, kanim) -> OfficeCalendar:
    """A new secret: subscribers of the old URL stop receiving the feed (use after a leak)."""
    calendar = office_calendar(kanim)
    calendar.token = OfficeCalendar._meta.get_field("token").default()
    calendar.save(update_fields=["token"])
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=calendar, changes={"token": ["•", "•"]})
    return calendar
