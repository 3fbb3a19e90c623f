"""The stats app's background work on the task engine (desabinaan.jobs explains the contract), and the functions
that start it: the live refresh of changed villages, a refresh of a scope or of everything, official reports."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_tasks import task

from desabinaan.jobs.models import Job
from desabinaan.jobs.services import job_execute, job_start

from .models import Level, OfficialReport, PendingRefresh, StatsState
from .periods import Period
from .reports import REPORT_LEVEL_REFUSED, official_report_build
from .selectors import Target, villages_of
from .services import stats_refresh

REFRESH_TOO_SOON = gettext_lazy(
    "Penyegaran baru saja diminta. Coba lagi dalam %(minutes)s menit; perubahan baru tetap masuk otomatis."
)
REFRESH_COOLDOWN = dt.timedelta(minutes=5)
REFRESH = "stats.refresh"
REPORT = "stats.official_report"
DELETE_CHUNK = 500


class RefreshTooSoon(Exception):
    pass


@task()
def refresh_pending() -> dict:
    """The live refresh: rebuild every village marked by stats.live, then clear exactly the marks it took."""
    # Cleared first: a write committed from now on enqueues the next refresh instead of being lost.
    StatsState.objects.filter(pk=1).update(refresh_queued_at=None)
    taken = list(PendingRefresh.objects.values_list("village_code", "marked_at"))
    if not taken:
        return {"villages": 0}
    result = stats_refresh(villages=sorted(code for code, _ in taken))
    # A village marked again after we read it keeps its newer mark (and its own queued refresh).
    for i in range(0, len(taken), DELETE_CHUNK):
        match = Q()
        for code, marked_at in taken[i : i + DELETE_CHUNK]:
            match |= Q(village_code=code, marked_at=marked_at)
        PendingRefresh.objects.filter(match).delete()
    return result


def _refresh(job: Job, progress) -> dict:
    return stats_refresh(villages=job.payload.get("villages"), progress=progress)


@task()
def refresh_job(job_id: int) -> dict:
    return job_execute(job_id=job_id, handler=_refresh)


def refresh_start(*, actor=None, villages: list[str] | None = None) -> Job:
    """A refresh the user watches: the villages of a scope, or everything when `villages` is None (nightly)."""
    return job_start(task=refresh_job, kind=REFRESH, payload={"villages": villages}, actor=actor)


def refresh_request(*, actor, target: Target) -> Job:
    """An officer's "refresh my figures now", at most once per REFRESH_COOLDOWN per user."""
    if Job.objects.filter(
        kind=REFRESH, created_by=actor, created_at__gte=timezone.now() - REFRESH_COOLDOWN
    ).exists():
        raise RefreshTooSoon(str(REFRESH_TOO_SOON % {"minutes": int(REFRESH_COOLDOWN.total_seconds() // 60)}))
    return refresh_start(actor=actor, villages=villages_of(target))


def _report(job: Job, progress) -> dict:
    report = official_report_build(report_id=job.payload["report_id"], progress=progress)
    return {"report_id": report.pk}


@task()
def report_job(job_id: int) -> dict:
    return job_execute(job_id=job_id, handler=_report)


@transaction.atomic
def official_report_request(*, actor, target: Target, period: Period, period_kind: str) -> OfficialReport:
    if target.level == Level.VILLAGE:
        raise ValueError(str(REPORT_LEVEL_REFUSED))
    report = OfficialReport(
        period_kind=period_kind, period_start=period.start, period_end=period.end,
        scope_key=target.key, scope_label=target.label, created_by=actor,
    )  # fmt: skip
    report.full_clean(exclude=["job", "xlsx", "pdf", "figures"])
    report.save()
    job = job_start(task=report_job, kind=REPORT, payload={"report_id": report.pk}, actor=actor)
    OfficialReport.objects.filter(pk=report.pk).update(job=job)
    report.job = job
    return report
