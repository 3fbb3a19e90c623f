"""Property tests (Hypothesis) of the framework-free helpers and the region importer.

NIK parsing round trips; region codes normalise idempotently and keep their hierarchy; text folding and name keys
are idempotent; masking leaves no 16-digit run; importing a random subset of regions twice changes nothing the
second time. (Passport fee and validity properties live in lib/tests/test_passport_properties.py.)
"""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from lib import nik, regions_data
from lib.masking import mask_text
from lib.text import fold, name_key

DISTRICTS = sorted(code for code in regions_data._load("wilayah") if code.count(".") == 2)
SIXTEEN_DIGIT_RUN = re.compile(r"(?<!\d)\d{16}(?!\d)")

district = st.sampled_from(DISTRICTS)
# The century of YY is ambiguous: with "today" 2025-01-01 (below), 1925-01-01 and 2025-01-01 share a NIK and the
# parser rightly takes the recent one. Births strictly within the hundred years before "today" resolve exactly.
birth = st.dates(min_value=dt.date(1925, 1, 2), max_value=dt.date(2024, 12, 31))
sex = st.sampled_from(["M", "F"])
serial = st.integers(min_value=1, max_value=9999)


def build_nik(district_code: str, birth_date: dt.date, sex_: str, serial_: int) -> str:
    day = birth_date.day + (40 if sex_ == "F" else 0)
    return (
        district_code.replace(".", "")
        + f"{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial_:04d}"
    )


@given(district, birth, sex, serial)
def test_a_well_formed_nik_parses_back_to_its_parts(district_code, birth_date, sex_, serial_):
    raw = build_nik(district_code, birth_date, sex_, serial_)
    parsed = nik.parse(raw, district_exists=DISTRICTS.__contains__, sex=sex_, birth_date=birth_date)
    assert parsed.district_code == district_code
    assert parsed.sex == sex_
    assert (parsed.birth_day, parsed.birth_month) == (birth_date.day, birth_date.month)
    assert parsed.serial == f"{serial_:04d}"
    assert parsed.birth_date(today=dt.date(2025, 1, 1)) == birth_date


@given(district, birth, sex, serial, st.lists(st.sampled_from([" ", ".", "-"]), max_size=6), st.randoms())
def test_separators_people_type_do_not_change_the_nik(district_code, birth_date, sex_, serial_, seps, rnd):
    raw = build_nik(district_code, birth_date, sex_, serial_)
    typed = list(raw)
    for sep in seps:
        typed.insert(rnd.randint(0, len(typed)), sep)
    assert nik.parse("".join(typed)).value == raw
    assert nik.mask("".join(typed)) == raw[:4] + "********" + raw[12:]


@given(st.text(max_size=24))
def test_any_input_either_parses_or_raises_a_nik_error(raw):
    try:
        parsed = nik.parse(raw)
    except nik.NikError as exc:
        assert exc.code in {nik.NOT_DIGITS, nik.WRONG_LENGTH, nik.BAD_DATE, nik.BAD_SERIAL}
    else:
        assert len(parsed.value) == 16 and parsed.value.isdigit()


@given(st.from_regex(r"\A\d{16}\Z"))
def test_a_mask_shows_only_the_region_prefix_and_the_serial(raw):
    masked = nik.mask(raw)
    assert masked == raw[:4] + "*" * 8 + raw[12:]
    assert not SIXTEEN_DIGIT_RUN.search(masked)


# --- region codes ---------------------------------------------------------------------------------------------


def _normalize_code(code: str) -> str:
    from desabinaan.regions.selectors import normalize_code

    return normalize_code(code)


@given(st.sampled_from(DISTRICTS), st.integers(min_value=1001, max_value=2999))
def test_a_region_code_normalises_from_digits_and_is_idempotent(district_code, village_part):
    dotted = f"{district_code}.{village_part}"
    for code in (dotted, dotted[:8], dotted[:5], dotted[:2]):
        assert _normalize_code(code.replace(".", "")) == code
        assert _normalize_code(code) == code
        assert _normalize_code(f"  {code} ") == code


@given(st.text(alphabet="0123456789. abc", max_size=14))
def test_normalising_any_input_twice_changes_nothing(raw):
    once = _normalize_code(raw)
    assert _normalize_code(once) == once


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(DISTRICTS), min_size=1, max_size=3, unique=True))
def test_a_prefix_subset_holds_its_subtree_and_ancestors_parents_first(prefixes):
    seen: set[str] = set()
    for row in regions_data.rows(prefixes):
        assert any(
            row.code == p or row.code.startswith(p + ".") or p.startswith(row.code + ".") for p in prefixes
        ), row
        if row.level > 1:
            assert row.parent_code in seen, f"{row.code} before its parent"
        seen.add(row.code)
    assert set(prefixes) <= seen


# --- text -----------------------------------------------------------------------------------------------------

names = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "Zs"]),
    max_size=40,
)


@given(names)
def test_folding_is_idempotent_and_plain(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip() and "  " not in folded
    assert re.fullmatch(r"[a-z0-9 ]*", folded)


@example("mm")  # found by this test: removing the doubled letter made a variant of "Muhammad"
@example("Noor Mdd")
@given(names)
def test_a_name_key_is_its_own_key(text):
    key = name_key(text)
    assert name_key(key) == key


@given(
    st.lists(st.sampled_from(["Muhammad", "Moh.", "Muhamad", "M.", "Mochammad", "Rizki", "Siti", "Sitti"]))
)
def test_spelling_variants_share_a_key(parts):
    spelled = " ".join(parts)
    assert name_key(spelled) == name_key(spelled.upper())


# --- masking --------------------------------------------------------------------------------------------------

log_text = st.text(alphabet="0123456789 -+.:/abcNIK*", max_size=80)


@given(log_text)
def test_masking_never_leaves_a_sixteen_digit_run(text):
    assert not SIXTEEN_DIGIT_RUN.search(mask_text(text))


@given(log_text)
def test_masking_twice_changes_nothing(text):
    once = mask_text(text)
    assert mask_text(once) == once


@given(st.from_regex(r"\A(\+62|62|0)8\d{8,11}\Z"), st.text(alphabet="abc :", max_size=5))
def test_a_mobile_number_in_text_is_masked(phone, prefix):
    masked = mask_text(f"{prefix}{phone} ")
    assert phone not in masked


# --- the region importer ----------------------------------------------------------------------------------------


@pytest.mark.django_db
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(DISTRICTS), min_size=1, max_size=2, unique=True))
def test_importing_a_subset_twice_changes_nothing_the_second_time(prefixes):
    from desabinaan.regions.models import Village
    from desabinaan.regions.services import regions_import

    assume(prefixes)
    regions_import(prefixes=prefixes)
    again = regions_import(prefixes=prefixes)
    assert (again.created, again.updated) == (0, 0)
    expected = {row.code for row in regions_data.rows(prefixes) if row.level == 4}
    stored = set(Village.objects.filter(district_id__in=prefixes).values_list("code", flat=True))
    assert expected == stored
