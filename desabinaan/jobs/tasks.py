"""Housekeeping of long tasks, run every few minutes from the schedule (docs/deploy.md)."""

from django_tasks import task

from .services import jobs_purge, jobs_recover


@task()
def maintenance() -> dict:
    """Re-queue the jobs of dead workers, delete the uploads of abandoned jobs."""
    return {"requeued": jobs_recover(), "uploads_deleted": jobs_purge()}
