import string
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from lib.text import _NON_WORD, fold, name_key


def test_it_folds_case_accents_and_punctuation():
    assert fold("Tébat-Monok") == "tebat monok"
    assert fold("  SITI   Nurhaliza. ") == "siti nurhaliza"


def test_it_gives_muhammad_variants_one_key():
    keys = {
        name_key(n) for n in ["Muhammad Rizki", "Muhamad Rizki", "Moh. Rizki", "M. Rizki", "MOCHAMAD rizki"]
    }
    assert len(keys) == 1


def test_it_ignores_doubled_letters():
    assert name_key("Sitti Aminah") == name_key("Siti Aminah")
    assert name_key("Abdullah") == name_key("Abdulah")


def test_it_keeps_different_names_apart():
    assert name_key("Muhammad Rizki") != name_key("Muhammad Rizal")
    assert name_key("Ahmad") != name_key("Muhammad")


def test_the_ascii_shortcut_folds_as_the_unicode_path_does():
    def slow(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return _NON_WORD.sub(
            " ", "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        ).strip()

    @given(st.text(alphabet=string.printable, max_size=40))
    def check(text):
        assert fold(text) == slow(text)

    check()
