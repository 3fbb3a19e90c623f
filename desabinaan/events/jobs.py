"""Background-job handlers of the events app (registered from EventsConfig.ready)."""

from django.core.files.storage import default_storage

from desabinaan.accounts.models import User
from desabinaan.jobs.services import JobError, job_handler
from lib import xlsx_import as xl

from . import services
from . import validation as v
from .models import Event

ATTENDANCE_IMPORT = "events.attendance_import"


@job_handler(ATTENDANCE_IMPORT)
def attendance_import(job, progress) -> dict:
    """payload: {"event_id", "path" (in default storage), "actor_id"} → ImportReport.as_dict()."""
    payload = job.payload
    event = Event.objects.get(pk=payload["event_id"])
    actor = User.objects.get(pk=payload["actor_id"]) if payload.get("actor_id") else None
    path = payload["path"]
    try:
        with default_storage.open(path, "rb") as handle:
            report = services.attendance_import_sheet(
                actor=actor, event=event, source=handle, progress=progress
            )
    except xl.SheetError as exc:
        if exc.code == xl.MISSING_COLUMNS:
            raise JobError(str(v.IMPORT_MISSING_COLUMNS % {"columns": exc.detail})) from None
        raise JobError(str(v.IMPORT_NOT_XLSX)) from None
    finally:
        # The uploaded sheet holds personal data: keep it no longer than the import needs it.
        default_storage.delete(path)
    return report.as_dict()
