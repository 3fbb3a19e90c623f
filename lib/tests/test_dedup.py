"""Duplicate detection finds one person's records across the variants seen on real sheets, and keeps namesakes apart."""

from lib.dedup import Record, find_duplicates, sound_key


def _pairs(*records):
    return {(a, b) for a, b, _ in find_duplicates(records).pairs}


def test_moh_and_muhammad_with_the_same_birth_date_are_one_person():
    assert _pairs(
        Record(1, "Muhammad Rizki Saputra", "", 1990, 5, 17, "17.08.04.2002"),
        Record(2, "Moh. Rizki Saputra", "", 1990, 5, 17, "17.08.04.2002"),
    ) == {(1, 2)}


def test_swapped_birth_day_and_month_still_pair():
    assert _pairs(
        Record(1, "Siti Aminah", "3201010101900001", 1990, 3, 7, "32.73.01.1001"),
        Record(2, "Siti Aminah", "", 1990, 7, 3, "32.73.01.1001"),
    ) == {(1, 2)}


def test_a_spelling_variant_without_nik_pairs_by_sound():
    assert sound_key("syaiful") == sound_key("saiful")
    assert _pairs(
        Record(1, "Syaiful Hidayat", "3201010101900001", 1985, 1, 2, "32.73.01.1001"),
        Record(2, "Saiful Hidayat", "", 1985, 1, 2, "32.73.01.1001"),
    ) == {(1, 2)}


def test_namesakes_with_different_niks_and_birth_dates_are_different_people():
    assert (
        _pairs(
            Record(1, "Budi Santoso", "3201010101900001", 1990, 5, 17, "32.73.01.1001"),
            Record(2, "Budi Santoso", "3201010101900002", 1972, 11, 2, "32.73.01.1001"),
        )
        == set()
    )


def test_a_block_too_big_is_split_by_village_and_counted_not_compared_quadratically():
    many = [Record(i, "Agus Santoso", "", 1990, None, None, "11.01.01.2001") for i in range(1, 60)]
    result = find_duplicates(many, max_block=40)
    assert result.skipped_blocks >= 1
    assert result.candidates == 0


def test_each_found_pair_carries_the_reasons_of_its_score():
    result = find_duplicates(
        [
            Record(1, "Syaiful Hidayat", "", 1990, 3, 7, "v1"),
            Record(2, "Saiful Hidayat", "", 1990, 7, 3, "v1"),
        ],
        explain=True,
    )
    assert [(a, b) for a, b, _ in result.pairs] == [(1, 2)]
    assert result.reasons[(1, 2)] == ("date_swapped", "village_same", "name_close")
