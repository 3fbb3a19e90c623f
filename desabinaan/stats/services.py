"""Writes of the stats app: rebuilding the rollups, and generating official reports.

Why rollups are rebuilt rather than updated by signals: the apps that record the data (events, protection,
program, passport) are owned elsewhere and must not pay for statistics on every save. Instead:

- `stats_refresh(villages=…)` rebuilds every figure of the given villages (all their months), then the Kanim,
  province and national figures of the months those villages touch. The `stats.refresh` job runs it for the
  villages whose records changed since the last watermark (`manage.py refresh_stats --changed`, every few minutes
  from cron), so a new attendance shows on the dashboards within minutes.
- `stats_refresh()` without villages rebuilds everything (`manage.py refresh_stats`, nightly): it also catches what
  the watermark cannot see (deleted rows, referral status changes, merges, working-area changes).

Rows are grouped by the database; only grouped results (thousands of rows, not millions) pass through Python, and
the large per-person table is filled with INSERT … SELECT compiled from an ORM queryset.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Count, DateField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Substr, TruncMonth
from django.utils import timezone

from desabinaan.events.models import Attendance, Event, QuizResponse
from desabinaan.offices.models import WorkingAreaAssignment
from desabinaan.passport.models import ReadinessCheck
from desabinaan.program.models import Question
from desabinaan.protection.models import Decision, Referral, Report, ReportMessage, Screening

from .models import DistinctCache, Level, MonthlyFigure, PersonMonth, StatsState
from .periods import preset
from .public import public_compute
from .selectors import NATIONAL, _distinct_people, target_parse

BATCH = 5000
# Time to first reply is stored as a histogram of whole hours (exact median to the hour); longer waits share a bucket.
REPLY_HOURS_CAP = 24 * 60


def _month(field: str):
    return TruncMonth(field, output_field=DateField())


def _kanim_of_regency() -> dict[str, int]:
    return dict(
        WorkingAreaAssignment.objects.filter(valid_to__isnull=True).values_list("regency_id", "kanim_id")
    )


def _in(qs, field: str, villages: list[str] | None):
    return qs if villages is None else qs.filter(**{f"{field}__in": villages})


def _village_counts(villages: list[str] | None) -> Iterable[tuple[str | None, dt.date, str, str, int]]:
    """(village, month, metric, dimension, value) for every additive figure, grouped by the database."""
    held = Event.objects.filter(status__in=[Event.Status.HELD, Event.Status.REPORTED])
    for r in (
        _in(held, "village_id", villages)
        .values(v=F("village_id"), m=_month("starts_at"))
        .annotate(n=Count("id"))
    ):
        yield r["v"], r["m"], "events_held", "", r["n"]
    rows = _in(Attendance.objects.all(), "event__village_id", villages)
    for r in rows.values(v=F("event__village_id"), m=_month("event__starts_at")).annotate(n=Count("id")):
        yield r["v"], r["m"], "attendances", "", r["n"]
    rows = _in(QuizResponse.objects.all(), "event__village_id", villages)
    for r in rows.values("phase", v=F("event__village_id"), m=_month("event__starts_at")).annotate(
        n=Count("id"), s=Sum("score"), t=Sum("total")
    ):
        yield r["v"], r["m"], "quiz_responses", r["phase"], r["n"]
        yield r["v"], r["m"], "quiz_score", r["phase"], r["s"]
        yield r["v"], r["m"], "quiz_total", r["phase"], r["t"]
    rows = _in(Screening.objects.all(), "village_id", villages)
    for r in rows.values("advisory_level", v=F("village_id"), m=_month("created_at")).annotate(n=Count("id")):
        yield r["v"], r["m"], "screenings", r["advisory_level"], r["n"]
    # A corrected decision is replaced by its correction: count only decisions nobody corrected.
    rows = _in(Decision.objects.filter(corrected_by__isnull=True), "screening__village_id", villages)
    for r in rows.values("kind", v=F("screening__village_id"), m=_month("decided_at")).annotate(
        n=Count("id")
    ):
        yield r["v"], r["m"], "decisions", r["kind"], r["n"]
    rows = _in(Referral.objects.filter(village__isnull=False), "village_id", villages)
    for r in rows.values("status", v=F("village_id"), m=_month("created_at")).annotate(n=Count("id")):
        yield r["v"], r["m"], "referrals", r["status"], r["n"]
    for r in (
        rows.filter(status=Referral.Status.CLOSED, closed_at__isnull=False)
        .values("outcome", v=F("village_id"), m=_month("closed_at"))
        .annotate(n=Count("id"))
    ):
        yield r["v"], r["m"], "referral_outcomes", r["outcome"], r["n"]
    # Reports naming no village count nationally only (village "").
    reports = Report.objects.all()
    if villages is not None:
        placed = Q(village_id__in=villages)
        reports = reports.filter(placed | Q(village__isnull=True) if "" in villages else placed)
    for r in reports.values("status", v=F("village_id"), m=_month("created_at")).annotate(n=Count("id")):
        yield r["v"], r["m"], "reports", r["status"], r["n"]
    first_reply = (
        ReportMessage.objects.filter(report=OuterRef("pk"), author_kind=ReportMessage.Author.OFFICER)
        .order_by("created_at")
        .values("created_at")[:1]
    )
    hours: dict[tuple, int] = defaultdict(int)
    for v, m, created, replied in (
        reports.annotate(first=Subquery(first_reply), m=_month("created_at"))
        .filter(first__isnull=False)
        .values_list("village_id", "m", "created_at", "first")
        .iterator(chunk_size=BATCH)
    ):
        h = min(REPLY_HOURS_CAP, max(0, int((replied - created).total_seconds() // 3600)))
        hours[(v, m, str(h))] += 1
    for (v, m, h), n in hours.items():
        yield v, m, "report_reply_hours", h, n
    rows = _in(Question.objects.all(), "desa_binaan__village_id", villages)
    for r in rows.values(v=F("desa_binaan__village_id"), m=_month("asked_on")).annotate(n=Count("id")):
        yield r["v"], r["m"], "questions_received", "", r["n"]
    for r in (
        rows.filter(answered_at__isnull=False)
        .values(v=F("desa_binaan__village_id"), m=_month("answered_at"))
        .annotate(n=Count("id"))
    ):
        yield r["v"], r["m"], "questions_answered", "", r["n"]
    counts: dict[tuple, int] = defaultdict(int)
    rows = _in(ReadinessCheck.objects.all(), "village_id", villages)
    for v, day, warnings in rows.values_list("village_id", "checked_on", "warnings").iterator(
        chunk_size=BATCH
    ):
        m = day.replace(day=1)
        counts[(v, m, "readiness_checks", "")] += 1
        if warnings:
            counts[(v, m, "readiness_with_warnings", "")] += 1
        for w in warnings or []:
            code = w.get("code", "") if isinstance(w, dict) else str(w)
            counts[(v, m, "readiness_warnings", code[:40])] += 1
    for (v, m, metric, dim), n in counts.items():
        yield v, m, metric, dim, n


def _person_month_queryset(villages: list[str] | None):
    kanim = WorkingAreaAssignment.objects.filter(
        regency_id=OuterRef("event__village__regency_id"), valid_to__isnull=True
    ).values("kanim_id")[:1]
    qs = _in(Attendance.objects.all(), "event__village_id", villages)
    # Annotation order is the INSERT column order below.
    return (
        qs.annotate(
            c_month=_month("event__starts_at"),
            c_person=F("person_id"),
            c_village=F("event__village_id"),
            c_regency=F("event__village__regency_id"),
            c_province=Substr("event__village_id", 1, 2),
            c_kanim=Subquery(kanim),
            c_sex=F("person__sex"),
            c_group=Coalesce("target_group__code", Value("")),
        )
        .values("c_month", "c_person", "c_village", "c_regency", "c_province", "c_kanim", "c_sex", "c_group")
        .distinct()
        .order_by()
    )


def _fill_person_months(villages: list[str] | None) -> None:
    sql, params = _person_month_queryset(villages).query.sql_with_params()
    table = PersonMonth._meta.db_table
    columns = "month, person_id, village_code, regency_code, province_code, kanim_id, sex, target_group"
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)


def _people_figures(level: str, months: set[dt.date] | None, villages: list[str] | None = None):
    """Per-month distinct persons per area of a level: total, by sex, by target group."""
    key = {"village": "village_code", "kanim": "kanim_id", "province": "province_code", "national": None}[
        level
    ]
    qs = PersonMonth.objects.all()
    if months is not None:
        qs = qs.filter(month__in=sorted(months))
    if villages is not None:
        qs = qs.filter(village_code__in=villages)
    if key == "kanim_id":
        qs = qs.filter(kanim_id__isnull=False)
    group = ["month"] + ([key] if key else [])
    for dim_field, prefix in ((None, ""), ("sex", "sex:"), ("target_group", "tg:")):
        fields = group + ([dim_field] if dim_field else [])
        for r in qs.values(*fields).annotate(n=Count("person_id", distinct=True)).order_by():
            area = str(r[key]) if key else ""
            dim = f"{prefix}{r[dim_field]}" if dim_field else ""
            yield area, r["month"], "people_reached", dim, r["n"]


def _write(objs: Iterable[MonthlyFigure]) -> int:
    batch, written = [], 0
    for obj in objs:
        batch.append(obj)
        if len(batch) >= BATCH:
            MonthlyFigure.objects.bulk_create(batch)
            written += len(batch)
            batch = []
    MonthlyFigure.objects.bulk_create(batch)
    return written + len(batch)


def _rebuild_areas(months: set[dt.date] | None) -> None:
    """Kanim, province and national figures of the given months (all months when None), from the village rows."""
    stale = MonthlyFigure.objects.exclude(level=Level.VILLAGE)
    village_rows = MonthlyFigure.objects.filter(level=Level.VILLAGE).exclude(metric="people_reached")
    if months is not None:
        stale = stale.filter(month__in=sorted(months))
        village_rows = village_rows.filter(month__in=sorted(months))
    stale.delete()
    sums = ("month", "metric", "dimension")

    def additive():
        for r in (
            village_rows.filter(kanim_id__isnull=False).values("kanim_id", *sums).annotate(n=Sum("value"))
        ):
            yield MonthlyFigure(level=Level.KANIM, area=str(r["kanim_id"]), kanim_id=r["kanim_id"],
                                province_code="", month=r["month"], metric=r["metric"],
                                dimension=r["dimension"], value=r["n"])  # fmt: skip
        for r in (
            village_rows.exclude(province_code="").values("province_code", *sums).annotate(n=Sum("value"))
        ):
            yield MonthlyFigure(level=Level.PROVINCE, area=r["province_code"], province_code=r["province_code"],
                                month=r["month"], metric=r["metric"], dimension=r["dimension"], value=r["n"])  # fmt: skip
        for r in village_rows.values(*sums).annotate(n=Sum("value")):
            yield MonthlyFigure(level=Level.NATIONAL, area="", month=r["month"], metric=r["metric"],
                                dimension=r["dimension"], value=r["n"])  # fmt: skip
        kanim_province = dict(
            WorkingAreaAssignment.objects.filter(valid_to__isnull=True).values_list(
                "kanim_id", "kanim__kanwil__province_id"
            )
        )
        for level in (Level.KANIM, Level.PROVINCE, Level.NATIONAL):
            for area, month, metric, dim, n in _people_figures(level, months):
                yield MonthlyFigure(
                    level=level, area=area, month=month, metric=metric, dimension=dim, value=n,
                    kanim_id=int(area) if level == Level.KANIM else None,
                    province_code=area if level == Level.PROVINCE else (
                        kanim_province.get(int(area), "") if level == Level.KANIM else ""),
                )  # fmt: skip

    _write(additive())
    # Kanim rows carry their province, so a province page can list its Kanims.
    for kanim_id, province in (
        WorkingAreaAssignment.objects.filter(valid_to__isnull=True)
        .values_list("kanim_id", "kanim__kanwil__province_id")
        .distinct()
    ):
        MonthlyFigure.objects.filter(level=Level.KANIM, kanim_id=kanim_id).exclude(
            province_code=province
        ).update(province_code=province)


def _touched_months(villages: list[str]) -> set[dt.date]:
    return set(
        MonthlyFigure.objects.filter(level=Level.VILLAGE, area__in=villages).values_list("month", flat=True)
    )


@transaction.atomic
def stats_refresh(
    *, villages: list[str] | None = None, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Rebuild the rollups of `villages` (every village when None) and the areas above them."""
    progress = progress or (lambda done, total: None)
    # One refresh at a time (live, scope and nightly refreshes may meet): the state row is the lock.
    state = _state_for_update()
    kanims = _kanim_of_regency()
    months: set[dt.date] | None = None
    chunks: list[list[str] | None] = (
        [None] if villages is None else [villages[i : i + 500] for i in range(0, len(villages), 500)]
    )
    if villages is None:
        MonthlyFigure.objects.all().delete()
        PersonMonth.objects.all().delete()
    else:
        months = set()
    total = len(chunks) + 1
    for done, chunk in enumerate(chunks):
        if chunk is not None and months is not None:
            months |= _touched_months(chunk)
            MonthlyFigure.objects.filter(level=Level.VILLAGE, area__in=chunk).delete()
            if "" in chunk:
                MonthlyFigure.objects.filter(level=Level.VILLAGE, area="").delete()
            PersonMonth.objects.filter(village_code__in=chunk).delete()
        _fill_person_months(chunk)

        def rows(chunk=chunk):
            for v, m, metric, dim, n in _village_counts(chunk):
                code = v or ""
                yield MonthlyFigure(
                    level=Level.VILLAGE, area=code, month=m, metric=metric, dimension=dim or "", value=n or 0,
                    province_code=code[:2], kanim_id=kanims.get(code[:5]) if code else None,
                )  # fmt: skip
            for v, m, metric, dim, n in _people_figures(Level.VILLAGE, None, chunk):
                yield MonthlyFigure(level=Level.VILLAGE, area=v, month=m, metric=metric, dimension=dim,
                                    value=n, province_code=v[:2], kanim_id=kanims.get(v[:5]))  # fmt: skip

        _write(rows())
        if chunk is not None and months is not None:
            months |= _touched_months(chunk)
        progress(done + 1, total)
    _rebuild_areas(months)
    state.generation += 1
    state.refreshed_at = timezone.now()
    state.save(update_fields=["generation", "refreshed_at"])
    DistinctCache.objects.filter(generation__lt=state.generation).delete()
    state.public = public_compute()
    state.save(update_fields=["public"])
    stats_warm_cache(generation=state.generation)
    progress(total, total)
    return {"generation": state.generation, "villages": "all" if villages is None else len(villages)}


