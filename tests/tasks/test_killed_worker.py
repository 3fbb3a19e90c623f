"""A worker killed with SIGKILL in the middle of an import: on restart the import finishes, every row once.

Real processes on a real database: `manage.py worker` of the engine named by TASKS_UNDER_TEST ("database" here,
"rq" on Redis in CI's PostgreSQL pass), against a file copy of the SQLite test database or the PostgreSQL test
database itself. Steps that need Django run in tests/tasks/scenario.py subprocesses.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from .engine import ROOT, engine_env, worker

ROWS = 20000  # four chunks of the import (IMPORT_CHUNK): the kill lands after the first
pytestmark = [pytest.mark.tasks, pytest.mark.slow]


@pytest.fixture
def task_env(task_db, tmp_path):
    return engine_env(tmp_path)


def _step(env: dict, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tests.tasks.scenario", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_an_import_whose_worker_was_killed_finishes_on_restart_with_every_row_once(task_env):
    env, query = task_env
    started = _step(env, "setup", str(ROWS))
    job_id = started["job_id"]

    running = worker(env)
    deadline = time.monotonic() + 180
    progress = 0
    while time.monotonic() < deadline:
        status, progress = query("SELECT status, progress_done FROM jobs_job WHERE id = %s", (job_id,))
        if status == "running" and 0 < progress < ROWS:
            break
        assert running.poll() is None, running.stdout.read().decode()[-3000:] if running.stdout else ""
        time.sleep(0.05)
    else:
        pytest.fail(f"the import never got under way (last progress {progress})")
    # The worker and the process running the task (RQ runs each task in a forked "work horse" of its own).
    (executing,) = query("SELECT worker FROM jobs_job WHERE id = %s", (job_id,))
    os.killpg(running.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.kill(int(executing.rpartition(":")[2]), signal.SIGKILL)
    running.wait(timeout=30)

    status, written = query(
        "SELECT j.status, (SELECT COUNT(*) FROM events_attendance a WHERE a.event_id = %s) FROM jobs_job j "
        "WHERE j.id = %s",
        (started["event_id"], job_id),
    )
    assert status == "running", "the killed attempt leaves its job running"
    assert 0 < written < ROWS, f"killed mid-import: {written} of {ROWS} rows written"

    restarted = worker(env, "--batch")
    restarted.wait(timeout=300)
    assert restarted.returncode == 0, restarted.stdout.read().decode()[-3000:] if restarted.stdout else ""

    outcome = _step(env, "verify", str(job_id))
    assert outcome["status"] == "done", restarted.stdout.read().decode()[-3000:] if restarted.stdout else ""
    assert outcome["attempts"] == 2
    assert outcome["attendances"] == ROWS, str(
        {k: (v[:3] if isinstance(v, list) else v) for k, v in outcome["result"].items()}
    )
    assert outcome["distinct_people"] == ROWS
    assert outcome["persons"] == ROWS
    assert outcome["duplicate_names"] == 0
    result = outcome["result"]
    # The second attempt accounts for every row: new now, or already written by the killed attempt.
    assert result["rows"] == ROWS
    assert result["created"] + len(result["skipped"]) == ROWS
    assert result["errors"] == []
    assert len(result["skipped"]) >= written
    assert outcome["upload_exists"] is False, "the sheet (personal data) is deleted once the import is done"
