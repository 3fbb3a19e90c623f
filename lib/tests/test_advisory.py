import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.advisory import ANSWERS, ATTENTION, HIGH, LOW, advisory_level, level_rank

WEIGHTS = {"calo": 3, "debt": 4, "tourist_work": 4, "unclear": 2, "permission": 1}


def test_no_yes_answer_is_low():
    result = advisory_level(dict.fromkeys(WEIGHTS, "no"), WEIGHTS, attention_at=3, high_at=7)
    assert (result.level, result.score, result.breakdown) == (LOW, 0, ())


def test_unknown_answers_add_nothing():
    result = advisory_level(dict.fromkeys(WEIGHTS, "unknown"), WEIGHTS, attention_at=3, high_at=7)
    assert result.level == LOW


def test_thresholds_decide_the_level():
    assert advisory_level({"calo": "yes"}, WEIGHTS, attention_at=3, high_at=7).level == ATTENTION
    assert advisory_level({"unclear": "yes"}, WEIGHTS, attention_at=3, high_at=7).level == LOW
    assert advisory_level({"calo": "yes", "debt": "yes"}, WEIGHTS, attention_at=3, high_at=7).level == HIGH


def test_the_breakdown_names_each_raising_answer_largest_first():
    result = advisory_level(
        {"calo": "yes", "debt": "yes", "unclear": "no", "permission": "yes"},
        WEIGHTS,
        attention_at=3,
        high_at=7,
    )
    assert [(c.code, c.contribution) for c in result.breakdown] == [
        ("debt", 4),
        ("calo", 3),
        ("permission", 1),
    ]
    assert result.score == 8


def test_answers_outside_the_indicator_set_are_ignored():
    assert advisory_level({"sex": "yes"}, WEIGHTS, attention_at=1, high_at=2).level == LOW


def test_inverted_thresholds_are_refused():
    with pytest.raises(ValueError):
        advisory_level({}, WEIGHTS, attention_at=5, high_at=3)


def test_its_only_inputs_are_answers_weights_and_thresholds():
    # The fairness guarantee is structural: there is no parameter through which a person's attributes could enter.
    assert list(inspect.signature(advisory_level).parameters) == [
        "answers",
        "weights",
        "attention_at",
        "high_at",
    ]


codes = st.sampled_from(sorted(WEIGHTS))
answer_maps = st.dictionaries(codes, st.sampled_from(ANSWERS))
weight_maps = st.dictionaries(st.text(min_size=1, max_size=6), st.integers(min_value=0, max_value=10))


@given(answers=answer_maps, attention=st.integers(0, 10), extra=st.integers(0, 10))
def test_the_score_is_the_sum_of_the_breakdown(answers, attention, extra):
    result = advisory_level(answers, WEIGHTS, attention_at=attention, high_at=attention + extra)
    assert result.score == sum(c.contribution for c in result.breakdown)
    assert all(answers[c.code] == "yes" for c in result.breakdown)


@given(answers=answer_maps, code=codes)
def test_a_further_yes_never_lowers_the_level(answers, code):
    before = advisory_level(answers, WEIGHTS, attention_at=3, high_at=7)
    after = advisory_level({**answers, code: "yes"}, WEIGHTS, attention_at=3, high_at=7)
    assert level_rank(after.level) >= level_rank(before.level)


@given(
    answers=st.dictionaries(st.text(min_size=1, max_size=6), st.sampled_from(ANSWERS)),
    weights=weight_maps,
    noise=st.dictionaries(st.text(min_size=1, max_size=6), st.sampled_from(ANSWERS)),
)
def test_the_same_answers_and_weights_always_give_the_same_result(answers, weights, noise):
    # Keys the weights do not know (such as a demographic "answer" slipped in) change nothing.
    unknown_keys = {k: v for k, v in noise.items() if k not in weights}
    first = advisory_level(answers, weights, attention_at=3, high_at=7)
    second = advisory_level({**answers, **unknown_keys}, dict(weights), attention_at=3, high_at=7)
    assert first == second
