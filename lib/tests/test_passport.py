import datetime as dt

import pytest

from lib.passport import public_guide as p

ON = dt.date(2025, 6, 1)

SCHEDULE = p.FeeScheduleRule(
    name="PP 45/2024",
    citation="PP 45/2024",
    effective_from=dt.date(2024, 12, 17),
    items=(
        p.FeeItemRule("passport_5", "Paspor 5", 350_000, ""),
        p.FeeItemRule("passport_10", "Paspor 10", 650_000, ""),
        p.FeeItemRule("epassport_5", "e-Paspor 5", 650_000, ""),
        p.FeeItemRule("epassport_10", "e-Paspor 10", 950_000, ""),
        p.FeeItemRule("same_day", "Percepatan", 1_000_000, ""),
        p.FeeItemRule("surcharge_lost", "Hilang", 1_000_000, "surcharge citation"),
        p.FeeItemRule("surcharge_damaged", "Rusak", 500_000, ""),
        p.FeeItemRule("surcharge_force_majeure", "Kahar", 0, ""),
    ),
)
DOCUMENTS = (
    p.DocumentRule("ktp", "KTP", applicant="adult", order=10, citation="c-docs"),
    p.DocumentRule("kk", "KK", order=20, citation="c-docs"),
    p.DocumentRule("parents_ktp", "KTP orang tua", applicant="child", order=30),
    p.DocumentRule(
        "old_passport", "Paspor lama", cases=frozenset({"replacement_expired", "damaged"}), order=40
    ),
    p.DocumentRule(
        "old_passport", "Paspor lama", level=p.CONDITIONAL, purposes=frozenset({"work"}), order=41
    ),
    p.DocumentRule("disaster_letter", "Surat bencana", force_majeure="yes", order=50),
    p.DocumentRule(
        "disnaker_recommendation",
        "Rekomendasi Disnaker",
        purposes=frozenset({"work"}),
        citation="practice",
        conflicting_citation="SE 0252",
        order=60,
    ),
    p.DocumentRule("kemenag", "Kemenag", level=p.NOT_REQUIRED, purposes=frozenset({"umrah_hajj"}), order=70),
)
VALIDITY = p.ValidityRuleData(citation="Permenkumham 18/2022")
RULES = p.Rules(fee_schedule=SCHEDULE, documents=DOCUMENTS, validity=VALIDITY)


def answers(**changes) -> p.Answers:
    base = {
        "purpose": "tourism",
        "case": "new",
        "birth_date": dt.date(1990, 1, 1),
        "on": ON,
        "validity_years": 10,
    }
    return p.Answers(**(base | changes))


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (dt.date(2008, 6, 1), dt.date(2025, 6, 1), 17),
        (dt.date(2008, 6, 2), dt.date(2025, 6, 1), 16),
        (dt.date(2008, 2, 29), dt.date(2025, 2, 28), 16),
        (dt.date(2008, 2, 29), dt.date(2025, 3, 1), 17),
        (dt.date(2025, 6, 1), dt.date(2025, 6, 1), 0),
    ],
)
def test_it_counts_completed_years(birth, on, age):
    assert p.age_on(birth, on) == age


def test_a_sixteen_year_old_gets_five_years_with_a_reason():
    guide = p.guide(answers(birth_date=dt.date(2009, 1, 1)), RULES)
    assert guide.validity_years == 5
    (warning,) = guide.warnings
    assert warning.code == p.VALIDITY_REDUCED
    assert warning.params["age"] == 16 and warning.params["asked"] == 10 and warning.params["given"] == 5


def test_a_married_sixteen_year_old_may_get_ten():
    guide = p.guide(answers(birth_date=dt.date(2009, 1, 1), married=True), RULES)
    assert guide.validity_years == 10
    assert guide.applicant == p.APPLICANT_ADULT
    assert not guide.warnings


def test_marriage_does_not_count_when_the_rule_says_so():
    rules = p.Rules(SCHEDULE, DOCUMENTS, p.ValidityRuleData(citation="x", married_counts=False))
    assert p.guide(answers(birth_date=dt.date(2009, 1, 1), married=True), rules).validity_years == 5


def test_lost_electronic_ten_years_costs_1_950_000_and_cites_the_item():
    guide = p.guide(answers(case="lost", electronic=True), RULES)
    assert guide.fee_total_idr == 1_950_000
    assert [(line.code, line.citation) for line in guide.fee_items] == [
        ("epassport_10", "PP 45/2024"),
        ("surcharge_lost", "surcharge citation"),
    ]
    assert "surcharge citation" in guide.citations


