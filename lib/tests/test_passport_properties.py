import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from lib.passport import public_guide as p

from .test_passport import RULES

ON_DATES = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2035, 12, 31))


@st.composite
def valid_answers(draw):
    on = draw(ON_DATES)
    case = draw(st.sampled_from(p.CASES))
    return p.Answers(
        purpose=draw(st.sampled_from(p.PURPOSES)),
        case=case,
        birth_date=draw(st.dates(min_value=on - dt.timedelta(days=36_500), max_value=on)),
        on=on,
        married=draw(st.booleans()),
        electronic=draw(st.booleans()),
        validity_years=draw(st.sampled_from(p.VALIDITY_CHOICES)),
        same_day=draw(st.booleans()),
        force_majeure=case in p.LOST_OR_DAMAGED and draw(st.booleans()),
        migrant_worker_first=draw(st.booleans()),
    )


@given(valid_answers())
def test_validity_is_five_or_ten_and_ten_only_for_adults_or_married(answers):
    guide = p.guide(answers, RULES)
    assert guide.validity_years in (5, 10)
    assert guide.validity_years <= answers.validity_years
    if guide.validity_years == 10:
        assert p.age_on(answers.birth_date, answers.on) >= 17 or answers.married


@given(valid_answers())
def test_the_total_is_the_sum_of_the_items(answers):
    guide = p.guide(answers, RULES)
    assert guide.fee_total_idr == sum(line.amount_idr for line in guide.fee_items)
    assert guide.fee_total_idr >= 0


@given(valid_answers())
def test_asking_less_than_allowed_is_never_warned(answers):
    guide = p.guide(answers, RULES)
    reduced = any(w.code == p.VALIDITY_REDUCED for w in guide.warnings)
    asked = answers.validity_years
    if answers.migrant_worker_first and p.migrant_free_applies(answers):
        # Choosing the free migrant-worker passport sets its validity (Permenkumham 9/2020: 5 years), unwarned.
        asked = p.MIGRANT_VALIDITY_YEARS
    assert reduced == (guide.validity_years < asked)


@given(valid_answers())
def test_force_majeure_never_charges_a_surcharge(answers):
    guide = p.guide(answers, RULES)
    codes = {line.code for line in guide.fee_items}
    if answers.force_majeure:
        assert not codes & {"surcharge_lost", "surcharge_damaged"}
    if answers.case not in ("lost", "damaged"):
        assert not codes & {"surcharge_lost", "surcharge_damaged", "surcharge_force_majeure"}


@given(st.dates(), st.dates())
def test_age_is_never_negative_before_the_birth_date_is_rejected(birth, on):
    if birth <= on:
        assert p.age_on(birth, on) >= 0
