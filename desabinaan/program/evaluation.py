"""The quarterly evaluation of a fostered village: indicators are data (`EvaluationIndicator`); "manual" values are
entered on the page, "system" ones are computed from the quarter's records; the score is the weighted mean of the
indicators that have a value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_record, diff, snapshot
from lib.periods import previous_quarter, quarter_bounds

from .models import Activity, DesaBinaan, Evaluation, EvaluationIndicator, EvaluationValue
from .selectors import can_manage
from .services import NOT_ALLOWED


def _activities(db, start, end):
    return db.activities.filter(date__range=(start, end))


def _count_work(db, start, end):
    return _activities(db, start, end).exclude(kind=Activity.Kind.EARLY_WARNING).count()


def _participants(db, start, end):
    return _activities(db, start, end).aggregate(n=Sum("participants", default=0))["n"]


def _questions_collected(db, start, end):
    return db.questions.filter(asked_on__range=(start, end)).count()


def _questions_answered(db, start, end):
    return db.questions.filter(answered_at__date__range=(start, end)).count()


def _reports(db, start, end):
    warnings = _activities(db, start, end).filter(kind=Activity.Kind.EARLY_WARNING).count()
    return warnings + db.foreigner_notes.filter(seen_on__range=(start, end)).count()


# How each "system" indicator is computed from the quarter's records: compute(desa_binaan, start, end) → a number, or
# None when nothing was measured (shown as "belum tersedia", never a zero nobody measured). Program's own records are
# counted here; a source whose records live in an app above program is added by that app at start-up with
# `system_source_add` (events adds "peningkatan_pengetahuan", the pre/post quiz knowledge gain). "acara_per_sasaran"
# is a breakdown by target group with no agreed single number, so it has no source.
SYSTEM_SOURCES: dict[str, Callable[[DesaBinaan, dt.date, dt.date], int | float | Decimal | None]] = {
    "kegiatan": _count_work,
    "peserta_kegiatan": _participants,
    "pertanyaan_terkumpul": _questions_collected,
    "pertanyaan_dijawab": _questions_answered,
    "laporan": _reports,
}


def system_source_add(
    code: str, compute: Callable[[DesaBinaan, dt.date, dt.date], int | float | Decimal | None]
):
    """Compute the system indicator `code` with `compute` (called from a higher app's AppConfig.ready())."""
    SYSTEM_SOURCES[code] = compute


def system_value(indicator: EvaluationIndicator, desa_binaan: DesaBinaan, year: int, quarter: int):
    compute = SYSTEM_SOURCES.get(indicator.code)
    if compute is None:
        return None
    value = compute(desa_binaan, *quarter_bounds(year, quarter))
    return None if value is None else Decimal(value)


def indicator_mark(indicator: EvaluationIndicator, value: Decimal | None) -> Decimal | None:
    """0..1 for one indicator; None when there is no value."""
    if value is None:
        return None
    ratio = Decimal(value) / indicator.target
    if indicator.direction == EvaluationIndicator.Direction.LOWER:
        return max(Decimal(0), 1 - ratio)
    return min(Decimal(1), ratio)


def evaluation_score(pairs: list[tuple[EvaluationIndicator, Decimal | None]]) -> Decimal | None:
    """Weighted mean (0–100) over indicators that have a value; unavailable ones neither help nor hurt."""
    total = Decimal(0)
    weights = 0
    for indicator, value in pairs:
        mark = indicator_mark(indicator, value)
        if mark is None or indicator.weight == 0:
            continue
        total += mark * indicator.weight
        weights += indicator.weight
    if not weights:
        return None
    return (total * 100 / weights).quantize(Decimal("0.1"))


def evaluation_view(*, desa_binaan: DesaBinaan, year: int, quarter: int) -> dict:
    """Rows for the evaluation page: each active indicator with its stored/computed value, score and change."""
    evaluation = desa_binaan.evaluations.filter(year=year, quarter=quarter).prefetch_related("values").first()
    stored = {v.indicator_id: v.value for v in evaluation.values.all()} if evaluation else {}
    rows = []
    for indicator in EvaluationIndicator.objects.filter(active=True):
        if indicator.source == EvaluationIndicator.Source.SYSTEM:
            value = system_value(indicator, desa_binaan, year, quarter)
        else:
            value = stored.get(indicator.id)
        rows.append({"indicator": indicator, "value": value, "mark": indicator_mark(indicator, value)})
    py, pq = previous_quarter(year, quarter)
    previous: Evaluation | None = desa_binaan.evaluations.filter(year=py, quarter=pq).first()
    score = evaluation.score if evaluation else None
    change = None
    if score is not None and previous is not None and previous.score is not None:
        change = score - previous.score
    return {
        "evaluation": evaluation,
        "rows": rows,
        "score": score,
        "previous": previous,
        "change": change,
        "year": year,
        "quarter": quarter,
    }


# --- Saving ---------------------------------------------------------------------------------------------------------


@transaction.atomic
def evaluation_save(
    *,
    actor,
    desa_binaan: DesaBinaan,
    year: int,
    quarter: int,
    manual_values: Mapping[str, Decimal | None],
    notes: str = "",
) -> Evaluation:
    """Store the quarter's values (system ones computed now, manual ones as entered) and its score."""
    if not can_manage(actor, desa_binaan):
        raise PermissionDenied(NOT_ALLOWED)
    evaluation = desa_binaan.evaluations.filter(year=year, quarter=quarter).first()
    before = snapshot(evaluation, ["score", "notes"]) if evaluation else {}
    if evaluation is None:
        evaluation = Evaluation(desa_binaan=desa_binaan, year=year, quarter=quarter, updated_by=actor)
    evaluation.updated_by = actor
    evaluation.notes = notes or ""
    pairs = []
    for indicator in EvaluationIndicator.objects.filter(active=True):
        if indicator.source == EvaluationIndicator.Source.SYSTEM:
            value = system_value(indicator, desa_binaan, year, quarter)
        else:
            value = manual_values.get(indicator.code)
        pairs.append((indicator, value))
    evaluation.score = evaluation_score(pairs)
    evaluation.full_clean()
    evaluation.save()
    for indicator, value in pairs:
        EvaluationValue.objects.update_or_create(
            evaluation=evaluation, indicator=indicator, defaults={"value": value, "source": indicator.source}
        )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        target=evaluation,
        changes=diff(before, snapshot(evaluation, ["score", "notes"])),
        summary=f"Evaluasi T{quarter}/{year}",
    )
    return evaluation
