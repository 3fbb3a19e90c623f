"""A worker killed with SIGKILL in the middle of an import: on restart the import finishes, every row once.

Real processes on a real database: `manage.py worker` of the engine named by TASKS_UNDER_TEST ("database" here,
"rq" on Redis in CI's PostgreSQL pass), against a file copy of the SQLite test database or the PostgreSQL test
database itself. Steps that need Django run in tests/tasks/scenario.py subprocesses.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 8000
pytestmark = [pytest.mark.tasks, pytest.mark.slow]


@pytest.fixture
def task_env(request, tmp_path):
    from django.db import connection

    backend = os.environ.get("TASKS_UNDER_TEST", "database")
    env = {
        **os.environ,
        "TASK_BACKEND": backend,
        "REDIS_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DEBUG": "0",
        "PYTHONPATH": str(ROOT),
    }
    if connection.vendor == "sqlite":
        request.getfixturevalue("db")
        path = tmp_path / "tasks.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        env["DATABASE_URL"] = f"sqlite:///{path}"

        def query(sql: str, params: tuple):
            with sqlite3.connect(path) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchone()
    else:
        import psycopg

        request.getfixturevalue("transactional_db")
        s = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
        )

        def query(sql: str, params: tuple):
            with psycopg.connect(
                dbname=s["NAME"], user=s["USER"], host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432
            ) as db:
                return db.execute(sql, params).fetchone()

    if backend == "rq":
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    return env, query


def _step(env: dict, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tests.tasks.scenario", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _worker(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.2", *args],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


def test_an_import_whose_worker_was_killed_finishes_on_restart_with_every_row_once(task_env):
    env, query = task_env
    started = _step(env, "setup", str(ROWS))
    job_id = started["job_id"]

    worker = _worker(env)
    deadline = time.monotonic() + 180
    progress = 0
    while time.monotonic() < deadline:
        status, progress = query("SELECT status, progress_done FROM jobs_job WHERE id = %s", (job_id,))
        if status == "running" and 0 < progress < ROWS:
            break
        assert worker.poll() is None, worker.stderr.read().decode()[-3000:] if worker.stderr else ""
        time.sleep(0.05)
    else:
        pytest.fail(f"the import never got under way (last progress {progress})")
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)

    status, written = query(
        "SELECT j.status, (SELECT COUNT(*) FROM events_attendance a WHERE a.event_id = %s) FROM jobs_job j "
        "WHERE j.id = %s",
        (started["event_id"], job_id),
    )
    assert status == "running", "the killed attempt leaves its job running"
    assert 0 < written < ROWS, f"killed mid-import: {written} of {ROWS} rows written"

    restarted = _worker(env, "--batch")
    restarted.wait(timeout=300)
    assert restarted.returncode == 0, restarted.stderr.read().decode()[-3000:] if restarted.stderr else ""

    outcome = _step(env, "verify", str(job_id))
    assert outcome["status"] == "done"
    assert outcome["attempts"] == 2
    assert outcome["attendances"] == ROWS
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
