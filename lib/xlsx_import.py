"""Reading paper sign-in sheets typed into Excel: header matching, streaming rows, and lenient cell parsing.

No Django here. Callers map the error codes (module constants) to their own user-facing messages. Reading streams
the first worksheet row by row with python-calamine-plus (calamine, in Rust), so memory stays flat however long the
sheet is; the shared-strings part is still read whole, so the archive is inspected first (`check_archive`): a small
upload whose parts inflate to gigabytes is refused before any part is decompressed. Writing (the template) is
openpyxl's.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from openpyxl import Workbook
from python_calamine_plus import CalamineError, CalamineWorkbook

from lib.text import fold

# Error codes.
NOT_XLSX = "not_xlsx"
MISSING_COLUMNS = "missing_columns"
BAD_SEX = "bad_sex"
BAD_BIRTH = "bad_birth"
ARCHIVE_TOO_LARGE = "archive_too_large"

# Limits on what the parts of an .xlsx may inflate to. A real sign-in sheet of thousands of rows is a few MB
# uncompressed and compresses about 5-20:1; a zip bomb compresses about 1000:1.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Tiny parts (styles, empty sheets) may compress better than the ratio without costing memory.
_RATIO_FLOOR_BYTES = 1024 * 1024

_TRUE = {"ya", "y", "yes", "1", "true", "v", "x", "setuju", "benar"}
_MALE = {"l", "lk", "laki", "laki laki", "pria", "m", "male", "lelaki"}
_FEMALE = {"p", "pr", "perempuan", "wanita", "f", "female", "w"}
_NOT_DIGIT_MARKS = re.compile(r"[\s.\-']")
_YEAR = re.compile(r"\d{4}")
# dd-mm-yyyy with one separator kind, as _DATE_FORMATS' day-first formats read it (one or two digit day and month).
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})([-/. ])(\d{1,2})\2(\d{4})")
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d %m %Y")


class SheetError(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # as written in the template
    aliases: tuple[str, ...] = ()
    required: bool = False

    def matches(self, folded: str) -> bool:
        return folded == fold(self.header) or folded in {fold(a) for a in self.aliases}


def header_map(header_row: tuple[Any, ...], columns: list[Column]) -> dict[str, int]:
    """Field name → column index; SheetError(MISSING_COLUMNS, "a, b") when a required column is absent."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header_row):
        folded = fold(str(cell)) if cell is not None else ""
        if not folded:
            continue
        for column in columns:
            if column.field not in found and column.matches(folded):
                found[column.field] = index
                break
    missing = [c.header for c in columns if c.required and c.field not in found]
    if missing:
        raise SheetError(MISSING_COLUMNS, ", ".join(missing))
    return found


