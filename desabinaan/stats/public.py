"""The public statistics page (/statistik/): figures by province and regency with small cells suppressed, computed
once per refresh (stats_refresh stores them on StatsState) so serving the page costs one query."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Sum

from desabinaan.program.models import DesaBinaan
from desabinaan.regions.models import Province, Regency

from .models import Level, MonthlyFigure, PersonMonth, StatsState
from .selectors import SMALL_CELL

PUBLIC_METRICS = (
    "villages_fostered",
    "events_held",
    "people_reached",
    "reports_received",
    "reports_resolved",
)


def suppress_cells(cells: list[int | None]) -> list[bool]:
    """Which cells to hide: every count 1–4, and, when a group would show exactly one hidden cell, the next
    smallest non-zero cell too (so the group's total minus the shown cells cannot reveal it)."""
    hidden = [c is not None and 0 < c < SMALL_CELL for c in cells]
    if sum(hidden) == 1:
        candidates = sorted((c, i) for i, c in enumerate(cells) if not hidden[i] and c is not None and c > 0)
        if candidates:
            hidden[candidates[0][1]] = True
    return hidden


def _show(value: int, hide: bool):
    return "<5" if hide else value


def public_compute() -> dict:
    """Aggregates by province and regency over all time, with small cells suppressed; stored at refresh time."""
    regency_names = dict(Regency.objects.values_list("code", "name"))
    province_names = dict(Province.objects.values_list("code", "name"))
    raw: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(PUBLIC_METRICS, 0))
    fostered = DesaBinaan.objects.exclude(status=DesaBinaan.Status.PROPOSED)
    for r in fostered.values("village__regency_id").annotate(n=Count("id")).order_by():
        raw[r["village__regency_id"]]["villages_fostered"] = r["n"]
    village_rows = MonthlyFigure.objects.filter(level=Level.VILLAGE, metric__in=["events_held", "reports"])
    for area, metric, dim, n in (
        village_rows.exclude(area="")
        .values_list("area", "metric", "dimension")
        .annotate(n=Sum("value"))
        .order_by()
    ):
        cell = raw[area[:5]]
        if metric == "events_held":
            cell["events_held"] += n
        else:
            cell["reports_received"] += n
            if dim == "closed":
                cell["reports_resolved"] += n
    for r in (
        PersonMonth.objects.values("regency_code").annotate(n=Count("person_id", distinct=True)).order_by()
    ):
        raw[r["regency_code"]]["people_reached"] = r["n"]
    province_people = {
        r["province_code"]: r["n"]
        for r in PersonMonth.objects.values("province_code")
        .annotate(n=Count("person_id", distinct=True))
        .order_by()
    }
    provinces = []
    for pcode in sorted({code[:2] for code in raw}):
        regencies = sorted(code for code in raw if code[:2] == pcode)
        totals = {m: sum(raw[r][m] for r in regencies) for m in PUBLIC_METRICS}
        totals["people_reached"] = province_people.get(pcode, 0)
        hide = {m: suppress_cells([raw[r][m] for r in regencies]) for m in PUBLIC_METRICS}
        provinces.append({
            "code": pcode,
            "name": province_names.get(pcode, pcode),
            "totals": totals,
            "regencies": [
                {"code": r, "name": regency_names.get(r, r),
                 **{m: _show(raw[r][m], hide[m][i]) for m in PUBLIC_METRICS}}
                for i, r in enumerate(regencies)
            ],
        })  # fmt: skip
    # The same rule one level up: provinces within the nation.
    hide = {m: suppress_cells([p["totals"][m] for p in provinces]) for m in PUBLIC_METRICS}
    for i, p in enumerate(provinces):
        p["totals"] = {m: _show(p["totals"][m], hide[m][i]) for m in PUBLIC_METRICS}
    national = {m: sum(raw[r][m] for r in raw) for m in PUBLIC_METRICS}
    national["people_reached"] = PersonMonth.objects.aggregate(n=Count("person_id", distinct=True))["n"] or 0
    national = {m: "<5" if 0 < v < SMALL_CELL else v for m, v in national.items()}
    return {"provinces": provinces, "national": national}


def public_stats() -> tuple[dict, dt.datetime | None]:
    state = StatsState.objects.filter(pk=1).values_list("public", "refreshed_at").first()
    return (
        (state[0] or {"provinces": [], "national": {}}, state[1])
        if state
        else ({"provinces": [], "national": {}}, None)
    )