def test_force_majeure_replaces_the_surcharge_with_zero():
    guide = p.guide(answers(case="damaged", force_majeure=True), RULES)
    assert [(line.code, line.amount_idr) for line in guide.fee_items] == [
        ("passport_10", 650_000),
        ("surcharge_force_majeure", 0),
    ]
    assert "disaster_letter" in {d.code for d in guide.documents}


def test_expired_lost_passports_pay_no_surcharge():
    assert p.guide(answers(case="lost_expired"), RULES).fee_total_idr == 650_000


def test_same_day_adds_its_item_last():
    guide = p.guide(answers(same_day=True, validity_years=5), RULES)
    assert [line.code for line in guide.fee_items] == ["passport_5", "same_day"]
    assert guide.fee_total_idr == 1_350_000


def test_a_required_rule_wins_over_a_conditional_one_for_the_same_document():
    guide = p.guide(answers(purpose="work", case="replacement_expired"), RULES)
    old = next(d for d in guide.documents if d.code == "old_passport")
    assert not old.conditional
    only_work = p.guide(answers(purpose="work"), RULES)
    assert next(d for d in only_work.documents if d.code == "old_passport").conditional


def test_documents_follow_the_rule_order_and_applicant():
    assert [d.code for d in p.guide(answers(), RULES).documents] == ["ktp", "kk"]
    child = p.guide(answers(birth_date=dt.date(2015, 1, 1)), RULES)
    assert [d.code for d in child.documents] == ["kk", "parents_ktp"]


def test_both_citations_of_a_disputed_rule_are_returned():
    guide = p.guide(answers(purpose="work"), RULES)
    assert {"practice", "SE 0252"} <= set(guide.citations)
    assert p.NOTE_WORK_ROUTE in guide.notes


def test_not_required_documents_are_reported_separately():
    guide = p.guide(answers(purpose="umrah_hajj"), RULES)
    assert [d.code for d in guide.not_needed] == ["kemenag"]
    assert "kemenag" not in {d.code for d in guide.documents}


def test_migrant_free_passport_needs_a_schedule_item():
    guide = p.guide(answers(purpose="work", validity_years=5, migrant_worker_first=True), RULES)
    assert guide.fee_total_idr == 350_000
    assert guide.warnings[0].code == p.MIGRANT_FREE_NOT_APPLICABLE


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"purpose": ""}, "purpose", p.MISSING),
        ({"purpose": "holiday"}, "purpose", p.UNKNOWN_PURPOSE),
        ({"case": "stolen"}, "case", p.UNKNOWN_CASE),
        ({"validity_years": 7}, "validity_years", p.BAD_VALIDITY),
        ({"birth_date": dt.date(2026, 1, 1)}, "birth_date", p.BIRTH_AFTER_APPLICATION),
        ({"birth_date": dt.date(1800, 1, 1)}, "birth_date", p.IMPLAUSIBLE_BIRTH_DATE),
        ({"force_majeure": True}, "force_majeure", p.FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED),
    ],
)
def test_it_rejects_bad_answers(changes, field, code):
    with pytest.raises(p.PassportInputError) as error:
        p.guide(answers(**changes), RULES)
    assert (error.value.field, error.value.code) == (field, code)


def test_it_refuses_a_date_without_rules():
    with pytest.raises(p.PassportInputError) as error:
        p.guide(answers(), p.Rules(fee_schedule=None, documents=DOCUMENTS, validity=VALIDITY))
    assert (error.value.field, error.value.code) == ("on", p.NO_FEE_SCHEDULE)
    with pytest.raises(p.PassportInputError) as error:
        p.guide(answers(), p.Rules(fee_schedule=SCHEDULE, documents=DOCUMENTS, validity=None))
    assert error.value.code == p.NO_VALIDITY_RULE


def test_a_schedule_missing_an_item_is_reported():
    schedule = p.FeeScheduleRule("x", "x", ON, items=())
    with pytest.raises(p.PassportInputError) as error:
        p.guide(answers(), p.Rules(schedule, DOCUMENTS, VALIDITY))
    assert error.value.code == p.FEE_ITEM_MISSING


def test_rupiah_uses_dots_for_thousands():
    assert p.rupiah(1_950_000) == "Rp1.950.000"
    assert p.rupiah(0) == "Rp0"
