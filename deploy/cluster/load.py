"""`make cluster-load`: load through the cluster's HAProxy while an app server and a task worker are killed.

    python deploy/cluster/load.py [--duration 60] [--users 12]

1. Counts the reads of the stats tables on the replica and on the primary (pg_stat_user_tables; a hot standby
   keeps its own counters).
2. Runs locust headless against 127.0.0.1:18000 with deploy/cluster/cluster_locustfile.py (the `make load` mix, dashboard
   readers and a registrar writing persons) for --duration seconds.
3. A third of the way in, kills app server app1 with SIGKILL (its whole process group, mid-request), queues
   BENCH_CLUSTER_JOBS (20) full figure refreshes, waits until a worker runs one, kills that worker with SIGKILL (the RQ
   work horse with it) and starts it again ten seconds later, as a supervisor would: the new worker's start-up
   recovery queues the killed attempt again.
4. Checks: locust's failed requests (goal 0); every person the registrar saw acknowledged (201) exists on the
   primary and on the replica; every queued job finished; the replica served the stats reads (its counter grew).
app1 is started again at the end, so the cluster is whole for the next run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cluster  # noqa: E402

LOCUST = cluster.ROOT / ".venv" / "bin" / "locust"
STATS_READS = (
    "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables "
    "WHERE relname LIKE 'stats_%'"
)
_MINT = """
from desabinaan.accounts.models import User
from desabinaan.accounts.services import api_token_create
_, raw = api_token_create(user=User.objects.get(username={username!r}), name="cluster load")
print(raw)
"""
_QUEUE = """
from desabinaan.stats.tasks import refresh_start
print(",".join(str(refresh_start(villages=None).pk) for _ in range({n})))
"""
_JOBS = """
from desabinaan.jobs.models import Job
ids = [{ids}]
print(Job.objects.filter(pk__in=ids, status=Job.Status.DONE).count(), Job.objects.filter(pk__in=ids).count())
"""


def _shell(code: str) -> str:
    return cluster.manage("shell", "-c", code, timeout=300).strip().splitlines()[-1]


def _count_names(port: int, names: list[str]) -> int:
    if not names:
        return 0
    run = names[0].split()[2]  # hex digits this script generated
    query = f"SELECT name FROM people_person WHERE name LIKE 'Beban Klaster {run} %'"  # noqa: S608
    found = set(cluster.psql(port, query, cluster.DB).strip().splitlines())
    return sum(1 for name in names if name in found)


def _worker_running_a_job(ids: str, timeout: float = 30) -> tuple[str, int, int] | None:
    """(worker name, job id, pid running it) for one of the jobs `ids` running right now."""
    deadline = time.monotonic() + timeout
    query = f"SELECT id, worker FROM jobs_job WHERE status = 'running' AND id IN ({ids})"  # noqa: S608 (our ids)
    while time.monotonic() < deadline:
        for line in cluster.psql(cluster.PRIMARY_PORT, query, cluster.DB).strip().splitlines():
            job_id, worker = line.split("|")
            pid = int(worker.rpartition(":")[2] or 0)
            # RQ runs each job in a forked "work horse" in a session of its own: its parent is the worker.
            with contextlib.suppress(OSError, ValueError, IndexError):
                parent = int(Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[1])
                for name in cluster.WORKERS:
                    if cluster.pid_of(name) in (pid, parent):
                        return name, int(job_id), pid
        time.sleep(0.1)
    return None


def _chaos(duration: int, log: list[str], jobs: list[str]) -> None:
    time.sleep(duration / 3)
    cluster.kill("app1", signal.SIGKILL, wait=5)
    log.append(f"{time.strftime('%H:%M:%S')} app1 killed (SIGKILL, process group)")
    ids = _shell(_QUEUE.format(n=int(os.environ.get("BENCH_CLUSTER_JOBS", "20"))))
    jobs.append(ids)
    log.append(f"{time.strftime('%H:%M:%S')} queued full refresh jobs {ids}")
    busy = _worker_running_a_job(ids)
    if busy is None:
        log.append("no job was seen running within 30 s: no worker killed")
        return
    name, job_id, horse = busy
    with contextlib.suppress(ProcessLookupError):
        os.kill(horse, signal.SIGKILL)  # the machine goes down: the job's process and the worker with it
    cluster.kill(name, signal.SIGKILL, wait=5)
    log.append(f"{time.strftime('%H:%M:%S')} {name} killed (SIGKILL) while running job {job_id}")
    time.sleep(10)
    cluster.start_worker(name)
    log.append(
        f"{time.strftime('%H:%M:%S')} {name} started again (its start-up recovery queues job {job_id} again)"
    )


def _locust_summary(prefix: Path) -> tuple[int, int]:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        name = "TOTAL" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"  {name[:58]:<58} {row['Request Count']:>6} req {row['Failure Count']:>4} failed  p95 {row['95%']} ms"
        )
    total = next(r for r in rows if r["Name"] == "Aggregated")
    failures = Path(f"{prefix}_failures.csv")
    if int(total["Failure Count"]) and failures.exists():
        for row in csv.DictReader(failures.open(newline="")):
            print(f"    {row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error'][:160]}")
    return int(total["Request Count"]), int(total["Failure Count"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--users", type=int, default=12)
    args = parser.parse_args(argv)
    if cluster.pid_of("haproxy") is None:
        print("Klaster belum jalan: `make cluster` dulu.")
        return 1
    for name in cluster.APP_PORTS:  # whole again after an interrupted run
        if cluster.pid_of(name) is None:
            cluster.start_app(name)
            cluster.wait_http(f"http://{cluster.HOST}:{cluster.APP_PORTS[name]}/healthz")
    token = _shell(_MINT.format(username=os.environ.get("LOAD_OFFICER", "kanim.bengkulu")))
    replica_before = int(cluster.psql(cluster.REPLICA_PORT, STATS_READS, cluster.DB).strip())
    primary_before = int(cluster.psql(cluster.PRIMARY_PORT, STATS_READS, cluster.DB).strip())
    print(f"Load: {args.users} users for {args.duration} s via 127.0.0.1:{cluster.LB_PORT}")
    chaos_log: list[str] = []
    queued: list[str] = []
    chaos = threading.Thread(target=_chaos, args=(args.duration, chaos_log, queued), daemon=True)
    with tempfile.TemporaryDirectory(prefix="desabinaan-cluster-") as tmp:
        prefix, writes = Path(tmp) / "locust", Path(tmp) / "writes.txt"
        chaos.start()
        result = subprocess.run(  # noqa: S603 (fixed argv)
            [
                str(LOCUST),
                "-f",
                str(HERE / "cluster_locustfile.py"),
                "--headless",
                "--host",
                f"http://{cluster.HOST}:{cluster.LB_PORT}",
                "--users",
                str(args.users),
                "--spawn-rate",
                "4",
                "--run-time",
                f"{args.duration}s",
                "--stop-timeout",
                "10",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=cluster.ROOT,
            env={
                **cluster.env(),
                "LOAD_TOKEN": token,
                "CLUSTER_RUN": uuid.uuid4().hex[:8],
                "CLUSTER_WRITES_FILE": str(writes),
            },
            capture_output=True,
            text=True,
            timeout=args.duration + 180,
            check=False,
        )
        chaos.join(timeout=60)
        for line in chaos_log:
            print(f"  {line}")
        if not Path(f"{prefix}_stats.csv").exists():
            print(result.stdout[-3000:], result.stderr[-3000:])
            return 1
        requests, failed = _locust_summary(prefix)
        names = [n for n in writes.read_text().splitlines() if n] if writes.exists() else []
    jobs = ",".join(queued) or "0"
    deadline = time.monotonic() + 180
    done, total = 0, 0
    while time.monotonic() < deadline:
        done, total = (int(x) for x in _shell(_JOBS.format(ids=jobs)).split())
        if done == total:
            break
        time.sleep(3)
    time.sleep(1)  # the replica applies the last writes within milliseconds; one second is plenty
    on_primary = _count_names(cluster.PRIMARY_PORT, names)
    on_replica = _count_names(cluster.REPLICA_PORT, names)
    replica_reads = int(cluster.psql(cluster.REPLICA_PORT, STATS_READS, cluster.DB).strip()) - replica_before
    primary_reads = int(cluster.psql(cluster.PRIMARY_PORT, STATS_READS, cluster.DB).strip()) - primary_before
    cluster.start_app("app1")
    print(f"\nrequests {requests:,}, failed {failed} (goal 0)")
    print(f"writes acknowledged {len(names)}: on the primary {on_primary}, on the replica {on_replica}")
    recovered = sum(log.read_text().count("queued again") for log in cluster.LOGS.glob("worker*.log"))
    print(
        f"refresh jobs done {done}/{total}; attempts recovered after a killed worker (worker logs): {recovered}"
    )
    print(
        f"stats table reads during the run: replica {replica_reads:,}, primary {primary_reads:,} "
        "(the primary's include the refresh jobs, which write and read there)"
    )
    ok = failed == 0 and on_primary == len(names) == on_replica and done == total and replica_reads > 0
    print("OK" if ok else "NOT OK")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