def check_archive(
    source: str | IO[bytes],
    *,
    max_bytes: int = MAX_UNCOMPRESSED_BYTES,
    max_ratio: int = MAX_COMPRESSION_RATIO,
) -> None:
    """SheetError(ARCHIVE_TOO_LARGE) when the parts would inflate past `max_bytes` or one part past `max_ratio`.

    Reads the zip directory only. The sizes it declares are binding: Python's zipfile stops inflating a part at its
    declared size (and then fails the CRC), so a part cannot lie its way past this check. A file left at its start.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SheetError(NOT_XLSX) from exc
    finally:
        if not isinstance(source, str):
            source.seek(0)
    total = 0
    for part in parts:
        total += part.file_size
        if total > max_bytes:
            raise SheetError(ARCHIVE_TOO_LARGE, part.filename)
        if part.file_size > _RATIO_FLOOR_BYTES and part.file_size > max_ratio * max(part.compress_size, 1):
            raise SheetError(ARCHIVE_TOO_LARGE, part.filename)


def _open_stream(source: str | IO[bytes]):
    """(workbook, the first worksheet's row stream); SheetError(NOT_XLSX) for anything that is not an .xlsx."""
    check_archive(source)
    try:
        if isinstance(source, str):
            workbook = CalamineWorkbook.from_path(source)
        else:
            workbook = CalamineWorkbook.from_filelike(source)
        return workbook, workbook.stream_sheet_by_index(0)
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        raise SheetError(NOT_XLSX) from exc


_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def declared_rows(source: str | IO[bytes]) -> int | None:
    """Data rows by the first sheet's dimension record, which Excel and LibreOffice write at the start of the sheet
    (an estimate for progress bars; None when the writer left it out). Reads a few hundred bytes only."""
    try:
        with zipfile.ZipFile(source) as archive, archive.open("xl/worksheets/sheet1.xml") as part:
            found = _DIMENSION.search(part.read(2048))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        if not isinstance(source, str):
            source.seek(0)
    if found is None:
        return None
    return max(0, int(found[1] or 1) - 1)


def read_rows(
    source: str | IO[bytes], columns: list[Column], *, on_open: Callable[[int | None], None] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number as Excel shows it, {field: raw cell value}) for every non-blank data row after the header.

    Cells are read as the sheet streams (python-calamine-plus, in Rust): memory stays flat however long the sheet
    is. An empty cell is None, a whole number an int, a date cell a date (a date-time cell a datetime).
    `on_open(estimated data rows or None)` is called once the file is open (for progress bars; see `declared_rows`).
    """
    estimate = declared_rows(source) if on_open is not None else None
    workbook, stream = _open_stream(source)
    try:
        if on_open is not None:
            on_open(estimate)
        rows = iter(stream)
        try:
            header = next(rows, None)
        except CalamineError as exc:
            raise SheetError(NOT_XLSX) from exc
        if header is None:
            raise SheetError(MISSING_COLUMNS, ", ".join(c.header for c in columns if c.required))
        mapping = list(header_map(tuple(header), columns).items())
        try:
            for number, row in enumerate(rows, start=2):
                width = len(row)
                values = {
                    field: (None if index >= width or row[index] == "" else row[index])
                    for field, index in mapping
                }
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
                    continue
                yield number, values
        except CalamineError as exc:  # a part that is not well-formed XML, found half-way
            raise SheetError(NOT_XLSX) from exc
    finally:
        workbook.close()


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def digits(value: Any) -> str:
    """A NIK or phone number typed as a number (Excel drops nothing from 16 digits only if typed as text)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is int and value >= 0:
        return str(value)
    return _NOT_DIGIT_MARKS.sub("", text(value))


def parse_sex(value: Any) -> str:
    """'M' or 'F' from L/P, Laki-laki/Perempuan, M/F; SheetError(BAD_SEX) otherwise."""
    folded = fold(text(value))
    if folded in _MALE:
        return "M"
    if folded in _FEMALE:
        return "F"
    raise SheetError(BAD_SEX)


def parse_birth(value: Any, *, today: dt.date | None = None) -> tuple[dt.date | None, int]:
    """(birth date or None, birth year) from a year, an Excel date, or a dd-mm-yyyy / yyyy-mm-dd text."""
    today = today or dt.date.today()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value.year
    if isinstance(value, int) and not isinstance(value, bool):
        if 1900 <= value <= today.year:
            return None, value
        raise SheetError(BAD_BIRTH)
    raw = text(value)
    if _YEAR.fullmatch(raw):
        year = int(raw)
        if 1900 <= year <= today.year:
            return None, year
        raise SheetError(BAD_BIRTH)
    day_first = _DAY_MONTH_YEAR.fullmatch(raw)
    if day_first:  # the usual dd-mm-yyyy, without strptime's cost (one call per sheet row)
        try:
            day = dt.date(int(day_first[4]), int(day_first[3]), int(day_first[1]))
        except ValueError:
            raise SheetError(BAD_BIRTH) from None
        return day, day.year
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        return day, day.year
    raise SheetError(BAD_BIRTH)


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return fold(text(value)) in _TRUE


def write_template(target: str | IO[bytes], columns: list[Column], examples: list[list[Any]]) -> None:
    """An .xlsx with the header row and a few example rows, for officers to copy the paper sheet into."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Daftar hadir")
    sheet.append([c.header for c in columns])
    for row in examples:
        sheet.append(row)
    workbook.save(target)
