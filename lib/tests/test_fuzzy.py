from lib.fuzzy import best_matches, normalize_agency_name, similarity


def test_it_drops_the_pt_prefix_and_punctuation():
    assert normalize_agency_name("PT. Maju-Jaya  Abadi") == "maju jaya abadi"
    assert normalize_agency_name("Maju Jaya Abadi, PT") == "maju jaya abadi"
    assert normalize_agency_name("P.T. Maju Jaya Abadi") == "maju jaya abadi"


def test_it_tolerates_a_typo():
    assert similarity("maju jaya abadi", "maju jaya abdi") > 0.85


def test_it_keeps_different_companies_apart():
    assert similarity("maju jaya abadi", "sinar laut sentosa") < 0.4


def test_it_ranks_the_closest_candidate_first_and_drops_far_ones():
    candidates = [(1, "maju jaya abadi"), (2, "maju jaya makmur"), (3, "sinar laut sentosa")]
    found = best_matches("PT Maju Jaya Abdi", candidates)
    assert [key for key, _ in found][0] == 1
    assert 3 not in [key for key, _ in found]


def test_a_short_query_finds_a_long_name():
    assert best_matches("sinar laut", [(3, "sinar laut sentosa internasional")])[0][0] == 3


def test_an_empty_query_matches_nothing():
    assert best_matches("PT.", [(1, "maju jaya")]) == []
