import datetime as dt

import pytest

from lib import nik

MALE = "1771011205900001"  # Kota Bengkulu 17.71.01, man born 12 May 1990
FEMALE = "1771015205900002"  # same place and date, a woman: day 12 + 40 = 52
KNOWN_DISTRICTS = {"17.71.01", "17.08.04"}


def district_exists(code: str) -> bool:
    return code in KNOWN_DISTRICTS


def code_of(raw: str, **kwargs) -> str:
    with pytest.raises(nik.NikError) as info:
        nik.parse(raw, district_exists=district_exists, **kwargs)
    return info.value.code


def test_it_parses_a_valid_male_nik():
    parsed = nik.parse(MALE, district_exists=district_exists, sex="M", birth_date=dt.date(1990, 5, 12))
    assert parsed.district_code == "17.71.01"
    assert parsed.regency_code == "17.71"
    assert parsed.province_code == "17"
    assert parsed.sex == "M"
    assert (parsed.birth_day, parsed.birth_month, parsed.birth_year_2digit) == (12, 5, 90)
    assert parsed.serial == "0001"
    assert parsed.birth_date(today=dt.date(2025, 1, 1)) == dt.date(1990, 5, 12)


def test_it_reads_day_plus_40_as_a_woman():
    parsed = nik.parse(FEMALE, district_exists=district_exists, sex="F", birth_date=dt.date(1990, 5, 12))
    assert parsed.sex == "F"
    assert parsed.birth_day == 12


@pytest.mark.parametrize("day", [41, 55, 71])
def test_it_accepts_days_41_to_71_for_women(day):
    raw = f"177101{day:02d}0190" + "0003"
    assert nik.parse(raw, district_exists=district_exists, sex="F").sex == "F"


def test_it_rejects_day_72_and_day_40():
    assert code_of("1771017201900003") == nik.BAD_DATE
    assert code_of("1771014001900003") == nik.BAD_DATE


def test_it_accepts_spaces_and_dots_people_type():
    assert nik.parse("1771 0112 0590 0001").value == MALE
    assert nik.parse("17.71.01.120590.0001").value == MALE


@pytest.mark.parametrize("raw", ["177101120590000", "17710112059000011", "1" * 15])
def test_it_rejects_the_wrong_length(raw):
    assert code_of(raw) == nik.WRONG_LENGTH


def test_it_rejects_letters():
    assert code_of("17710112059000A1") == nik.NOT_DIGITS


@pytest.mark.parametrize(
    "raw",
    [
        "1771013205900001",  # day 32
        "1771011213900001",  # month 13
        "1771013102900001",  # 31 February
        "1771012902010001",  # 29 February 2001 / 1901
        "1771010005900001",  # day 0
    ],
)
def test_it_rejects_a_bad_date(raw):
    assert code_of(raw) == nik.BAD_DATE


def test_it_accepts_29_february_of_a_leap_year():
    assert nik.parse("1771012902000001").birth_day == 29


def test_it_rejects_an_unknown_district_prefix():
    assert code_of("9999011205900001") == nik.UNKNOWN_REGION


def test_it_rejects_serial_0000():
    assert code_of("1771011205900000") == nik.BAD_SERIAL


def test_it_rejects_a_sex_mismatch():
    assert code_of(MALE, sex="F") == nik.SEX_MISMATCH
    assert code_of(FEMALE, sex="M") == nik.SEX_MISMATCH


def test_it_rejects_a_birth_date_mismatch():
    assert code_of(MALE, birth_date=dt.date(1990, 5, 13)) == nik.BIRTH_DATE_MISMATCH
    assert code_of(MALE, birth_date=dt.date(1991, 5, 12)) == nik.BIRTH_DATE_MISMATCH
    assert code_of(MALE, birth_year=1991) == nik.BIRTH_DATE_MISMATCH
    assert nik.parse(MALE, birth_year=1990).serial == "0001"


def test_it_resolves_the_century_from_today():
    parsed = nik.parse("1771011205100001")
    assert parsed.birth_date(today=dt.date(2025, 1, 1)) == dt.date(2010, 5, 12)
    assert parsed.birth_date(today=dt.date(2009, 1, 1)) == dt.date(1910, 5, 12)


def test_it_masks_all_but_prefix_and_serial():
    assert nik.mask(MALE) == "1771********0001"
    assert nik.mask("1771 0112 0590 0001") == "1771********0001"
    assert nik.mask("12345") == "*****"


def test_a_birth_day_later_in_the_current_month_belongs_to_the_previous_century():
    parsed = nik.parse("1101010201250001")  # 2 January, YY 25
    assert parsed.birth_date(today=dt.date(2025, 1, 1)) == dt.date(1925, 1, 2)
    assert parsed.birth_date(today=dt.date(2025, 1, 2)) == dt.date(2025, 1, 2)
