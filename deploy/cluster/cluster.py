"""The many-machine deployment rehearsed on one box, loopback only (`make cluster`, `make cluster-stop`).

    python deploy/cluster/cluster.py start     # PostgreSQL primary + streaming replica, 2 app servers, 2 workers, HAProxy
    python deploy/cluster/cluster.py status
    python deploy/cluster/cluster.py stop      # stops everything it started; nothing keeps running
    python deploy/cluster/cluster.py env       # the environment the app servers run with (for manage.py by hand)

Layout (all under var/cluster/, removed by `stop --purge`):

    HAProxy 127.0.0.1:18000 ──► gunicorn app1 :18001, app2 :18002 (DEBUG off, 2 workers each)
                                    │ writes, sessions, reads after a write        │ dashboard/report reads
                                    ▼                                              ▼
                         PostgreSQL primary :55432  ──WAL streaming──►  PostgreSQL replica :55433 (hot standby,
                                    ▲                                    made with pg_basebackup)
    task workers worker1, worker2 (manage.py worker, TASK_BACKEND=rq) ◄── Redis 127.0.0.1:6379 db 13

The primary is a data directory of its own (initdb, trust authentication on 127.0.0.1 only: a rehearsal, not a
production setup), so the shared server on :5432 is left alone. Every process gets its own session and a pid file;
`stop` signals each process group, then stops PostgreSQL with pg_ctl. Redis is the machine's (it is not started or
stopped here); the cluster uses its database 13 and empties it on start.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VAR = ROOT / "var" / "cluster"
RUN = VAR / "run"
LOGS = VAR / "logs"
PY = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
LB_PORT = 18000
APP_PORTS = {"app1": 18001, "app2": 18002}
WORKERS = ("worker1", "worker2")
PRIMARY_PORT, REPLICA_PORT = 55432, 55433
PRIMARY_DIR, REPLICA_DIR = VAR / "pg-primary", VAR / "pg-replica"
DB = "desabinaan"
REDIS_URL = "redis://127.0.0.1:6379/13"


def pg_bin(name: str) -> str:
    for version in ("17", "16", "15"):
        candidate = Path(f"/usr/lib/postgresql/{version}/bin/{name}")
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} tidak ditemukan: pasang PostgreSQL (server) terlebih dahulu.")
    return found


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _own_for_postgres(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def env() -> dict[str, str]:
    """What the app servers and workers run with: primary, replica, RQ on Redis, DEBUG off, plain HTTP."""
    keys = {}
    dotenv = ROOT / "var" / ".env"
    if dotenv.exists():
        for line in dotenv.read_text().splitlines():
            name, sep, value = line.partition("=")
            if sep:
                keys[name.strip()] = value.strip()
    return {
        **os.environ,
        **keys,
        "DATABASE_URL": f"postgres://postgres@{HOST}:{PRIMARY_PORT}/{DB}",
        "DATABASE_REPLICA_URL": f"postgres://postgres@{HOST}:{REPLICA_PORT}/{DB}",
        "TASK_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "DEBUG": "0",
        "HTTPS": "0",
        "DEMO_MODE": "1",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "LOG_LEVEL": "WARNING",
        # A killed worker's job is taken for dead after 10 s without a heartbeat (600 s in production).
        "JOB_STALE_SECONDS": "10",
    }


def _run(command: list[str], **kwargs) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} gagal:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return result.stdout


def manage(*args: str, timeout: int = 1800) -> str:
    return _run([str(PY), str(ROOT / "manage.py"), *args], env=env(), cwd=ROOT, timeout=timeout)


def psql(port: int, sql: str, database: str = "postgres") -> str:
    return _run(["psql", "-h", HOST, "-p", str(port), "-U", "postgres", "-d", database, "-Atc", sql])


# --- processes ---------------------------------------------------------------------------------------------------


def _pidfile(name: str) -> Path:
    return RUN / f"{name}.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z":
            return False
    return True


def pid_of(name: str) -> int | None:
    path = _pidfile(name)
    if not path.exists():
        return None
    pid = int(path.read_text().strip() or 0)
    return pid if pid and _alive(pid) else None


def spawn(name: str, command: list[str]) -> int:
    """A process in its own session (its group is stopped as one), output to var/cluster/logs/NAME.log."""
    LOGS.mkdir(parents=True, exist_ok=True)
    RUN.mkdir(parents=True, exist_ok=True)
    with (LOGS / f"{name}.log").open("a") as log:
        process = subprocess.Popen(  # noqa: S603 (fixed argv)
            command, env=env(), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    _pidfile(name).write_text(str(process.pid))
    return process.pid


def kill(name: str, sig: int = signal.SIGTERM, wait: float = 30) -> bool:
    """Signal the process group NAME started; True when something was running."""
    pid = pid_of(name)
    if pid is None:
        _pidfile(name).unlink(missing_ok=True)
        return False
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)
    deadline = time.monotonic() + wait
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    _pidfile(name).unlink(missing_ok=True)
    return True


def start_app(name: str) -> int:
    return spawn(
        name,
        [
            str(GUNICORN),
            "desabinaan.wsgi",
            "--bind",
            f"{HOST}:{APP_PORTS[name]}",
            "--workers",
            "2",
            "--timeout",
            "60",
            "--graceful-timeout",
            "20",
        ],
    )


def start_worker(name: str) -> int:
    return spawn(name, [str(PY), str(ROOT / "manage.py"), "worker"])


def wait_http(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            if response.status == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"{url} tidak menjawab dalam {timeout:.0f} dtk (lihat {LOGS}).")


# --- PostgreSQL ----------------------------------------------------------------------------------------------------


def _pg_running(data: Path) -> bool:
    return (data / "postmaster.pid").exists() and subprocess.run(  # noqa: S603
        _as_postgres([pg_bin("pg_ctl"), "-D", str(data), "status"]), capture_output=True, check=False
    ).returncode == 0


def _pg_start(data: Path, port: int) -> None:
    if _pg_running(data):
        return
    _own_for_postgres(LOGS)
    _run(
        _as_postgres(
            [
                pg_bin("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(LOGS / f"{data.name}.log"),
                "-o",
                f"-p {port} -k {RUN} -c listen_addresses={HOST}",
                "-w",
                "start",
            ]
        )
    )


def start_primary() -> None:
    _own_for_postgres(VAR)
    _own_for_postgres(RUN)
    if not (PRIMARY_DIR / "PG_VERSION").exists():
        _own_for_postgres(PRIMARY_DIR)
        _run(
            _as_postgres(
                [pg_bin("initdb"), "-D", str(PRIMARY_DIR), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
            )
        )
        with (PRIMARY_DIR / "postgresql.conf").open("a") as conf:
            conf.write("\n# make cluster\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n")
        with (PRIMARY_DIR / "pg_hba.conf").open("a") as hba:
            hba.write(f"\nhost replication postgres {HOST}/32 trust\n")
    _pg_start(PRIMARY_DIR, PRIMARY_PORT)
    if not psql(PRIMARY_PORT, f"SELECT 1 FROM pg_database WHERE datname = '{DB}'").strip():  # noqa: S608 (constant)
        psql(PRIMARY_PORT, f'CREATE DATABASE "{DB}"')


def start_replica() -> None:
    if not (REPLICA_DIR / "PG_VERSION").exists():
        _own_for_postgres(REPLICA_DIR)
        _run(
            _as_postgres(
                [
                    pg_bin("pg_basebackup"),
                    "-h",
                    HOST,
                    "-p",
                    str(PRIMARY_PORT),
                    "-U",
                    "postgres",
                    "-D",
                    str(REPLICA_DIR),
                    "-R",  # standby.signal + primary_conninfo: a streaming replica
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                ]
            )
        )
    REPLICA_DIR.chmod(0o700)  # PostgreSQL refuses a data directory others can read
    _pg_start(REPLICA_DIR, REPLICA_PORT)


def replication_state() -> str:
    return psql(
        PRIMARY_PORT, "SELECT client_addr || ' ' || state || ' ' || sync_state FROM pg_stat_replication"
    )


# --- commands --------------------------------------------------------------------------------------------------------


def start() -> None:
    if not shutil.which("haproxy"):
        raise SystemExit("haproxy tidak ada: `make cluster` memasangnya (apt-get install haproxy).")
    print("PostgreSQL primary :55432 …", flush=True)
    start_primary()
    print("Skema, wilayah dan data demo pada primary (sekali; beberapa menit) …", flush=True)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    if not psql(PRIMARY_PORT, "SELECT 1 FROM accounts_user LIMIT 1", DB).strip():
        manage("import_regions", "--no-progress")
        manage("seed_demo", "--force")
        manage("refresh_stats", "--changed")
    print("Replika streaming :55433 (pg_basebackup) …", flush=True)
    start_replica()
    _run(["redis-cli", "-n", "13", "FLUSHDB"])
    for name in APP_PORTS:
        if pid_of(name) is None:
            start_app(name)
    for name in WORKERS:
        if pid_of(name) is None:
            start_worker(name)
    for port in APP_PORTS.values():
        wait_http(f"http://{HOST}:{port}/healthz")
    if pid_of("haproxy") is None:
        spawn("haproxy", ["haproxy", "-db", "-f", str(HERE / "haproxy.cfg")])
    wait_http(f"http://{HOST}:{LB_PORT}/healthz")
    status()


def status() -> None:
    rows = [("haproxy", f"{HOST}:{LB_PORT}")]
    rows += [(name, f"{HOST}:{port}") for name, port in APP_PORTS.items()]
    rows += [(name, f"RQ {REDIS_URL}") for name in WORKERS]
    for name, where in rows:
        pid = pid_of(name)
        print(f"  {name:<9} {where:<28} {'pid ' + str(pid) if pid else 'berhenti'}")
    for label, data, port in (("primary", PRIMARY_DIR, PRIMARY_PORT), ("replica", REPLICA_DIR, REPLICA_PORT)):
        print(f"  {label:<9} {HOST}:{port:<22} {'jalan' if _pg_running(data) else 'berhenti'}")
    if _pg_running(PRIMARY_DIR):
        print(f"  replikasi: {replication_state().strip() or '-'}")


def stop(purge: bool = False) -> None:
    for name in ("haproxy", *APP_PORTS, *WORKERS):
        if kill(name):
            print(f"  {name} dihentikan")
    for data in (REPLICA_DIR, PRIMARY_DIR):
        if _pg_running(data):
            _run(_as_postgres([pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]))
            print(f"  {data.name} dihentikan")
    if purge:
        shutil.rmtree(VAR, ignore_errors=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    if command == "start":
        start()
    elif command == "stop":
        stop(purge="--purge" in argv)
    elif command == "status":
        status()
    elif command == "env":
        wanted = ("DATABASE_URL", "DATABASE_REPLICA_URL", "TASK_BACKEND", "REDIS_URL", "JOB_STALE_SECONDS")
        print(json.dumps({k: v for k, v in env().items() if k in wanted}, indent=2))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
