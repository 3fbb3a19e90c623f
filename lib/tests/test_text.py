from lib.text import fold, name_key


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
