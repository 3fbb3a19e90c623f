"""Text normalisation for search and duplicate detection. Framework-free."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "Tébat-Monok" -> "tebat monok"."""
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
    return " ".join(_canonical(_canonical(part)) for part in fold(name).split())


def _canonical(part: str) -> str:
    # Doubled letters are a frequent spelling variant ("Rizky"/"Rizki" is not, "Sitti"/"Siti" is). name_key applies
    # this twice because removing a doubled letter can make a variant ("mm" -> "m"): a key is then its own key.
    return re.sub(r"(.)\1+", r"\1", _NAME_VARIANTS.get(part, part))
