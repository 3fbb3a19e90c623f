"""Real task-engine processes for tests: a database the subprocesses share with the test, and their environment.

SQLite: the test database lives in memory, so the test's committed state is copied to a file the processes open.
PostgreSQL: the processes open the test database itself (the test must use `transactional_db`).
TASKS_UNDER_TEST picks the engine: "database" (default) or "rq" (Redis at TEST_REDIS_URL, database 15 by default).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def engine_env(tmp_path: Path) -> tuple[dict, Callable[[str, tuple], tuple]]:
    """(environment for subprocesses, query(sql, params) → first row) over the database the test sees now."""
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
        path = tmp_path / "tasks.sqlite3"
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        env["DATABASE_URL"] = f"sqlite:///{path}"

        def query(sql: str, params: tuple = ()) -> tuple:
            with sqlite3.connect(path) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchone()
    else:
        import psycopg

        s = connection.settings_dict
        host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
        env["DATABASE_URL"] = f"postgres://{s['USER']}@{host}:{port}/{s['NAME']}"

        def query(sql: str, params: tuple = ()) -> tuple:
            with psycopg.connect(dbname=s["NAME"], user=s["USER"], host=host, port=port) as db:
                return db.execute(sql, params).fetchone()

    if backend == "rq":
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    return env, query


def worker(env: dict, *args: str) -> subprocess.Popen:
    """`manage.py worker` in its own process group (so a test can kill it and its children at once)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.2", *args],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def web_server(env: dict, port: int) -> subprocess.Popen:
    """`manage.py runserver` without the reloader, serving static files itself (DEBUG on, as in `make run`)."""
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env={**env, "DEBUG": "1"}, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310 (loopback)
            return server
        except OSError:
            if server.poll() is not None:
                detail = server.stderr.read().decode()[-3000:] if server.stderr else "server died"
                raise RuntimeError(detail) from None
            time.sleep(0.2)
    raise RuntimeError("the web server did not start")


def stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, 15)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
