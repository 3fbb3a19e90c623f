"""The events app's background work on the task engine (desabinaan.jobs explains the contract)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django_tasks import task

from desabinaan.accounts.models import User
from desabinaan.jobs.models import Job
from desabinaan.jobs.services import JobError, job_execute, job_start
from lib import xlsx_import as xl

from . import services
from . import validation as v
from .models import Event

ATTENDANCE_IMPORT = "events.attendance_import"


def _import(job: Job, progress) -> dict:
    """payload: {"event_id", "upload" (a path in default storage), "actor_id"} → ImportReport.as_dict().

    Re-run safe: rows are keyed by the job, so an attempt after a killed worker skips what the dead one wrote.
    """
    payload = job.payload
    event = Event.objects.get(pk=payload["event_id"])
    actor = User.objects.get(pk=payload["actor_id"]) if payload.get("actor_id") else None
    try:
        with default_storage.open(payload["upload"], "rb") as handle:
            report = services.attendance_import_sheet(
                actor=actor, event=event, source=handle, progress=progress, import_key=f"job-{job.pk}"
            )
    except xl.SheetError as exc:
        if exc.code == xl.MISSING_COLUMNS:
            raise JobError(str(v.IMPORT_MISSING_COLUMNS % {"columns": exc.detail})) from None
        if exc.code == xl.ARCHIVE_TOO_LARGE:
            raise JobError(
                str(v.IMPORT_TOO_LARGE % {"mb": xl.MAX_UNCOMPRESSED_BYTES // (1024 * 1024)})
            ) from None
        raise JobError(str(v.IMPORT_NOT_XLSX)) from None
    except ValidationError as exc:  # e.g. an event still in the future
        raise JobError(exc.messages[0]) from None
    return report.as_dict()


@task()
def attendance_import(job_id: int) -> dict:
    return job_execute(job_id=job_id, handler=_import)


def attendance_import_start(*, actor, event: Event, upload: str) -> Job:
    """Import the sheet stored at `upload` in the background; the sheet is deleted when the import ends."""
    return job_start(
        task=attendance_import,
        kind=ATTENDANCE_IMPORT,
        payload={"event_id": event.pk, "upload": upload, "actor_id": getattr(actor, "pk", None)},
        actor=actor,
    )
