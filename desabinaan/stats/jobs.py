"""Background jobs of the stats app (run by `manage.py run_jobs`, see desabinaan.jobs)."""

from desabinaan.jobs.services import job_handler

REFRESH = "stats.refresh"
REPORT = "stats.official_report"


@job_handler(REFRESH)
def run_refresh(job, progress):
    from .services import stats_refresh, stats_refresh_changed

    if job.payload.get("full"):
        return stats_refresh(progress=progress)
    if job.payload.get("villages") is not None:
        return stats_refresh(villages=job.payload["villages"], progress=progress)
    return stats_refresh_changed(progress=progress)


@job_handler(REPORT)
def run_report(job, progress):
    from .reports import official_report_build

    report = official_report_build(report_id=job.payload["report_id"], progress=progress)
    return {"report_id": report.pk}
