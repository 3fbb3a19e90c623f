"""Reads of the stats app: which area a user may look at, and the figures of an area over a period.

Every dashboard, report and API answer reads the rollups (desabinaan.stats.models) with a fixed number of queries,
whatever the size of the raw tables.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q, Sum
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import Scope, scope_for
from desabinaan.offices.models import Kanim
from desabinaan.offices.selectors import current_working_area
from desabinaan.program.models import DesaBinaan
from desabinaan.regions.models import Province, Regency, Village
from lib.text import is_ascii_digits

from .models import DistinctCache, Level, MonthlyFigure, PendingRefresh, PersonMonth, StatsState
from .periods import Period

UNKNOWN_SCOPE = _("Cakupan tidak dikenal. Gunakan national, province:<kode>, kanim:<id> atau village:<kode>.")
OUT_OF_SCOPE = _("Cakupan ini di luar wilayah kerja Anda.")
# Cells below this are shown as "<5" on public pages (see public_compute for the complementary rule).
SMALL_CELL = 5


class TargetError(ValueError):
    pass


@dataclass(frozen=True)
class Target:
    level: str
    code: str = ""
    label: str = ""
    # Extra scoping data: a province's regencies, a Kanim's working area.
    regencies: tuple[str, ...] = field(default=(), compare=False)
    province_code: str = field(default="", compare=False)

    @property
    def key(self) -> str:
        return "national" if self.level == Level.NATIONAL else f"{self.level}:{self.code}"

    def scope(self) -> Scope:
        """The target as a jurisdiction, so records of it are filtered by the one scoping function."""
        if self.level == Level.NATIONAL:
            return Scope(regency_codes=None)
        if self.level == Level.VILLAGE:
            return Scope(regency_codes=(), village_codes=(self.code,))
        return Scope(regency_codes=self.regencies)


NATIONAL = Target(Level.NATIONAL, "", str(_("Nasional")))


def target_parse(spec: str) -> Target:
    """ "national", "province:17", "kanim:12" or "village:17.08.04.2002" → Target (TargetError if unknown)."""
    spec = (spec or "national").strip()
    level, _sep, code = spec.partition(":")
    if level == Level.NATIONAL and not code:
        return NATIONAL
    if level == Level.PROVINCE:
        province = Province.objects.filter(code=code).first()
        if province:
            regencies = tuple(Regency.objects.filter(province_id=code).values_list("code", flat=True))
            return Target(Level.PROVINCE, code, province.name, regencies, code)
    elif level == Level.KANIM and is_ascii_digits(code):
        kanim = Kanim.objects.select_related("kanwil").filter(pk=int(code)).first()
        if kanim:
            regencies = tuple(current_working_area(kanim_id=kanim.pk))
            return Target(Level.KANIM, code, kanim.name, regencies, kanim.kanwil.province_id)
    elif level == Level.VILLAGE:
        village = Village.objects.filter(code=code).select_related("regency").first()
        if village:
            return Target(
                Level.VILLAGE,
                code,
                f"{village.name}, {village.regency.name}",
                (village.regency_id,),
                code[:2],
            )
    raise TargetError(str(UNKNOWN_SCOPE))


def can_view(user, target: Target) -> bool:
    """National page: national staff; a province: its Kanwil; a Kanim: its officers and Kanwil; a village: anyone
    whose jurisdiction contains it (the Kanim's officers, the Kanwil, its liaison)."""
    scope = scope_for(user)
    if scope.is_empty:
        return False
    if scope.is_national:
        return True
    if target.level == Level.NATIONAL:
        return False
    if target.level == Level.PROVINCE:
        return user.role == Role.KANWIL and user.kanwil is not None and user.kanwil.province_id == target.code
    if target.level == Level.KANIM:
        return int(target.code) in scope.kanim_ids
    return scope.contains_village(target.code)


def home_target(user) -> Target | None:
    """The dashboard a user lands on: the widest area they may see."""
    scope = scope_for(user)
    if scope.is_empty:
        return None
    if scope.is_national:
        return NATIONAL
    if user.role == Role.KANWIL and user.kanwil_id:
        return target_parse(f"province:{user.kanwil.province_id}")
    if user.kanim_id:
        return target_parse(f"kanim:{user.kanim_id}")
    if user.village_id:
        return target_parse(f"village:{user.village_id}")
    return None


def breadcrumbs(user, target: Target) -> list[Target]:
    """The ancestors of the target the user may open (national → province → Kanim)."""
    chain: list[Target] = []
    if target.level != Level.NATIONAL:
        chain.append(NATIONAL)
        if target.level in (Level.KANIM, Level.VILLAGE) and target.province_code:
            chain.append(target_parse(f"province:{target.province_code}"))
        if target.level == Level.VILLAGE:
            kanim = (
                DesaBinaan.objects.filter(village_id=target.code).values_list("kanim_id", flat=True).first()
            )
            if kanim:
                chain.append(target_parse(f"kanim:{kanim}"))
    return [t for t in chain if can_view(user, t)]


# --- Figures -------------------------------------------------------------------------------------------------------


def pending_since(target: Target) -> dt.datetime | None:
    """When the oldest change not yet in this area's figures was recorded (None: the figures are current)."""
    marks = PendingRefresh.objects.all()
    if target.level == Level.VILLAGE:
        marks = marks.filter(village_code=target.code)
    elif target.level == Level.PROVINCE:
        marks = marks.filter(village_code__startswith=f"{target.code}.")
    elif target.level == Level.KANIM:
        area = Q(pk__in=[])
        for regency in target.regencies:
            area |= Q(village_code__startswith=f"{regency}.")
        marks = marks.filter(area)
    return marks.aggregate(since=Min("marked_at"))["since"]


def villages_of(target: Target) -> list[str] | None:
    """The village codes of an area, for a refresh of it (None: the whole country)."""
    if target.level == Level.NATIONAL:
        return None
    if target.level == Level.VILLAGE:
        return [target.code]
    villages = Village.objects.all()
    if target.level == Level.PROVINCE:
        villages = villages.filter(regency__province_id=target.code)
    else:
        villages = villages.filter(regency_id__in=target.regencies)
    return list(villages.values_list("code", flat=True))


def generation() -> tuple[int, dt.datetime | None]:
    state = StatsState.objects.filter(pk=1).values_list("generation", "refreshed_at").first()
    return state or (0, None)


def _person_rows(target: Target, period: Period):
    qs = PersonMonth.objects.filter(month__gte=period.start, month__lte=period.end)
    if target.level == Level.VILLAGE:
        return qs.filter(village_code=target.code)
    if target.level == Level.KANIM:
        return qs.filter(kanim_id=int(target.code))
    if target.level == Level.PROVINCE:
        return qs.filter(province_code=target.code)
    return qs


def _child_key(target: Target) -> str | None:
    return {Level.NATIONAL: "province_code", Level.PROVINCE: "kanim_id", Level.KANIM: "village_code"}.get(
        target.level
    )


def _distinct_people(target: Target, period: Period, gen: int) -> dict:
    """Exact unique persons over the period: total, by sex, by target group, per child area (cached per generation)."""
    cached = (
        DistinctCache.objects.filter(
            key=target.key, month_from=period.start, month_to=period.end, generation=gen
        )
        .values_list("data", flat=True)
        .first()
    )
    if cached is not None:
        return cached
    rows = _person_rows(target, period)
    data = {
        "total": rows.aggregate(n=Count("person_id", distinct=True))["n"] or 0,
        "sex": {
            r["sex"]: r["n"]
            for r in rows.values("sex").annotate(n=Count("person_id", distinct=True)).order_by()
        },
        "tg": {
            r["target_group"]: r["n"]
            for r in rows.values("target_group").annotate(n=Count("person_id", distinct=True)).order_by()
        },
        "children": {},
    }
    key = _child_key(target)
    if key:
        data["children"] = {
            str(r[key]): r["n"]
            for r in rows.exclude(**{f"{key}__isnull": True})
            .values(key)
            .annotate(n=Count("person_id", distinct=True))
            .order_by()
        }
    DistinctCache.objects.update_or_create(
        key=target.key, month_from=period.start, month_to=period.end,
        defaults={"generation": gen, "data": data},
    )  # fmt: skip
    return data


def _median_hours(histogram: dict[str, int]) -> float | None:
    """The median of a histogram of whole hours (the mean of the two middle values for an even count)."""
    total = sum(histogram.values())
    if not total:
        return None
    ordered = sorted((int(h), n) for h, n in histogram.items() if n)

    def nth(index: int) -> int:
        seen = 0
        for hours, n in ordered:
            seen += n
            if index < seen:
                return hours
        return ordered[-1][0]

    return (nth((total - 1) // 2) + nth(total // 2)) / 2


def _pct(score: int, total: int) -> float | None:
    return round(100.0 * score / total, 1) if total else None


def _figures(sums: dict, people: dict, statuses: dict) -> dict:
    def s(metric, dim=None):
        bucket = sums.get(metric, {})
        return bucket.get(dim, 0) if dim is not None else sum(bucket.values())

    pre = _pct(s("quiz_score", "pre"), s("quiz_total", "pre"))
    post = _pct(s("quiz_score", "post"), s("quiz_total", "post"))
    reports = sums.get("reports", {})
    return {
        "villages_by_status": statuses,
        "villages_fostered": sum(n for st, n in statuses.items() if st != DesaBinaan.Status.PROPOSED),
        "events_held": s("events_held"),
        "people_reached": people.get("total", 0),
        "people_reached_by_sex": {
            "M": people.get("sex", {}).get("M", 0),
            "F": people.get("sex", {}).get("F", 0),
        },
        "people_reached_by_target_group": {k or "-": v for k, v in sorted(people.get("tg", {}).items())},
        "attendances": s("attendances"),
        "quiz_pre_mean_percent": pre,
        "quiz_post_mean_percent": post,
        "knowledge_gain": round(post - pre, 1) if pre is not None and post is not None else None,
        "readiness_checks": s("readiness_checks"),
        "readiness_with_warnings": s("readiness_with_warnings"),
        "readiness_warnings": dict(sorted(sums.get("readiness_warnings", {}).items())),
        "screenings": s("screenings"),
        "screenings_by_level": dict(sorted(sums.get("screenings", {}).items())),
        "decisions": s("decisions"),
        "decisions_by_kind": dict(sorted(sums.get("decisions", {}).items())),
        "referrals_created": s("referrals"),
        "referral_outcomes": dict(sorted(sums.get("referral_outcomes", {}).items())),
        "reports_received": sum(reports.values()),
        "reports_resolved": reports.get("closed", 0),
        "report_first_reply_median_hours": _median_hours(sums.get("report_reply_hours", {})),
        "questions_received": s("questions_received"),
        "questions_answered": s("questions_answered"),
    }


TREND_METRICS = [
    ("events_held", _("Kegiatan terlaksana")),
    ("people_reached", _("Orang terjangkau (unik per bulan)")),
    ("attendances", _("Kehadiran")),
    ("screenings", _("Skrining")),
    ("reports", _("Laporan masyarakat diterima")),
]


def _status_counts(target: Target) -> dict:
    qs = target.scope().filter(DesaBinaan.objects.all(), path="village")
    counts = dict.fromkeys(DesaBinaan.Status.values, 0)
    counts.update({r["status"]: r["n"] for r in qs.values("status").annotate(n=Count("id")).order_by()})
    return counts


def summary(target: Target, period: Period) -> dict:
    """The dashboard's figures for an area and period, with monthly trends and per-child rows for drill-down."""
    gen, refreshed_at = generation()
    rows = MonthlyFigure.objects.filter(
        level=target.level, area=target.code, month__gte=period.start, month__lte=period.end
    ).values_list("month", "metric", "dimension", "value")
    sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    monthly: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for month, metric, dim, value in rows:
        if metric == "people_reached":
            if dim == "":
                monthly["people_reached"][month] += value
            continue
        sums[metric][dim] += value
        monthly[metric][month] += value
    if len(period.months) == 1:
        people = _single_month_people(target, period)
    else:
        people = _distinct_people(target, period, gen)
    if target.level == Level.VILLAGE:
        # A victim count for one village can identify the person (UU 21/2007 Art. 44, docs/rules.md §4): shown for
        # larger areas only, never on a village's figures (which its liaison reads).
        sums.get("referral_outcomes", {}).pop("victim", None)
    figures = _figures(sums, people, _status_counts(target))
    trends = [
        {"metric": m, "label": str(label), "points": [(mo, monthly[m].get(mo, 0)) for mo in period.months]}
        for m, label in TREND_METRICS
    ]
    return {
        "figures": figures,
        "trends": trends,
        "children": _children(target, period, people),
        "refreshed_at": refreshed_at,
        "generation": gen,
    }


def _single_month_people(target: Target, period: Period) -> dict:
    """One month: the stored per-month distinct counts are already exact (no cache needed)."""
    data = {"total": 0, "sex": {}, "tg": {}, "children": {}}
    for dim, value in MonthlyFigure.objects.filter(
        level=target.level, area=target.code, month=period.start, metric="people_reached"
    ).values_list("dimension", "value"):
        if dim == "":
            data["total"] = value
        elif dim.startswith("sex:"):
            data["sex"][dim[4:]] = value
        elif dim.startswith("tg:"):
            data["tg"][dim[3:]] = value
    child_level, parent_field = _child_level(target)
    if child_level:
        qs = MonthlyFigure.objects.filter(
            level=child_level, month=period.start, metric="people_reached", dimension=""
        )
        if parent_field:
            qs = qs.filter(**{parent_field: _parent_value(target)})
        for area, value in qs.values_list("area", "value"):
            data["children"][area] = value
    return data


def _child_level(target: Target) -> tuple[str | None, str | None]:
    return {
        Level.NATIONAL: (Level.PROVINCE, None),
        Level.PROVINCE: (Level.KANIM, "province_code"),
        Level.KANIM: (Level.VILLAGE, "kanim_id"),
    }.get(target.level, (None, None))


def _parent_value(target: Target):
    return int(target.code) if target.level == Level.KANIM else target.code


CHILD_METRICS = ("events_held", "attendances", "screenings", "reports")


def _children(target: Target, period: Period, people: dict) -> list[dict]:
    child_level, parent_field = _child_level(target)
    if not child_level:
        return []
    qs = MonthlyFigure.objects.filter(
        level=child_level, month__gte=period.start, month__lte=period.end, metric__in=CHILD_METRICS
    )
    if parent_field:
        qs = qs.filter(**{parent_field: _parent_value(target)})
    figures: dict[str, dict] = defaultdict(lambda: dict.fromkeys(CHILD_METRICS, 0))
    for r in qs.values("area", "metric").annotate(n=Sum("value")).order_by():
        figures[r["area"]][r["metric"]] = r["n"]
    if child_level == Level.PROVINCE:
        names = dict(Province.objects.values_list("code", "name"))
        areas = sorted(set(figures) | set(people.get("children", {})))
    elif child_level == Level.KANIM:
        kanims = Kanim.objects.filter(kanwil__province_id=target.code).values_list("pk", "name")
        names = {str(pk): name for pk, name in kanims}
        areas = sorted(names, key=lambda a: names[a])
    else:
        fostered = target.scope().filter(DesaBinaan.objects.all(), path="village")
        names = dict(
            Village.objects.filter(code__in=fostered.values("village_id")).values_list("code", "name")
        )
        # Villages with events but no desa binaan record still appear (events can be held anywhere).
        extra = set(figures) - set(names)
        names.update(dict(Village.objects.filter(code__in=extra).values_list("code", "name")))
        areas = sorted(names)
    out = []
    for area in areas:
        row = {"level": child_level, "code": area, "name": names.get(area, area)}
        row.update(figures.get(area, dict.fromkeys(CHILD_METRICS, 0)))
        row["people_reached"] = people.get("children", {}).get(area, 0)
        out.append(row)
    return out
