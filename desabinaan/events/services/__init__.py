"""Writes of the events app, one module per responsibility: events (plan, report, files, calendar), attendance
(one attendee), imports (sign-in sheets), quiz (pre/post tests). Pages, the JSON API, the import task and the self
check-in all call these. Re-exported here so callers keep writing `services.attendance_record`.
"""

from .attendance import AlreadyAttending, ClientIdReused, attendance_record
from .common import can_write_event, check_event_started, rate_limit_allow
from .events import (
    EDITABLE_FIELDS,
    event_create,
    event_file_add,
    event_mark_held,
    event_report,
    event_update,
    office_calendar,
    office_calendar_rotate,
)
from .imports import IMPORT_COLUMNS, IMPORT_EXAMPLES, ImportReport, attendance_import_sheet
from .quiz import quiz_response_record
from .roster import attendance_record_person, attendance_remove, attendance_update

__all__ = [
    "EDITABLE_FIELDS",
    "IMPORT_COLUMNS",
    "IMPORT_EXAMPLES",
    "AlreadyAttending",
    "ClientIdReused",
    "ImportReport",
    "attendance_import_sheet",
    "attendance_record",
    "attendance_record_person",
    "attendance_remove",
    "attendance_update",
    "can_write_event",
    "check_event_started",
    "event_create",
    "event_file_add",
    "event_mark_held",
    "event_report",
    "event_update",
    "office_calendar",
    "office_calendar_rotate",
    "quiz_response_record",
    "rate_limit_allow",
]
