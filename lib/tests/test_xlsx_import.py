import datetime as dt
import io

import pytest

from lib import xlsx_import as x

COLUMNS = [
    x.Column("name", "Nama", ("nama lengkap",), required=True),
    x.Column("sex", "L/P", ("jenis kelamin",), required=True),
    x.Column("nik", "NIK"),
]


def _sheet(rows) -> io.BytesIO:
    buffer = io.BytesIO()
    x.write_template(buffer, [x.Column("a", h) for h in rows[0]], rows[1:])
    buffer.seek(0)
    return buffer


def test_it_maps_headers_by_alias_and_reads_rows_with_excel_numbers():
    sheet = _sheet(
        [["Nama Lengkap", "Jenis kelamin", "NIK"], ["Ani", "P", None], [None, None, None], ["Budi", "L", 1]]
    )
    rows = list(x.read_rows(sheet, COLUMNS))
    assert rows == [
        (2, {"name": "Ani", "sex": "P", "nik": None}),
        (4, {"name": "Budi", "sex": "L", "nik": 1}),
    ]


def test_it_reports_missing_required_columns():
    with pytest.raises(x.SheetError) as exc:
        list(x.read_rows(_sheet([["Nama", "NIK"], ["Ani", None]]), COLUMNS))
    assert exc.value.code == x.MISSING_COLUMNS
    assert exc.value.detail == "L/P"


def test_it_rejects_a_file_that_is_not_a_workbook():
    with pytest.raises(x.SheetError) as exc:
        list(x.read_rows(io.BytesIO(b"nama,nik\nani,1\n"), COLUMNS))
    assert exc.value.code == x.NOT_XLSX


@pytest.mark.parametrize(("raw", "sex"), [("L", "M"), ("perempuan", "F"), ("Laki-laki", "M"), ("p", "F")])
def test_it_parses_sex(raw, sex):
    assert x.parse_sex(raw) == sex


def test_it_rejects_unknown_sex():
    with pytest.raises(x.SheetError):
        x.parse_sex("?")


def test_it_parses_birth_year_or_date():
    today = dt.date(2025, 1, 1)
    assert x.parse_birth(1990, today=today) == (None, 1990)
    assert x.parse_birth(1990.0, today=today) == (None, 1990)
    assert x.parse_birth("17-08-1995", today=today) == (dt.date(1995, 8, 17), 1995)
    assert x.parse_birth(dt.datetime(2001, 2, 3), today=today) == (dt.date(2001, 2, 3), 2001)
    for bad in ("2030", "kemarin", None):
        with pytest.raises(x.SheetError):
            x.parse_birth(bad, today=today)


def test_it_reads_digits_typed_as_numbers():
    assert x.digits(1708041234560001.0) == "1708041234560001"
    assert x.digits("1708 0412-3456.0001") == "1708041234560001"
