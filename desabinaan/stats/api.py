"""Stats API: /api/v1/stats. The field names of `SummaryOut` are a contract with clients: add, never rename.

A figure whose source does not exist yet is null ("belum tersedia"), never a made-up zero.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from desabinaan.core.dbrouter import reads_from_replica
from desabinaan.core.errors import error_responses

from . import selectors
from .periods import PeriodError, period_from_params

router = Router(tags=["statistik"])


class SummaryQuery(Schema):
    scope: str = Field(
        "",
        description="national | province:<kode> | kanim:<id> | village:<kode>; empty: the widest area you may see",
    )
    from_: dt.date | None = Field(None, alias="from", description="TTTT-BB-HH; diperluas ke awal bulan")
    to: dt.date | None = Field(None, description="TTTT-BB-HH; diperluas ke akhir bulan")


class SummaryOut(Schema):
    scope: str
    scope_label: str
    period_from: dt.date
    period_to: dt.date
    refreshed_at: dt.datetime | None
    villages_fostered: int
    villages_by_status: dict[str, int]
    events_held: int
    people_reached: int
    people_reached_by_sex: dict[str, int]
    people_reached_by_target_group: dict[str, int]
    attendances: int
    quiz_pre_mean_percent: float | None
    quiz_post_mean_percent: float | None
    knowledge_gain: float | None
    readiness_checks: int | None
    readiness_with_warnings: int | None
    readiness_warnings: dict[str, int] | None
    screenings: int | None
    screenings_by_level: dict[str, int]
    decisions: int | None
    decisions_by_kind: dict[str, int]
    referrals_created: int | None
    referral_outcomes: dict[str, int]
    reports_received: int | None
    reports_resolved: int | None
    report_first_reply_median_hours: float | None
    questions_received: int | None
    questions_answered: int | None
    monthly: dict[str, dict[str, int]]


@router.get("/summary", response={200: SummaryOut, **error_responses(404)})
@reads_from_replica
def summary(request, q: Query[SummaryQuery]):
    # TargetError and PeriodError are ValueErrors the pages share; here they become the API's 404 and 422.
    try:
        target = selectors.target_parse(q.scope) if q.scope else selectors.home_target(request.auth)
    except selectors.TargetError as exc:
        raise Http404(str(exc)) from None
    if target is None or not selectors.can_view(request.auth, target):
        raise PermissionDenied(selectors.OUT_OF_SCOPE)
    params = {"from": q.from_.isoformat() if q.from_ else "", "to": q.to.isoformat() if q.to else ""}
    try:
        period = period_from_params(params)
    except PeriodError as exc:
        raise ValidationError(str(exc), code="period") from None
    data = selectors.summary(target, period)
    monthly = {
        t["metric"]: {month.strftime("%Y-%m"): value for month, value in t["points"]} for t in data["trends"]
    }
    return {
        "scope": target.key,
        "scope_label": target.label,
        "period_from": period.start,
        "period_to": period.end,
        "refreshed_at": data["refreshed_at"],
        "monthly": monthly,
        **data["figures"],
    }
