"""Long work (imports, official reports, full refreshes) on Django's Tasks API, with a record the user watches.

The engine queues and runs the work: django-tasks (the backport of Django 6's `django.tasks`), with its database
backend (`django_tasks_db`) by default and its RQ backend on Redis (`django_tasks_rq`) when workers spread over
machines. A `Job` row is the user's side of one piece of work: what it is, who asked, progress, the result or a
readable error, and whether trying again can help. Nothing here queues or claims work itself.

A task doing long work looks like this::

    @task()
    def attendance_import(job_id: int) -> dict:
        return job_execute(job_id=job_id, handler=_import)      # handler(job, progress) -> dict

    job = job_start(task=attendance_import, kind=ATTENDANCE_IMPORT, payload={...}, actor=request.user)

- `job_start` writes the row and enqueues the task once the surrounding transaction commits, so the worker sees
  the row (and nothing is enqueued for a rolled-back request).
- `job_execute` takes the job's lease (queued → running, stamped with this process) before running the handler, so a
  task the engine delivers twice runs once; every progress call renews the heartbeat and checks the lease is still
  ours.
- A worker killed mid-task (SIGKILL, a lost machine) leaves its job `running`. `jobs_recover()` — run whenever a
  worker starts (`manage.py worker`) and every few minutes from the schedule (docs/deploy.md) — puts back in the
  queue every running job whose process is gone (same host) or whose heartbeat is older than `JOB_STALE_SECONDS`.
  Handlers are therefore written to be re-run: the attendance import skips the rows an earlier attempt wrote.
- A job's upload (`payload["upload"]`, a path in the default storage, personal data) is deleted when the job is
  done or failed beyond retrying, and by `jobs_purge()` once a failed or stuck job is abandoned.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks.exceptions import TaskResultDoesNotExist

from .models import Job

log = logging.getLogger(__name__)

JOB_FAILED = _(
    "Tugas gagal karena kesalahan sistem. Anda dapat mencobanya lagi atau menghubungi administrator."
)
NOT_RETRYABLE = _("Tugas ini tidak dapat diulang.")

Progress = Callable[[int, "int | None"], None]
Handler = Callable[[Job, Progress], dict]


class JobError(Exception):
    """A failure the user should read and cannot fix by trying again (e.g. "the file is not an Excel workbook")."""


class JobLeaseLost(Exception):
    """Recovery gave this job to another attempt while this one was still running: stop without writing more."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def _after_commit(func: Callable[[], Any]) -> None:
    transaction.on_commit(func)


def _enqueue(job_id: int, task_path: str) -> None:
    task: Task = import_string(task_path)
    result = task.enqueue(job_id)
    # The immediate backend has run the task already; the row keeps the engine's id for the status page.
    Job.objects.filter(pk=job_id).update(task_id=str(result.id)[:64])


def job_start(*, task: Task, kind: str, payload: dict, actor=None) -> Job:
    """Record a job and hand it to the task engine after the current transaction commits."""
    job = Job.objects.create(
        kind=kind,
        payload=payload,
        task_path=task.module_path,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _after_commit(lambda: _enqueue(job.pk, job.task_path))
    return job


def job_retry(*, job: Job) -> Job:
    """Queue a failed job again (the user's "Coba lagi"): progress starts over, the handler skips what is done."""
    if not job.can_retry:
        raise JobError(NOT_RETRYABLE)
    Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
        status=Job.Status.QUEUED, error="", progress_done=0, finished_at=None
    )
    _after_commit(lambda: _enqueue(job.pk, job.task_path))
    job.refresh_from_db()
    return job


def _lease(job_id: int, worker: str) -> bool:
    now = timezone.now()
    return bool(
        Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING,
            started_at=now,
            heartbeat_at=now,
            worker=worker,
            attempts=F("attempts") + 1,
        )
    )


def _delete_upload(job: Job) -> None:
    path = (job.payload or {}).get("upload")
    if path and default_storage.exists(path):
        default_storage.delete(path)


