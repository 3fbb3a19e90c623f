import pytest

from lib.phones import normalize_phone


@pytest.mark.parametrize(
    "raw",
    [
        "+62 812-3456-7890",
        "6281234567890",
        "081234567890",
        "0812 3456 7890",
        "(0812) 3456.7890",
        "0062812 34567890",
        "+62 0812-3456-7890",
        "+62 (0)812-3456-7890",
        "+62 (0) 812 3456 7890",
        "62 0812 3456 7890",
    ],
)
def test_it_reads_every_indonesian_form_as_one_number(raw):
    assert normalize_phone(raw) == "+6281234567890"


def test_it_keeps_a_foreign_country_code():
    assert normalize_phone("+60 12-345 6789") == "+60123456789"
    assert normalize_phone("0060 12-345 6789") == "+60123456789"


def test_a_bare_local_number_is_read_as_indonesian():
    assert normalize_phone("812-3456-7890") == "+6281234567890"


@pytest.mark.parametrize("raw", ["", "   ", "abc", "0812", "+62 8123 4567 8901 2345"])
def test_it_rejects_what_is_not_a_phone_number(raw):
    assert normalize_phone(raw) == ""
