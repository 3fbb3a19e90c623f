"""Text normalisation for search and duplicate detection. Framework-free."""

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "Tébat-Monok" -> "tebat monok"."""
    if text.isascii():  # most names: nothing to decompose (the same result, without the per-letter pass)
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", ascii_text).strip()


# Spelling variants of common Indonesian name parts, mapped to one canonical form.
_NAME_VARIANTS = {
    "muhammad": "muhammad",
    "muhamad": "muhammad",
    "muhammed": "muhammad",
    "mohammad": "muhammad",
    "mohamad": "muhammad",
    "mochammad": "muhammad",
    "mochamad": "muhammad",
    "mohamed": "muhammad",
    "moh": "muhammad",
    "moch": "muhammad",
    "muh": "muhammad",
    "mhd": "muhammad",
    "md": "muhammad",
    "m": "muhammad",
    "abd": "abdul",
    "abdul": "abdul",
    "nur": "nur",
    "noor": "nur",
    "nurul": "nurul",
    "siti": "siti",
    "sitti": "siti",
    "st": "siti",
    "achmad": "ahmad",
    "akhmad": "ahmad",
    "ahmad": "ahmad",
    "ahmat": "ahmad",
}


def name_key(name: str) -> str:
    """A key equal for spellings of the same Indonesian name: "Moh. Rizki" and "Muhamad Rizki" match."""
    return " ".join(map(_word_key, fold(name).split()))


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _word_key(part: str) -> str:
    # Names repeat their words across a register, so each word's key is worked out once (imports of 100,000 rows).
    return _canonical(_canonical(part))


def _canonical(part: str) -> str:
    # Doubled letters are a frequent spelling variant ("Rizky"/"Rizki" is not, "Sitti"/"Siti" is). name_key applies
    # this twice because removing a doubled letter can make a variant ("mm" -> "m"): a key is then its own key.
    return _DOUBLED.sub(r"\1", _NAME_VARIANTS.get(part, part))


# Input checks for names and free text. The Django wrapper (desabinaan.core.validators) maps each code to a message.
CONTROL_CHARACTER = "control_character"
BIDI_OVERRIDE = "bidi_override"
INVISIBLE_ONLY = "invisible_only"
NOT_ASCII_DIGITS = "not_ascii_digits"

FREE_TEXT_MAX_LENGTH = 5000

_ASCII_DIGITS = frozenset("0123456789")
# Embedding, override and isolate controls reorder what a reader sees (a name that displays as another name).
_BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
# Characters that render as nothing: a name made only of these looks empty but is not.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u3164\u115f\u1160")


class TextError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def is_ascii_digits(value: str) -> bool:
    """True for a non-empty string of 0-9 only ("١٢" and "²" are digits to str.isdigit(), not here)."""
    return bool(value) and set(value) <= _ASCII_DIGITS


def check_text(value: str, *, multiline: bool = False) -> str:
    """`value` in NFC; TextError for control characters (newlines and tabs allowed when `multiline`), bidi
    overrides, or a non-empty value made only of invisible characters."""
    value = unicodedata.normalize("NFC", value)
    allowed = "\n\r\t" if multiline else ""
    for ch in value:
        if ch in _BIDI_CONTROLS:
            raise TextError(BIDI_OVERRIDE)
        if unicodedata.category(ch) == "Cc" and ch not in allowed:
            raise TextError(CONTROL_CHARACTER)
    if value and all(ch.isspace() or ch in _INVISIBLE for ch in value):
        raise TextError(INVISIBLE_ONLY)
    return value


def strip_control(value: str, *, keep: str = "") -> str:
    """`value` without control characters (C0, DEL, C1, except those in `keep`) and bidi controls."""
    return "".join(
        ch for ch in value if (unicodedata.category(ch) != "Cc" or ch in keep) and ch not in _BIDI_CONTROLS
    )


# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A text cell for CSV/XLSX: control characters dropped (line breaks kept), a formula prefix neutralised
    with an apostrophe, as OWASP recommends ("=HYPERLINK(…)" -> "'=HYPERLINK(…)")."""
    value = strip_control(value, keep="\n\r\t")
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value