def _finish(job: Job, worker: str, **fields) -> None:
    Job.objects.filter(pk=job.pk, worker=worker).update(finished_at=timezone.now(), **fields)
    if fields["status"] == Job.Status.DONE or not fields.get("retryable", False):
        _delete_upload(job)


def job_execute(*, job_id: int, handler: Handler) -> dict:
    """Run `handler` for a queued job under its lease and store the outcome (called by the job's task)."""
    worker = worker_name()
    if not _lease(job_id, worker):
        log.info("job %s is not queued (finished, or another attempt holds it): nothing to do", job_id)
        return {"skipped": True}
    job = Job.objects.get(pk=job_id)

    def progress(done: int, total: int | None = None) -> None:
        fields: dict[str, Any] = {"progress_done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            fields["progress_total"] = total
        if not Job.objects.filter(pk=job_id, worker=worker, status=Job.Status.RUNNING).update(**fields):
            raise JobLeaseLost(job_id)

    try:
        result = handler(job, progress) or {}
    except JobLeaseLost:
        log.warning("job %s was handed to another attempt; this one stops", job_id)
        return {"lease_lost": True}
    except JobError as exc:
        _finish(job, worker, status=Job.Status.FAILED, error=str(exc), retryable=False)
        return {"error": str(exc)}
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, worker, status=Job.Status.FAILED, error=str(JOB_FAILED), retryable=True)
        raise
    _finish(job, worker, status=Job.Status.DONE, result=result, error="")
    return result


def _process_gone(worker: str) -> bool:
    """True when `worker` names a process on this host that no longer runs (a killed worker)."""
    host, _sep, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    # A killed process nobody has reaped yet (its parent died too) still answers signal 0: a zombie is gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return False


def _engine_lost(job: Job) -> bool:
    """A queued job whose task the engine no longer holds (Redis emptied, the enqueue itself failed)."""
    if not job.task_path:
        return False
    if not job.task_id:
        return True
    try:
        result = import_string(job.task_path).get_backend().get_result(job.task_id)
    except TaskResultDoesNotExist:
        return True
    except NotImplementedError:
        return False
    return result.status in (TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL)


def jobs_recover(*, now: dt.datetime | None = None) -> list[int]:
    """Queue again the jobs whose attempt died (process gone, heartbeat stopped) or whose task was lost."""
    now = now or timezone.now()
    stale = now - dt.timedelta(seconds=settings.JOB_STALE_SECONDS)
    requeued = []
    running = Job.objects.filter(status=Job.Status.RUNNING).exclude(task_path="")
    for job in running.filter(Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True)) | running.filter(
        worker__startswith=f"{socket.gethostname()}:"
    ):
        if job.heartbeat_at and job.heartbeat_at >= stale and not _process_gone(job.worker):
            continue
        if Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, worker=job.worker).update(
            status=Job.Status.QUEUED
        ):
            requeued.append(job.pk)
    for job in Job.objects.filter(status=Job.Status.QUEUED, created_at__lt=stale).exclude(task_path=""):
        if job.pk not in requeued and _engine_lost(job):
            requeued.append(job.pk)
    for job in Job.objects.filter(pk__in=requeued):
        log.warning("job %s (%s): attempt %s died; queued again", job.pk, job.kind, job.attempts)
        _enqueue(job.pk, job.task_path)
    return requeued


def jobs_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the uploads of jobs abandoned for longer than JOB_UPLOAD_RETENTION_HOURS (personal data)."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(hours=settings.JOB_UPLOAD_RETENTION_HOURS)
    deleted = 0
    abandoned = Job.objects.filter(payload__has_key="upload", created_at__lt=cutoff).exclude(
        status=Job.Status.DONE
    )
    for job in abandoned.iterator():
        if (job.payload or {}).get("upload") and default_storage.exists(job.payload["upload"]):
            _delete_upload(job)
            deleted += 1
    return deleted
