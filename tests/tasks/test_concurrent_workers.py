"""Two real workers on one queue: every job runs exactly once, and both workers take a share.

The engine named by TASKS_UNDER_TEST: the database engine (rows locked with SKIP LOCKED on PostgreSQL, exclusive
transactions on SQLite) in the default run, RQ on Redis in CI's PostgreSQL pass. `Job.attempts` counts the leases
taken: a job delivered twice would show 2 (or a run skipped by the lease), never a double write. Each job holds its
lease for 0.4 s (tests.tasks.slow), so a single worker cannot drain the queue before the other's next poll.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from .engine import ROOT, engine_env, stop, worker

JOBS = 24
pytestmark = [pytest.mark.tasks, pytest.mark.slow]


def test_two_concurrent_workers_run_every_job_once_and_share_the_queue(task_db, tmp_path):
    env, query = engine_env(tmp_path)
    # Both workers are up and polling before the first job is queued, so neither drains the queue alone.
    workers = [worker(env), worker(env)]
    try:
        time.sleep(6)
        assert all(process.poll() is None for process in workers)
        done = subprocess.run(
            [sys.executable, "-m", "tests.tasks.scenario", "slow_jobs", str(JOBS)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        job_ids = json.loads(done.stdout.strip().splitlines()[-1])["job_ids"]
        deadline = time.monotonic() + 180
        while query("SELECT COUNT(*) FROM jobs_job WHERE status IN ('queued', 'running')")[0]:
            assert time.monotonic() < deadline, "the workers did not finish the queue"
            time.sleep(0.2)
    finally:
        stop(*workers)
    logs = "".join(process.stdout.read().decode()[-4000:] for process in workers if process.stdout)

    rows = [query("SELECT status, attempts, worker FROM jobs_job WHERE id = %s", (pk,)) for pk in job_ids]
    assert [(status, attempts) for status, attempts, _ in rows] == [("done", 1)] * JOBS, logs
    executing = {worker_name for _, _, worker_name in rows}
    assert len(executing) >= 2, f"one worker took every job: {executing}"
