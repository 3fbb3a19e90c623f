"""A tiny database-backed job queue for work too long for a request (imports, reports).

How to use it from another app:

1. Register a handler, in a module imported by the app's ``AppConfig.ready()``::

       from desabinaan.jobs.services import job_handler

       @job_handler("events.attendance_import")
       def run_import(job, progress):
           ...                       # read job.payload
           progress(done, total)     # as often as useful; writes progress_done/progress_total
           return {"created": 10}    # becomes job.result (JSON)

   A handler raising ``JobError(message)`` fails the job with that (Indonesian, user-facing) message; any other
   exception fails it with a generic message and is logged.

2. Enqueue: ``job = job_enqueue(kind="events.attendance_import", payload={...}, actor=request.user)`` and show the
   job's status page or poll ``Job`` (``status``, ``percent``, ``result``, ``error``).

How jobs run:

- ``manage.py run_jobs`` is the worker (``--once`` drains the queue and exits). Several workers may run: a job is
  claimed with a conditional UPDATE (``status=queued`` → ``running``), so two workers never take the same job.
- ``settings.JOBS_RUN_INLINE = True`` (tests) runs the job synchronously inside ``job_enqueue``.
- ``settings.DEBUG`` without ``JOBS_WORKER = True`` runs it in a thread, so ``runserver`` alone is enough in
  development.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Job

log = logging.getLogger(__name__)

JOB_FAILED = _("Tugas gagal karena kesalahan sistem. Hubungi administrator.")
UNKNOWN_KIND = _("Jenis tugas tidak dikenal.")

Handler = Callable[[Job, Callable[[int, int | None], None]], dict]
_HANDLERS: dict[str, Handler] = {}


class JobError(Exception):
    """A failure the user should read (e.g. "the file is not an Excel workbook")."""


def job_handler(kind: str):
    def register(func: Handler) -> Handler:
        _HANDLERS[kind] = func
        return func

    return register


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def job_enqueue(*, kind: str, payload: dict, actor=None) -> Job:
    if kind not in _HANDLERS:
        raise ValueError(f"no job handler registered for {kind!r}")
    job = Job.objects.create(
        kind=kind,
        payload=payload,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if getattr(settings, "JOBS_RUN_INLINE", False):
        if job_claim(job_id=job.pk, worker="inline"):
            job_run(job_id=job.pk)
    elif settings.DEBUG and not getattr(settings, "JOBS_WORKER", False):
        # Start only after the enqueuing transaction commits, or the thread may not see the row.
        transaction.on_commit(lambda: _run_in_thread(job.pk))
    return job


def _run_in_thread(job_id: int) -> None:
    def target():
        try:
            if job_claim(job_id=job_id, worker="thread"):
                job_run(job_id=job_id)
        finally:
            close_old_connections()

    threading.Thread(target=target, name=f"job-{job_id}", daemon=True).start()


def job_claim(*, job_id: int | None = None, worker: str | None = None) -> Job | None:
    """Take one queued job (the given one, or the oldest); None when another worker got it first or none is left."""
    worker = worker or _worker_name()
    while True:
        queued = Job.objects.filter(status=Job.Status.QUEUED)
        if job_id is not None:
            queued = queued.filter(pk=job_id)
        candidate = queued.order_by("created_at", "id").values_list("pk", flat=True).first()
        if candidate is None:
            return None
        # The conditional UPDATE is the lock: only one worker sees a row count of 1.
        taken = Job.objects.filter(pk=candidate, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started_at=timezone.now(), claimed_by=worker
        )
        if taken:
            return Job.objects.get(pk=candidate)
        if job_id is not None:
            return None


def job_progress(*, job_id: int, done: int, total: int | None = None) -> None:
    fields = {"progress_done": done}
    if total is not None:
        fields["progress_total"] = total
    Job.objects.filter(pk=job_id).update(**fields)


def job_run(*, job_id: int) -> Job:
    """Run a claimed (running) job's handler and store its result or error."""
    job = Job.objects.get(pk=job_id)
    handler = _HANDLERS.get(job.kind)

    def progress(done: int, total: int | None = None) -> None:
        job_progress(job_id=job.pk, done=done, total=total)

    status, result, error = Job.Status.DONE, {}, ""
    if handler is None:
        status, error = Job.Status.FAILED, str(UNKNOWN_KIND)
    else:
        try:
            result = handler(job, progress) or {}
        except JobError as exc:
            status, error = Job.Status.FAILED, str(exc)
        except Exception:
            log.exception("job %s (%s) failed", job.pk, job.kind)
            status, error = Job.Status.FAILED, str(JOB_FAILED)
    Job.objects.filter(pk=job.pk).update(
        status=status, result=result, error=error, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def job_run_next(*, worker: str | None = None) -> Job | None:
    job = job_claim(worker=worker)
    return job_run(job_id=job.pk) if job else None
