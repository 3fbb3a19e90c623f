"""Long work on the task engine: the job record, its lease, failures, retry, recovery of dead attempts, purging.

The engine here is django-tasks' immediate backend (a task runs when enqueued); tests/tasks runs real workers.
"""

import datetime as dt
import socket

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks import task

from desabinaan.jobs import services
from desabinaan.jobs.models import Job

CALLS: list[int] = []


def _add(job, progress):
    CALLS.append(job.pk)
    progress(1, 2)
    progress(2, 2)
    return {"sum": job.payload["a"] + job.payload["b"]}


def _user_error(job, progress):
    raise services.JobError("Berkas tidak terbaca.")


def _crash_once(job, progress):
    if job.attempts == 1:
        raise RuntimeError("boom")
    return {"ok": True}


@task()
def add(job_id: int) -> dict:
    return services.job_execute(job_id=job_id, handler=_add)


@task()
def user_error(job_id: int) -> dict:
    return services.job_execute(job_id=job_id, handler=_user_error)


@task()
def crash_once(job_id: int) -> dict:
    return services.job_execute(job_id=job_id, handler=_crash_once)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    CALLS.clear()


def _upload() -> str:
    return default_storage.save("events/imports/sheet.xlsx", ContentFile(b"personal data"))


def test_it_enqueues_only_after_the_transaction_commits(db, django_capture_on_commit_callbacks, world):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = services.job_start(task=add, kind="tests.add", payload={"a": 2, "b": 3}, actor=world.ani)
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and CALLS == []
    assert len(callbacks) == 1
    callbacks[0]()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.result == {"sum": 5}
    assert (job.progress_done, job.progress_total, job.percent) == (2, 2, 100)
    assert job.task_id and job.attempts == 1 and job.created_by == world.ani


def test_a_task_delivered_twice_runs_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(task=add, kind="tests.add", payload={"a": 1, "b": 1})
    assert add.call(job.pk) == {"skipped": True}
    assert [job.pk] == CALLS


def test_a_user_error_fails_the_job_for_good_and_deletes_its_upload(db, django_capture_on_commit_callbacks):
    upload = _upload()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(task=user_error, kind="tests.user_error", payload={"upload": upload})
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "Berkas tidak terbaca."
    assert not job.can_retry
    assert not default_storage.exists(upload)
    with pytest.raises(services.JobError):
        services.job_retry(job=job)


def test_a_crash_keeps_the_upload_and_a_retry_finishes_the_job(db, django_capture_on_commit_callbacks):
    upload = _upload()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(task=crash_once, kind="tests.crash", payload={"upload": upload})
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.can_retry
    assert str(services.JOB_FAILED) == job.error
    assert default_storage.exists(upload), "kept for the retry"
    with django_capture_on_commit_callbacks(execute=True):
        services.job_retry(job=job)
    job.refresh_from_db()
    assert (job.status, job.attempts, job.result, job.error) == (Job.Status.DONE, 2, {"ok": True}, "")
    assert not default_storage.exists(upload), "deleted once the job is done"


def test_progress_stops_an_attempt_whose_lease_went_to_another(db):
    job = Job.objects.create(kind="tests.add", payload={"a": 1, "b": 1}, task_path=add.module_path)

    def handler(job, progress):
        progress(1, 3)
        Job.objects.filter(pk=job.pk).update(
            worker="elsewhere:1"
        )  # recovery handed the job to another attempt
        progress(2, 3)
        raise AssertionError("unreachable: the lease check stops the handler")

    assert services.job_execute(job_id=job.pk, handler=handler) == {"lease_lost": True}
    job.refresh_from_db()
    assert job.progress_done == 1 and job.worker == "elsewhere:1"


def _running(worker: str, heartbeat: dt.datetime) -> Job:
    return Job.objects.create(
        kind="tests.add", payload={"a": 1, "b": 2}, task_path=add.module_path, status=Job.Status.RUNNING,
        worker=worker, heartbeat_at=heartbeat, attempts=1,
    )  # fmt: skip


def test_recovery_requeues_jobs_of_dead_processes_and_stopped_heartbeats_only(db, settings):
    settings.JOB_STALE_SECONDS = 600
    now = timezone.now()
    host = socket.gethostname()
    dead_here = _running(f"{host}:999999999", now)  # no such process on this host
    alive_here = _running(services.worker_name(), now)  # this very process
    silent_elsewhere = _running("other-host:42", now - dt.timedelta(seconds=601))
    busy_elsewhere = _running("other-host:43", now - dt.timedelta(seconds=30))

    requeued = services.jobs_recover(now=now)

    assert sorted(requeued) == sorted([dead_here.pk, silent_elsewhere.pk])
    statuses = dict(Job.objects.values_list("pk", "status"))
    # The immediate engine ran the requeued jobs at once; the others were left to their live attempts.
    assert statuses[dead_here.pk] == statuses[silent_elsewhere.pk] == Job.Status.DONE
    assert statuses[alive_here.pk] == statuses[busy_elsewhere.pk] == Job.Status.RUNNING
    assert Job.objects.get(pk=dead_here.pk).attempts == 2


def test_recovery_requeues_a_queued_job_the_engine_never_received(db, settings):
    settings.JOB_STALE_SECONDS = 60
    lost = Job.objects.create(kind="tests.add", payload={"a": 1, "b": 2}, task_path=add.module_path)
    Job.objects.filter(pk=lost.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    fresh = Job.objects.create(kind="tests.add", payload={"a": 1, "b": 2}, task_path=add.module_path)

    assert services.jobs_recover() == [lost.pk]
    assert Job.objects.get(pk=fresh.pk).status == Job.Status.QUEUED


def test_purge_deletes_uploads_of_abandoned_jobs_only(db, settings):
    settings.JOB_UPLOAD_RETENTION_HOURS = 24
    old_failed, recent_failed = _upload(), _upload()
    for path, age in ((old_failed, 25), (recent_failed, 1)):
        job = Job.objects.create(kind="tests.add", payload={"upload": path}, status=Job.Status.FAILED)
        Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(hours=age))

    assert services.jobs_purge() == 1
    assert not default_storage.exists(old_failed)
    assert default_storage.exists(recent_failed)
