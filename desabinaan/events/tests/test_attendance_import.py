"""Excel import of a paper sign-in sheet: every row imported or reported with its number; re-import is a no-op."""

import io
import zipfile

from django.template.loader import render_to_string
from openpyxl import Workbook

from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance
from desabinaan.jobs.models import Job
from desabinaan.people import validation as pv
from desabinaan.people.models import Person
from lib import xlsx_import as xl

HEADER = [
    "Nama",
    "L/P",
    "Tahun atau tanggal lahir",
    "Kode desa",
    "Kelompok sasaran",
    "NIK",
    "Telepon",
    "Setuju (ya/tidak)",
]


def _sheet(rows) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "daftar-hadir.xlsx"
    return buffer


def _rows(village):
    return [
        ["Siti Aminah", "P", 1995, village, "Calon PMI dan keluarga", "1708044506950001", "", "ya"],  # row 2
        ["Rudi Hartono", "L", "12-05-1990", village, "Masyarakat umum", "", "0812-3456-7890", "ya"],  # row 3
        ["Andi", "L", 1988, village, "", "1708040101880000", "", "ya"],  # row 4: bad NIK (serial 0000)
        [None, "P", 1990, village, "", "", "", "ya"],  # row 5: missing name
        ["Rudi  Hartono", "L", "12-05-1990", village, "", "", "", "ya"],  # row 6: duplicate of row 3
        ["Wati", "P", 1979, village, "umum", "", "", "ya"],  # row 7: target group by code
    ]


def _upload(client, event, rows):
    return client.post(f"/sosialisasi/{event.pk}/impor/", {"file": _sheet(rows)}, follow=True)


def test_it_imports_good_rows_and_reports_each_problem_row(world, login, event):
    response = _upload(login(world.ani), event, _rows(event.village_id))
    job = Job.objects.get()
    assert job.status == "done", job.error
    result = job.result
    assert result["rows"] == 6
    assert result["created"] == 3
    assert {e["row"]: e["message"] for e in result["errors"]} == {
        4: str(pv.NIK_MESSAGES["bad_serial"]),
        5: str(v.NAME_REQUIRED),
        6: str(v.IMPORT_DUPLICATE_ROW % {"row": 3}),
    }
    names = set(Attendance.objects.filter(event=event).values_list("person__name", flat=True))
    assert names == {"Siti Aminah", "Rudi Hartono", "Wati"}
    page = response.content.decode()
    for row in (4, 5, 6):
        assert f'data-error-row="{row}"' in page
    assert "1708040101880000" not in page and "1708040101880000" not in str(result)


def test_importing_the_same_file_again_creates_no_duplicates(world, login, event):
    client = login(world.ani)
    _upload(client, event, _rows(event.village_id))
    persons, attendances = Person.objects.count(), Attendance.objects.count()
    _upload(client, event, _rows(event.village_id))
    assert (Person.objects.count(), Attendance.objects.count()) == (persons, attendances)
    second = Job.objects.order_by("-id").first().result
    assert second["created"] == 0
    assert [s["row"] for s in second["skipped"]] == [2, 3, 7]
    assert len(second["errors"]) == 3


def test_it_links_people_already_registered_by_the_form(world, event):
    services.attendance_record(
        actor=world.ani,
        event=event,
        village=event.village,
        name="Wati",
        sex="F",
        birth_year=1979,
        consent=True,
    )
    report = services.attendance_import_sheet(
        actor=world.ani, event=event, source=_sheet(_rows(event.village_id))
    )
    assert report.persons_linked == 1
    assert [s["row"] for s in report.skipped] == [7]
    assert Person.objects.filter(name="Wati").count() == 1


