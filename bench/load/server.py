"""A production-like server for load, soak and live fuzz runs: gunicorn on 127.0.0.1, a free port, a copy of the
demo database, stopped when the `with` block ends.

Only loopback: the harness never sends traffic anywhere else.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_DB = ROOT / "var" / "desabinaan.sqlite3"
GUNICORN = Path(sys.executable).with_name("gunicorn")
HOST = "127.0.0.1"

# Mints a token for a demo account and prints the raw value, which exists nowhere else.
_MINT_TOKEN = """
from desabinaan.accounts.models import User
from desabinaan.accounts.services import api_token_create
_, raw = api_token_create(user=User.objects.get(username={username!r}), name="load test")
print(raw)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    env: dict[str, str]
    process: subprocess.Popen
    workdir: Path
    log: Path
    tokens: dict[str, str] = field(default_factory=dict)

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def token(self, username: str) -> str:
        if username not in self.tokens:
            self.tokens[username] = (
                manage(["shell", "-c", _MINT_TOKEN.format(username=username)], self.env)
                .strip()
                .splitlines()[-1]
            )
        return self.tokens[username]


def rss_kib(pid: int) -> int:
    """Resident memory of one process (VmRSS), in KiB; 0 once it has exited."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def manage(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _copy_database(target: Path) -> None:
    if not DEMO_DB.exists():
        raise SystemExit(f"{DEMO_DB} is missing: run `make demo` first")
    # The backup API copies a consistent snapshot even while the WAL holds recent writes.
    with sqlite3.connect(DEMO_DB) as source, sqlite3.connect(target) as copy:
        source.backup(copy)


def _wait_ready(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url + "/healthz", timeout=2) as response,  # noqa: S310 (loopback only)
        ):
            if response.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {url} within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def running_server(*, workers: int = 4, access_log: bool = False) -> Iterator[Server]:
    """gunicorn serving a throwaway copy of the demo database; DEBUG off, plain HTTP (HTTPS=0) on loopback."""
    workdir = Path(tempfile.mkdtemp(prefix="desabinaan-load-"))
    database = workdir / "desabinaan.sqlite3"
    _copy_database(database)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "0",
        "HTTPS": "0",
        "DEMO_MODE": "1",
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "WARNING",
    }
    manage(["migrate", "--noinput", "-v0"], env)
    manage(["collectstatic", "--noinput", "-v0"], env)
    log = workdir / "gunicorn.log"
    command = [
        str(GUNICORN),
        "desabinaan.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "60",
    ]
    if access_log:
        command += ["--access-logfile", str(workdir / "access.log")]
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 (fixed argv)
            command, env=env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(url=f"http://{HOST}:{port}", env=env, process=process, workdir=workdir, log=log)
    try:
        _wait_ready(server.url, process, log)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