def _state_for_update() -> StatsState:
    # get_or_create survives two first refreshes racing to create the row (the loser reads the winner's).
    StatsState.objects.get_or_create(pk=1)
    return StatsState.objects.select_for_update().get(pk=1)


def changed_villages(*, since: dt.datetime) -> list[str]:
    """Villages whose records were created or updated after `since` (what the incremental refresh rebuilds)."""
    found: set[str] = set()
    sources = [
        (Event.objects.filter(updated_at__gte=since), "village_id"),
        (Attendance.objects.filter(created_at__gte=since), "event__village_id"),
        (QuizResponse.objects.filter(created_at__gte=since), "event__village_id"),
        (Screening.objects.filter(created_at__gte=since), "village_id"),
        (Decision.objects.filter(decided_at__gte=since), "screening__village_id"),
        (Referral.objects.filter(Q(created_at__gte=since) | Q(closed_at__gte=since)), "village_id"),
        (Report.objects.filter(updated_at__gte=since), "village_id"),
        (ReportMessage.objects.filter(created_at__gte=since), "report__village_id"),
        (
            Question.objects.filter(Q(recorded_at__gte=since) | Q(answered_at__gte=since)),
            "desa_binaan__village_id",
        ),
    ]
    sources.append((ReadinessCheck.objects.filter(updated_at__gte=since), "village_id"))
    for qs, field in sources:
        found |= {v or "" for v in qs.values_list(field, flat=True).distinct()}
    return sorted(found)


def stats_refresh_changed(progress=None) -> dict:
    """Incremental refresh: the villages changed since the watermark (everything on the first run)."""
    now = timezone.now()
    state = StatsState.objects.filter(pk=1).first()
    if state is None or state.watermark is None:
        result = stats_refresh(progress=progress)
    else:
        villages = changed_villages(since=state.watermark)
        result = stats_refresh(villages=villages, progress=progress) if villages else {"villages": 0}
    StatsState.objects.filter(pk=1).update(watermark=now)
    return result


def stats_warm_cache(*, generation: int, today: dt.date | None = None) -> int:
    """Compute the unique-person counts of the multi-month presets (this quarter, this year) for the nation and
    every province, so the first visitor after a refresh does not pay for them (a national year is a
    COUNT(DISTINCT) over millions of rows). Kanim and village pages are small enough to compute on first view."""
    provinces = MonthlyFigure.objects.filter(level=Level.PROVINCE).values_list("area", flat=True).distinct()
    targets = [NATIONAL] + [target_parse(f"province:{code}") for code in provinces]
    warmed = 0
    for name in ("quarter", "year"):
        period = preset(name, today)
        for target in targets:
            _distinct_people(target, period, generation)
            warmed += 1
    return warmed
