"""The evaluation rewards detecting and referring cases, never hiding them; postponements are split by cause and
never scored (docs/rules.md §1)."""

from desabinaan.program.models import EvaluationIndicator


def test_cases_detected_and_referred_are_counted_by_the_system_and_more_is_better(db):
    # The count itself, from referrals: events' test_evaluation_cases_referred.
    indicator = EvaluationIndicator.objects.get(code="kasus_terdeteksi_dirujuk")
    assert indicator.direction == EvaluationIndicator.Direction.HIGHER
    assert indicator.source == EvaluationIndicator.Source.SYSTEM and indicator.weight > 0


def test_non_procedural_cases_are_no_longer_a_lower_is_better_score(db):
    active = EvaluationIndicator.objects.filter(active=True)
    assert not active.filter(code__in=["kasus_nonprosedural", "penundaan_paspor"]).exists()


def test_postponements_are_split_by_cause_and_shown_without_weight(db):
    # The counts, from readiness outcomes: events' test_evaluation_cases_referred.
    for code in ("penundaan_dokumen", "penundaan_indikasi_tppo"):
        indicator = EvaluationIndicator.objects.get(code=code)
        assert (
            indicator.weight == 0
            and indicator.active
            and indicator.source == EvaluationIndicator.Source.SYSTEM
        )
