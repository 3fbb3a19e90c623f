"""A re-run of the same import (a killed worker's job run again) writes each row once and reports every row."""

from desabinaan.audit.models import AuditEntry
from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance
from desabinaan.people.models import Consent, Person

from .test_attendance_import import _rows, _sheet


def _accounted(report) -> int:
    return report.created + len(report.errors) + len(report.skipped)


def test_running_the_same_import_twice_writes_each_row_once(world, event):
    first = services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(_rows(event.village_id)), import_key="job-1"
    )
    written = (Person.objects.count(), Attendance.objects.count(), Consent.objects.count())
    assert first.created == 3 and _accounted(first) == first.rows == 6

    again = services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(_rows(event.village_id)), import_key="job-1"
    )
    assert (Person.objects.count(), Attendance.objects.count(), Consent.objects.count()) == written
    assert again.created == 0 and _accounted(again) == again.rows == 6
    assert {s["row"]: s["message"] for s in again.skipped} == {
        row: str(v.IMPORT_ALREADY_IMPORTED) for row in (2, 3, 7)
    }
    assert [e["row"] for e in again.errors] == [4, 5, 6]


def test_a_rerun_finishes_what_a_killed_attempt_left(world, event):
    rows = _rows(event.village_id)
    # The killed attempt got through the first two rows of the sheet only.
    services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(rows[:2]), import_key="job-7"
    )
    report = services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(rows), import_key="job-7"
    )
    assert report.created == 1  # row 7
    assert [s["row"] for s in report.skipped] == [2, 3]
    assert Attendance.objects.filter(event=event).count() == 3
    assert Person.objects.filter(name="Wati").count() == 1


def test_another_import_of_the_same_sheet_reports_the_attendees_as_already_attending(world, event):
    services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(_rows(event.village_id)), import_key="job-1"
    )
    report = services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(_rows(event.village_id)), import_key="job-2"
    )
    assert {s["row"]: s["message"] for s in report.skipped} == {
        row: str(v.IMPORT_ALREADY_ATTENDING) for row in (2, 3, 7)
    }


def test_imported_rows_are_audited_without_secrets(world, event):
    services.attendance_import_sheet(actor=world.ani, event=event, source=_sheet(_rows(event.village_id)))
    siti = Person.objects.get(name="Siti Aminah")
    entry = AuditEntry.objects.get(target_type="people.person", target_id=str(siti.pk))
    assert entry.actor == world.ani and entry.changes["nik_hash"] == ["•", "•"]
    assert "1708044506950001" not in repr(entry.changes)
    assert AuditEntry.objects.filter(target_type="events.attendance").count() == 3
    assert AuditEntry.objects.filter(target_type="people.consent").count() == 3


def test_one_person_on_two_rows_with_and_without_nik_is_registered_once(world, event):
    village = event.village_id
    rows = [
        ["Siti Aminah", "P", "05-06-1995", village, "", "1708044506950001", "", "ya"],
        ["Siti Aminah", "P", 1995, village, "", "", "", "ya"],
    ]
    report = services.attendance_import_sheet(actor=world.ani, event=event, source=_sheet(rows))
    assert Person.objects.filter(name="Siti Aminah").count() == 1
    assert report.created == 1
    assert [s["row"] for s in report.skipped] == [3]
