"""The retention schedule for uploaded files: each file is deleted from storage once its period has passed.

Where the record must stay, the row stays and says the file was deleted by the schedule (an activity in the village's
log keeps its attachment row, named FILE_PURGED; a graduated village keeps its SK number and date); event photos
(faces of attendees) go with their row, the event stays. Storage is cleared after the batch commits.
Attachments of closed anonymous reports go with the report's anonymisation (retention.CLOSED_REPORT).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from desabinaan.events.models import EventFile
from desabinaan.program.models import ActivityAttachment, DesaBinaan, DesaBinaanTransition

from .models import RecordType, RetentionRule

# Stored in the row whose file was deleted; pages show their translated "berkas dihapus menurut jadwal retensi".
FILE_PURGED = "berkas dihapus menurut jadwal retensi"


def _delete_stored(field, names: list[str]) -> None:
    storage = field.storage
    names = [n for n in names if n]

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def _old_event_photos(rule: RetentionRule, now: dt.datetime) -> list[int]:
    cutoff = now - dt.timedelta(days=rule.period_days)
    qs = EventFile.objects.filter(kind=EventFile.Kind.PHOTO, event__starts_at__lt=cutoff)
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _delete_event_photos(ids: list[int]) -> None:
    rows = EventFile.objects.filter(pk__in=ids)
    _delete_stored(EventFile._meta.get_field("file"), list(rows.values_list("file", flat=True)))
    rows.delete()


def _old_activity_attachments(rule: RetentionRule, now: dt.datetime) -> list[int]:
    cutoff = timezone.localdate(now) - dt.timedelta(days=rule.period_days)
    qs = ActivityAttachment.objects.filter(activity__date__lt=cutoff).exclude(file="")
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _purge_activity_attachments(ids: list[int]) -> None:
    rows = ActivityAttachment.objects.filter(pk__in=ids)
    _delete_stored(ActivityAttachment._meta.get_field("file"), list(rows.values_list("file", flat=True)))
    rows.update(file="", name=FILE_PURGED, size=0)


def _old_sk_files(rule: RetentionRule, now: dt.datetime) -> list[int]:
    """SK PDFs of villages that graduated (mandiri) longer ago than the period; number and date stay."""
    cutoff = now - dt.timedelta(days=rule.period_days)
    graduated = DesaBinaanTransition.objects.filter(
        desa_binaan=OuterRef("pk"), to_status=DesaBinaan.Status.GRADUATED, at__lt=cutoff
    )
    qs = (
        DesaBinaan.objects.filter(status=DesaBinaan.Status.GRADUATED)
        .exclude(sk_file="")
        .filter(Exists(graduated))
    )
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _purge_sk_files(ids: list[int]) -> None:
    rows = DesaBinaan.objects.filter(pk__in=ids)
    _delete_stored(DesaBinaan._meta.get_field("sk_file"), list(rows.values_list("sk_file", flat=True)))
    rows.update(sk_file="")


HANDLERS = {
    RecordType.EVENT_PHOTO: (_old_event_photos, _delete_event_photos),
    RecordType.ACTIVITY_ATTACHMENT: (_old_activity_attachments, _purge_activity_attachments),
    RecordType.SK_FILE: (_old_sk_files, _purge_sk_files),
}
