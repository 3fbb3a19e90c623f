"""The village's quarterly evaluation reads the pre/post knowledge gain of the quizzes held in the quarter."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from desabinaan.events import selectors, services
from desabinaan.program.evaluation import evaluation_save, evaluation_view
from desabinaan.program.models import DesaBinaan, EvaluationIndicator


def _answers(event, correct: int) -> dict:
    answers = {}
    for i, question in enumerate(selectors.quiz_questions(event)):
        choices = list(question.choices.all())
        right = next(c for c in choices if c.is_correct)
        wrong = next(c for c in choices if not c.is_correct)
        answers[question.pk] = (right if i < correct else wrong).pk
    return answers


def _gain(view) -> dict:
    return next(r for r in view["rows"] if r["indicator"].code == "peningkatan_pengetahuan")


def test_a_village_with_pre_and_post_quizzes_in_the_quarter_gets_the_knowledge_gain_points(world, make_event):
    tebat = DesaBinaan.objects.get(village=world.tebat_monok)
    event = make_event(starts_at=timezone.make_aware(dt.datetime(2025, 2, 10, 9)))
    services.quiz_response_record(actor=world.ani, event=event, phase="pre", answers=_answers(event, 4))
    services.quiz_response_record(actor=world.ani, event=event, phase="post", answers=_answers(event, 9))

    row = _gain(evaluation_view(desa_binaan=tebat, year=2025, quarter=1))
    assert row["value"] == Decimal("50.0")  # 90 % after − 40 % before
    assert row["mark"] == 1  # target: 20 points
    without = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2024, quarter=4, manual_values={})
    saved = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2025, quarter=1, manual_values={})
    assert saved.values.get(indicator__code="peningkatan_pengetahuan").value == Decimal("50.0")
    assert saved.score > without.score


def test_a_quarter_without_both_quizzes_shows_no_gain_rather_than_zero(world, make_event):
    tebat = DesaBinaan.objects.get(village=world.tebat_monok)
    event = make_event(starts_at=timezone.make_aware(dt.datetime(2025, 2, 10, 9)))
    services.quiz_response_record(actor=world.ani, event=event, phase="pre", answers=_answers(event, 4))
    assert _gain(evaluation_view(desa_binaan=tebat, year=2025, quarter=1))["value"] is None
    assert _gain(evaluation_view(desa_binaan=tebat, year=2025, quarter=2))["value"] is None
    assert EvaluationIndicator.objects.get(code="peningkatan_pengetahuan").source == "system"
