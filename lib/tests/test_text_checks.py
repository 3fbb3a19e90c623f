import pytest

from lib import nik
from lib import text as t


@pytest.mark.parametrize(
    "raw", ["١٧٧١٠١١٢٠٥٩٠٠٠٠١", "17710112059²0001", "１７７１０１１２０５９００００１", ""]
)
def test_a_nik_in_other_digits_is_not_digits(raw):
    with pytest.raises(nik.NikError) as exc:
        nik.parse(raw)
    assert exc.value.code == nik.NOT_DIGITS


def test_a_nik_with_unicode_spaces_and_dashes_still_parses():
    assert nik.parse("1771\u00a00112-0590\u20030001").value == "1771011205900001"


@pytest.mark.parametrize("value", ["17", "1708042002"])
def test_ascii_digits(value):
    assert t.is_ascii_digits(value)


@pytest.mark.parametrize("value", ["", "١٧", "1²", "１７", "17a"])
def test_not_ascii_digits(value):
    assert not t.is_ascii_digits(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("a\u202eb", t.BIDI_OVERRIDE),
        ("a\u2069", t.BIDI_OVERRIDE),
        ("\u200b", t.INVISIBLE_ONLY),
        (" \ufeff ", t.INVISIBLE_ONLY),
        ("a\x1bb", t.CONTROL_CHARACTER),
        ("a\nb", t.CONTROL_CHARACTER),
        ("a\x85b", t.CONTROL_CHARACTER),
    ],
)
def test_check_text_refuses(value, code):
    with pytest.raises(t.TextError) as exc:
        t.check_text(value)
    assert exc.value.code == code


def test_check_text_normalises_to_nfc_and_allows_line_breaks_in_free_text():
    assert t.check_text("Rene\u0301\r\n\tx", multiline=True) == "René\r\n\tx"
    assert t.check_text("") == ""
    assert t.check_text("Nur\u200cul") == "Nur\u200cul"  # a joiner inside a real name is fine


def test_strip_control_keeps_text_and_drops_controls():
    assert t.strip_control("An\x07di\u202e\n") == "Andi"


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+62 812", "'+62 812"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Siti\x0bSin\x1btetis", "SitiSintetis"),
        ("baris 1\nbaris 2", "baris 1\nbaris 2"),
        ("Andi", "Andi"),
    ],
)
def test_spreadsheet_safe(value, safe):
    assert t.spreadsheet_safe(value) == safe
