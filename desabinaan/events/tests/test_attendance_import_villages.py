"""Sign-in sheets carry village names, not Kemendagri codes: a village is matched by code or by name within the
event's district, and every problem row is reported with its number, the person's name and the column at fault."""

from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance
from desabinaan.people import validation as pv
from desabinaan.regions.models import Village

from .test_attendance_import import _sheet

VILLAGE_COLUMN = "Desa (kode atau nama)"


def _row(name, village, **kw):
    return [name, kw.get("sex", "P"), kw.get("birth", 1995), village, "", kw.get("nik", ""), "", "ya"]


def test_a_village_is_matched_by_its_name_within_the_events_district(world, event):
    rows = [
        _row("Siti Aminah", "Tebat Monok"),  # row 2: the name as on the paper list
        _row("Rina", "desa TEBAT MONOK"),  # row 3: "desa" and capitals do not matter
        _row("Wati", "1708042002"),  # row 4: the code without dots
    ]
    report = services.attendance_import_sheet(actor=world.budi, event=event, source=_sheet(rows))
    assert report.errors == []
    assert report.created == 3
    assert set(Attendance.objects.values_list("person__village_id", flat=True)) == {world.tebat_monok.code}


def test_unknown_and_ambiguous_village_names_are_reported_not_guessed(world, event):
    district = world.tebat_monok.district
    Village.objects.create(
        code="17.08.04.2999",
        name="Kota Agung",
        district=district,
        regency_id="17.08",
        search_text="kota agung",
    )
    Village.objects.create(
        code="17.08.04.2998",
        name="Kota Agung",
        district=district,
        regency_id="17.08",
        search_text="kota agung",
    )
    rows = [
        _row("Siti Aminah", "Tebat Monokk"),  # row 2: a name found nowhere in the district
        _row("Rina", "Kota Agung"),  # row 3: two villages of that name
        _row("Wati", "99.99.99.9999"),  # row 4: a code that does not exist
        _row("Ani", world.other_village.code),  # row 5: a real village outside budi's area
    ]
    report = services.attendance_import_sheet(actor=world.budi, event=event, source=_sheet(rows))
    messages = {e["row"]: e["message"] for e in report.errors}
    assert messages[2] == str(
        v.IMPORT_VILLAGE_NAME_UNKNOWN % {"name": "Tebat Monokk", "district": district.name}
    )
    assert messages[3] == str(
        v.IMPORT_VILLAGE_NAME_AMBIGUOUS
        % {"name": "Kota Agung", "district": district.name, "codes": "17.08.04.2998, 17.08.04.2999"}
    )
    assert messages[4] == str(v.IMPORT_VILLAGE_UNKNOWN)
    assert messages[5] == str(pv.VILLAGE_OUT_OF_SCOPE)  # the only one with the jurisdiction message
    assert len({messages[2], messages[3], messages[4], messages[5]}) == 4
    assert not Attendance.objects.exists()


def test_each_problem_row_names_the_row_the_person_and_the_column(world, login, event):
    rows = [
        _row("Siti Aminah", "Tebat Monok", sex="X"),  # row 2
        _row("Rudi", "Tebat Monok", nik="1708040101880000", sex="L", birth=1988),  # row 3: bad NIK serial
        _row("Wati", "Tebat Monokk"),  # row 4
    ]
    report = services.attendance_import_sheet(actor=world.budi, event=event, source=_sheet(rows))
    assert [(e["row"], e["name"], e["column"]) for e in report.errors] == [
        (2, "Siti Aminah", "L/P"),
        (3, "Rudi", "NIK"),
        (4, "Wati", VILLAGE_COLUMN),
    ]
    client = login(world.budi)
    client.post(f"/sosialisasi/{event.pk}/impor/", {"file": _sheet(rows)})
    from desabinaan.jobs.models import Job

    page = client.get(f"/sosialisasi/{event.pk}/impor/{Job.objects.get().pk}/").content.decode()
    assert "Siti Aminah" in page and VILLAGE_COLUMN in page


def test_re_uploading_only_the_fixed_rows_adds_them_and_says_the_others_are_already_there(world, event):
    first = [
        _row("Siti Aminah", "Tebat Monok"),  # row 2: imported
        _row("Wati", "Tebat Monokk"),  # row 3: typo in the village
    ]
    report = services.attendance_import_sheet(actor=world.budi, event=event, source=_sheet(first))
    assert report.created == 1 and [e["row"] for e in report.errors] == [3]
    fixed = [
        _row("Siti Aminah", "Tebat Monok"),  # row 2: uploaded again by mistake
        _row("Wati", "Tebat Monok"),  # row 3: fixed
    ]
    again = services.attendance_import_sheet(actor=world.budi, event=event, source=_sheet(fixed))
    assert again.created == 1 and again.errors == []
    assert [(s["row"], s["name"]) for s in again.skipped] == [(2, "Siti Aminah")]
    assert "sudah ada" in again.skipped[0]["message"].lower()
    assert Attendance.objects.filter(event=event).count() == 2
