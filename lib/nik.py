"""NIK (Nomor Induk Kependudukan) structure: `PP KK CC DDMMYY SSSS`.

Framework-free. The first six digits are the district where the NIK was first registered; DD is the birth day, plus 40
for women; the century of YY is ambiguous, so a known birth date or a reference date resolves it. There is no public
checksum: this validates structure, the region prefix (through a caller-given predicate) and the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

# Error codes; the Django layer maps each to a translated message.
WRONG_LENGTH = "wrong_length"
NOT_DIGITS = "not_digits"
UNKNOWN_REGION = "unknown_region"
BAD_DATE = "bad_date"
BAD_SERIAL = "bad_serial"
SEX_MISMATCH = "sex_mismatch"
BIRTH_DATE_MISMATCH = "birth_date_mismatch"


class NikError(ValueError):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(code if not detail else f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Nik:
    value: str
    district_code: str  # dotted Kemendagri district code, e.g. "17.08.04"
    sex: str  # "M" or "F"
    birth_day: int
    birth_month: int
    birth_year_2digit: int
    serial: str

    @property
    def regency_code(self) -> str:
        return self.district_code[:5]

    @property
    def province_code(self) -> str:
        return self.district_code[:2]

    def birth_date(self, *, today: dt.date) -> dt.date | None:
        """The birth date, taking the century that puts it at or before `today`.

        None for 29 February of a century year that was not a leap year (1900), which the NIK cannot tell apart.
        """
        year = 2000 + self.birth_year_2digit
        # parse() validated day and month against 2000 + YY, so this date exists; a birth cannot lie after today.
        if dt.date(year, self.birth_month, self.birth_day) > today:
            year -= 100
        try:
            return dt.date(year, self.birth_month, self.birth_day)
        except ValueError:
            return None


_ASCII_DIGITS = frozenset("0123456789")


def normalize(raw: str) -> str:
    """Strip spaces (any Unicode space), dots and dashes people type into NIKs."""
    raw = str(raw)
    if raw.isdigit():  # already bare (the usual case): nothing to strip
        return raw
    return "".join(ch for ch in raw if ch not in ".-" and not ch.isspace())


def parse(
    raw: str,
    *,
    district_exists: Callable[[str], bool] | None = None,
    sex: str | None = None,
    birth_date: dt.date | None = None,
    birth_year: int | None = None,
) -> Nik:
    """Parse and validate a NIK; raise NikError with a code on the first problem found.

    `sex`, `birth_date` and `birth_year` (when only the year is known) are checked against what the NIK encodes.
    """
    value = normalize(raw)
    # ASCII digits only. str.isdigit() also accepts Arabic-Indic and superscript digits: those gave one person
    # several "different" NIKs (their hashes differ) and int("²") a server error. NFKC would turn "²" into "2",
    # silently reading a different NIK than the one typed, so other digits are refused rather than converted.
    if not value or not set(value) <= _ASCII_DIGITS:
        raise NikError(NOT_DIGITS)
    if len(value) != 16:
        raise NikError(WRONG_LENGTH, str(len(value)))
    district_code = f"{value[0:2]}.{value[2:4]}.{value[4:6]}"
    if district_exists is not None and not district_exists(district_code):
        raise NikError(UNKNOWN_REGION, district_code)
    day, month, yy = int(value[6:8]), int(value[8:10]), int(value[10:12])
    nik_sex = "F" if day > 40 else "M"
    if day > 40:
        day -= 40
    if not _is_valid_day_month(day, month, yy):
        raise NikError(BAD_DATE)
    serial = value[12:16]
    if serial == "0000":
        raise NikError(BAD_SERIAL)
    nik = Nik(value, district_code, nik_sex, day, month, yy, serial)
    if sex is not None and sex != nik_sex:
        raise NikError(SEX_MISMATCH)
    if birth_date is not None and (
        birth_date.day != day or birth_date.month != month or birth_date.year % 100 != yy
    ):
        raise NikError(BIRTH_DATE_MISMATCH)
    if birth_date is None and birth_year is not None and birth_year % 100 != yy:
        raise NikError(BIRTH_DATE_MISMATCH)
    return nik


def _is_valid_day_month(day: int, month: int, yy: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # 29 February needs a leap year; with an ambiguous century, 00 counts (2000 was a leap year).
    try:
        dt.date(2000 + yy, month, day)
    except ValueError:
        return False
    return True


def mask(raw: str) -> str:
    """`1771********0001`: region prefix and serial only, as UU PDP practice asks."""
    value = normalize(raw)
    if len(value) != 16:
        return "*" * len(value)
    return value[:4] + "*" * 8 + value[12:]
