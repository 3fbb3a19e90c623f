"""The passport rules checked on 3 December 2026 (docs/rules.md §2), expected values from the cited sources."""

import pytest

from desabinaan.passport import texts
from lib import passport as rules

ADULT = {"birth_date": "1990-01-01"}
CHILD = {"birth_date": "2015-01-01"}
MIGRANT = {"purpose": "work", "case": "new", "migrant_worker_first": True, **ADULT}


def codes(result):
    return [d["code"] for d in result["documents"]]


def document(result, code):
    return next(d for d in result["documents"] if d["code"] == code)


# Permenkumham 9/2020 (via kepri.antaranews.com 165348): a 24-page, 5-year passport at no charge for a first-time
# migrant worker, with the Disnaker letter stating first placement and the signed work contract.
@pytest.mark.parametrize(("on", "schedule"), [("2022-10-01", "PP 28/2019"), ("2025-06-01", "PP 45/2024")])
def test_the_free_first_migrant_passport_applies_since_permenkumham_9_2020(guide, on, schedule):
    result = guide(**MIGRANT, on=on)
    assert result["fee"]["schedule"] == schedule
    assert [(i["code"], i["amount_idr"]) for i in result["fee"]["items"]] == [("migrant_worker_first", 0)]
    assert "Permenkumham 9/2020" in result["fee"]["items"][0]["citation"]
    assert {"disnaker_first_placement", "work_contract"} <= set(codes(result))


def test_choosing_the_free_migrant_passport_sets_its_five_years_without_a_warning(guide):
    result = guide(**MIGRANT, validity_years=10)
    assert result["validity_years"] == 5 and result["product"] == "migrant_worker_first"
    assert result["warnings"] == []


def test_the_first_placement_documents_are_asked_only_for_the_free_passport(guide):
    paid = guide(purpose="work", **ADULT)
    assert not {"disnaker_first_placement", "work_contract"} & set(codes(paid))


def test_the_free_passport_is_never_given_for_another_purpose(guide):
    result = guide(**MIGRANT | {"purpose": "tourism"})
    assert result["fee"]["total_idr"] > 0
    assert [w["code"] for w in result["warnings"]] == [rules.MIGRANT_FREE_NOT_APPLICABLE]


# imigrasi.go.id via tempo.co: a lost or damaged passport also needs the civil record; replacement may be deferred
# 6 months to 2 years when the loss was negligent.
@pytest.mark.parametrize("case", ["lost", "damaged", "lost_expired", "damaged_expired"])
def test_lost_or_damaged_needs_the_civil_record_and_explains_the_deferral(guide, case):
    result = guide(case=case, **ADULT)
    assert "civil_record" in codes(result) and not document(result, "civil_record")["conditional"]
    assert str(texts.NOTES[rules.NOTE_LOST_DEFERRAL]) in result["notes"]
    assert "6 bulan sampai 2 tahun" in str(texts.NOTES[rules.NOTE_LOST_DEFERRAL])


def test_the_bap_step_says_what_the_office_does(guide):
    notes = " ".join(guide(case="lost", **ADULT)["notes"])
    assert "mewawancarai" in notes and "BAP" in notes and "datanglah langsung" in notes


# Kanim Yogyakarta via Kompas, 4 May 2023: parents' passports "bagi yang memiliki"; the parents' statement of
# responsibility on a Rp10,000 meterai.
def test_a_child_brings_the_parents_passports_only_if_they_have_one(guide):
    result = guide(**CHILD)
    passports = document(result, "parents_passports")
    assert passports["conditional"] and passports["condition"] == "jika orang tua memiliki paspor"
    statement = document(result, "parents_statement")
    assert not statement["conditional"] and "meterai Rp10.000" in statement["label"]


def test_before_the_may_2023_source_the_old_child_rule_still_answers(guide):
    result = guide(**CHILD, on="2023-05-03")
    assert not document(result, "parents_passports")["conditional"]
    assert "parents_statement" not in codes(result)


# SE Menkumham M.HH-07.UM.01.01/2017: renewing a passport issued in Indonesia since 2009 needs the old passport and
# the KTP; the KK and civil record only otherwise (recorded from the date checked, flagged for officers).
def test_renewal_since_2009_needs_only_the_old_passport_and_ktp(guide):
    result = guide(case="replacement_expired", **ADULT, on="2026-12-03")
    required = {d["code"] for d in result["documents"] if not d["conditional"]}
    assert required == {"ktp", "old_passport"}
    for code in ("kk", "civil_record"):
        assert "sejak 2009" in document(result, code)["condition"]
    assert any("M.HH-07.UM.01.01/2017" in c for c in result["citations"])


def test_before_the_date_checked_renewal_still_listed_kk_and_civil_record(guide):
    result = guide(case="replacement_expired", **ADULT, on="2026-12-02")
    assert {"kk", "civil_record"} <= {d["code"] for d in result["documents"] if not d["conditional"]}


def test_a_new_passport_still_needs_kk_and_civil_record_after_the_change(guide):
    result = guide(case="new", **ADULT, on="2026-12-03")
    assert {"ktp", "kk", "civil_record"} <= {d["code"] for d in result["documents"] if not d["conditional"]}


def test_priority_walk_in_covers_pregnant_women(guide):
    notes = guide(**ADULT)["notes"]
    assert str(texts.NOTES[rules.NOTE_WALK_IN]) in notes
    assert "ibu hamil" in str(texts.NOTES[rules.NOTE_WALK_IN])


def test_public_citations_carry_no_curation_notes(guide):
    citations = " ".join(guide(purpose="work", case="lost", **ADULT, on="2024-06-01")["citations"])
    for note in ("bertentangan dengan praktik kantor", "perlu dicocokkan", "Sumber berbeda"):
        assert note not in citations
