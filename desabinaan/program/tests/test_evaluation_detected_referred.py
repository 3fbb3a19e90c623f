"""The evaluation rewards detecting and referring cases, never hiding them; postponements are split by cause and
never scored (docs/rules.md §1)."""

from decimal import Decimal

from desabinaan.program.evaluation import evaluation_save, evaluation_view
from desabinaan.program.models import EvaluationIndicator


def test_cases_detected_and_referred_are_counted_by_the_system_and_more_is_better(db):
    # The count itself, from referrals: events' test_evaluation_cases_referred.
    indicator = EvaluationIndicator.objects.get(code="kasus_terdeteksi_dirujuk")
    assert indicator.direction == EvaluationIndicator.Direction.HIGHER
    assert indicator.source == EvaluationIndicator.Source.SYSTEM and indicator.weight > 0


def test_non_procedural_cases_are_no_longer_a_lower_is_better_score(db):
    active = EvaluationIndicator.objects.filter(active=True)
    assert not active.filter(code__in=["kasus_nonprosedural", "penundaan_paspor"]).exists()


def test_postponements_are_split_by_cause_and_shown_without_weight(world, tebat):
    values = {"penundaan_dokumen": Decimal(5), "penundaan_indikasi_tppo": Decimal(1)}
    without = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2025, quarter=3, manual_values={})
    with_postponements = evaluation_save(
        actor=world.fajar, desa_binaan=tebat, year=2025, quarter=4, manual_values=values
    )
    assert with_postponements.score == without.score
    rows = {
        r["indicator"].code: r["value"]
        for r in evaluation_view(desa_binaan=tebat, year=2025, quarter=4)["rows"]
    }
    assert rows["penundaan_dokumen"] == 5 and rows["penundaan_indikasi_tppo"] == 1
