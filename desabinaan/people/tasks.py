"""The people app's background work on the task engine (desabinaan.jobs explains the contract): the duplicate scan,
nightly over the whole country and on an officer's "Cari ulang" over their jurisdiction (a job they watch)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from django_tasks import task

from desabinaan.jobs.models import Job
from desabinaan.jobs.services import JobError, job_execute, job_start

from .duplicates import duplicates_scan

DUPLICATES_SCAN = "people.duplicates_scan"
NO_SCOPE = gettext_lazy("Akun yang meminta pencarian ini sudah tidak ada.")


@task()
def duplicates_scan_nightly() -> dict:
    """The national scan (enqueue_periodic nightly): every stored pair is replaced by tonight's findings."""
    scan = duplicates_scan(actor=None)
    return {"scan": scan.pk, "persons": scan.persons, "pairs": scan.pairs}


def _scan(job: Job, progress) -> dict:
    if (
        job.created_by is None
    ):  # the account was deleted: no jurisdiction left to scan (never the whole country)
        raise JobError(NO_SCOPE)
    scan = duplicates_scan(actor=job.created_by, progress=progress)
    return {"scan": scan.pk, "persons": scan.persons, "pairs": scan.pairs}


@task()
def duplicates_scan_job(job_id: int) -> dict:
    return job_execute(job_id=job_id, handler=_scan)


def duplicates_scan_request(*, actor) -> Job:
    """An officer's "Cari ulang" over their jurisdiction; a scan of theirs still queued or running is reused."""
    pending = Job.objects.filter(
        kind=DUPLICATES_SCAN, created_by=actor, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).first()
    if pending is not None:
        return pending
    return job_start(task=duplicates_scan_job, kind=DUPLICATES_SCAN, payload={}, actor=actor)
