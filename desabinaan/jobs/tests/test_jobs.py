"""The database job queue: claiming, running, failing, the worker command."""

import pytest
from django.core.management import call_command

from desabinaan.jobs import services
from desabinaan.jobs.models import Job


@services.job_handler("tests.add")
def _add(job, progress):
    progress(1, 2)
    progress(2, 2)
    return {"sum": job.payload["a"] + job.payload["b"]}


@services.job_handler("tests.user_error")
def _user_error(job, progress):
    raise services.JobError("Berkas tidak terbaca.")


@services.job_handler("tests.crash")
def _crash(job, progress):
    raise RuntimeError("boom")


@pytest.fixture
def queued(settings, db):
    settings.JOBS_RUN_INLINE = False
    settings.DEBUG = False
    return services.job_enqueue(kind="tests.add", payload={"a": 2, "b": 3})


def test_two_workers_never_claim_the_same_job(queued):
    first = services.job_claim(worker="w1")
    second = services.job_claim(worker="w2")
    assert first.pk == queued.pk and first.claimed_by == "w1"
    assert second is None
    assert services.job_claim(job_id=queued.pk, worker="w3") is None


def test_a_claimed_job_runs_and_stores_its_result_and_progress(queued):
    services.job_claim()
    job = services.job_run(job_id=queued.pk)
    assert (job.status, job.result, job.progress_done, job.progress_total) == ("done", {"sum": 5}, 2, 2)
    assert job.percent == 100 and job.finished_at is not None


def test_a_job_error_is_shown_and_a_crash_is_generic(settings, db):
    settings.JOBS_RUN_INLINE = True
    assert (
        services.job_enqueue(kind="tests.user_error", payload={}).status == "queued"
    )  # the object as created
    user_error, crash_job = (
        Job.objects.get(kind="tests.user_error"),
        services.job_enqueue(kind="tests.crash", payload={}),
    )
    crash_job.refresh_from_db()
    assert (user_error.status, user_error.error) == ("failed", "Berkas tidak terbaca.")
    assert (crash_job.status, crash_job.error) == ("failed", str(services.JOB_FAILED))


def test_inline_mode_runs_the_job_at_once(settings, db):
    settings.JOBS_RUN_INLINE = True
    job = services.job_enqueue(kind="tests.add", payload={"a": 1, "b": 1})
    job.refresh_from_db()
    assert job.result == {"sum": 2}


def test_unknown_kinds_are_refused_at_enqueue(db):
    with pytest.raises(ValueError):
        services.job_enqueue(kind="tests.nope", payload={})


def test_the_worker_command_drains_the_queue_once(queued):
    services.job_enqueue(kind="tests.add", payload={"a": 10, "b": 1})
    call_command("run_jobs", "--once")
    assert sorted(Job.objects.values_list("status", flat=True)) == ["done", "done"]
