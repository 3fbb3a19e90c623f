import datetime as dt
import io

import pytest
from openpyxl import Workbook

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


def test_it_reads_dates_numbers_and_gaps_as_excel_shows_them():
    sheet = _sheet(
        [
            ["Nama", "L/P", "NIK", "Lahir"],
            ["Ani", "P", 1708044506950001, dt.date(1995, 6, 5)],
            [None, None, None, None],
            ["Budi", "L", "  ", 1990.0],
        ]
    )
    columns = [*COLUMNS, x.Column("birth", "Lahir")]
    rows = list(x.read_rows(sheet, columns))
    assert rows == [
        (2, {"name": "Ani", "sex": "P", "nik": 1708044506950001, "birth": dt.date(1995, 6, 5)}),
        (4, {"name": "Budi", "sex": "L", "nik": None, "birth": 1990}),  # a blank cell: None
    ]
    assert x.digits(1708044506950001) == "1708044506950001"


def test_the_row_estimate_comes_from_the_dimension_record_when_the_writer_left_one():
    workbook = Workbook()  # the normal (not write-only) mode writes <dimension ref="A1:B4"/>
    for row in (["Nama", "L/P"], ["Ani", "P"], ["Budi", "L"], ["Wati", "P"]):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert x.declared_rows(buffer) == 3
    assert buffer.tell() == 0
    estimates = []
    assert len(list(x.read_rows(buffer, COLUMNS[:2], on_open=estimates.append))) == 3
    assert estimates == [3]
    assert x.declared_rows(_sheet([["Nama"], ["Ani"]])) is None  # write-only mode leaves it out


def test_day_first_dates_are_read_without_strptime_as_strptime_reads_them():
    today = dt.date(2025, 1, 1)
    for raw in ("5-6-1995", "05/06/1995", "05.06.1995", "05 06 1995"):
        assert x.parse_birth(raw, today=today) == (dt.date(1995, 6, 5), 1995)
    for raw in ("31-02-1995", "05-06/1995", "5-13-1995"):
        with pytest.raises(x.SheetError):
            x.parse_birth(raw, today=today)