def test_it_reports_rows_outside_scope_unknown_villages_and_missing_consent(world, event):
    rows = [
        ["A", "L", 1990, world.other_village.code, "", "", "", "ya"],
        ["B", "L", 1990, "99.99.99.9999", "", "", "", "ya"],
        ["C", "L", 1990, event.village_id, "", "", "", "tidak"],
        ["D", "X", 1990, event.village_id, "", "", "", "ya"],
        ["E", "L", "kemarin", event.village_id, "", "", "", "ya"],
        ["F", "L", 2015, event.village_id, "", "", "", "ya"],
    ]
    report = services.attendance_import_sheet(actor=world.budi, event=event, source=_sheet(rows))
    assert {e["row"]: e["message"] for e in report.errors} == {
        2: str(pv.VILLAGE_OUT_OF_SCOPE),
        3: str(v.IMPORT_VILLAGE_UNKNOWN),  # a code that does not exist is not a jurisdiction matter
        4: str(v.IMPORT_NO_CONSENT),
        5: str(v.IMPORT_BAD_SEX),
        6: str(v.IMPORT_BAD_BIRTH),
        7: str(pv.GUARDIAN_REQUIRED),
    }
    assert report.created == 0


def test_it_fails_the_job_with_a_readable_message_for_a_non_excel_file(world, login, event):
    upload = io.BytesIO(b"nama,nik\n")
    upload.name = "daftar.xlsx"
    login(world.ani).post(f"/sosialisasi/{event.pk}/impor/", {"file": upload})
    job = Job.objects.get()
    assert job.status == "failed"
    assert job.error == str(v.IMPORT_NOT_XLSX)


def test_the_template_downloads_and_reads_back(world, login, event):
    response = login(world.ani).get("/sosialisasi/impor/templat.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="templat-daftar-hadir.xlsx"'
    persons = Person.objects.count()
    # Imported unchanged: headers and one example row, which is skipped and reported as such, never a person.
    report = services.attendance_import_sheet(
        actor=world.ani, event=event, source=io.BytesIO(response.content)
    )
    assert (report.rows, report.created, report.persons_created, report.errors) == (1, 0, 0, [])
    assert [(s["row"], s["message"]) for s in report.skipped] == [
        (2, str(services.imports.IMPORT_EXAMPLE_SKIPPED))
    ]
    assert "contoh dilewati" in report.skipped[0]["message"].lower()
    assert Person.objects.count() == persons and not Attendance.objects.filter(event=event).exists()


def test_the_example_row_is_skipped_wherever_it_sits_and_real_rows_still_import(world, event):
    rows = [
        ["contoh - Budi", "L", 1990, event.village_id, "", "", "", "ya"],  # row 2: an example, any case
        ["Contohani Putri", "P", 1995, event.village_id, "", "", "", "ya"],  # row 3: a real name, imported
    ]
    report = services.attendance_import_sheet(actor=world.ani, event=event, source=_sheet(rows))
    assert report.created == 1 and [s["row"] for s in report.skipped] == [2]
    assert Person.objects.filter(name="Contohani Putri").exists()
    assert not Person.objects.filter(name__icontains="budi").exists()


def test_the_status_page_is_scoped(world, login, event):
    _upload(login(world.ani), event, _rows(event.village_id))
    job = Job.objects.get()
    url = f"/sosialisasi/{event.pk}/impor/{job.pk}/"
    assert login(world.budi).get(url).status_code == 200
    assert login(world.dewi).get(url).status_code == 404
    partial = login(world.ani).get(url, headers={"HX-Request": "true"})
    assert b"data-import-result" in partial.content and b"<html" not in partial.content


def test_it_fails_the_job_without_retry_for_a_sheet_that_inflates_beyond_the_limit(world, login, event):
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", b" " * (8 * 1024 * 1024))
    upload.seek(0)
    upload.name = "daftar.xlsx"
    login(world.ani).post(f"/sosialisasi/{event.pk}/impor/", {"file": upload})
    job = Job.objects.get()
    assert job.status == "failed"
    assert job.error == str(v.IMPORT_TOO_LARGE % {"mb": xl.MAX_UNCOMPRESSED_BYTES // (1024 * 1024)})
    assert not job.can_retry


def test_a_running_import_without_a_known_total_shows_the_rows_done_not_zero_percent(event):
    """A sheet whose writer left out the dimension record: no percentage, the rows read so far."""
    running = Job(pk=7, kind="events.attendance_import", status=Job.Status.RUNNING, progress_done=1200)
    html = render_to_string("events/_import_status.html", {"job": running, "event": event})
    assert "1200 baris sudah diproses" in html and "dari" not in html and 'value="0"' not in html
    running.progress_total = 4800
    html = render_to_string("events/_import_status.html", {"job": running, "event": event})
    assert "1200 dari 4800 baris diproses" in html and 'value="25"' in html
