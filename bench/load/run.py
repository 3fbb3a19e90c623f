"""`make load` / `make soak`: locust headless against a loopback gunicorn on a copy of the demo database.

    python bench/load/run.py                      # 60 s, 20 users (make load)
    python bench/load/run.py --soak               # 10 min, 20 users, plus the workers' memory growth (make soak)
    python bench/load/run.py --duration 30 --users 50

Prints throughput, p50/p95/p99 and errors per request type and in total, then stops the server. Bounded: locust
stops after --duration, the server is stopped in every case.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from server import ROOT, rss_kib, running_server  # noqa: E402

LOCUST = Path(sys.executable).with_name("locust")


def _memory(server) -> dict[int, int]:
    return {pid: rss_kib(pid) for pid in [server.process.pid, *server.worker_pids()]}


def _print_stats(prefix: Path) -> int:
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    header = (
        f"{'request':<46} {'reqs':>7} {'fails':>6} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>7}"
    )
    print(header)
    print("-" * len(header))
    failures = 0
    for row in rows:
        name = "TOTAL" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        if name == "TOTAL":
            print("-" * len(header))
            failures = int(row["Failure Count"])
        print(
            f"{name[:46]:<46} {row['Request Count']:>7} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6} "
            f"{float(row['Max Response Time']):>7.0f}"
        )
    print("(times in ms)")
    failure_file = Path(f"{prefix}_failures.csv")
    if failures and failure_file.exists():
        print("\nErrors:")
        for row in csv.DictReader(failure_file.open(newline="")):
            print(f"  {row['Occurrences']:>5} × {row['Method']} {row['Name']}: {row['Error'][:160]}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--soak", action="store_true", help="10 minutes and memory growth of the workers")
    parser.add_argument("--duration", type=int, help="seconds of load (default 60, or 600 with --soak)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (make serve uses 4)")
    args = parser.parse_args(argv)
    duration = args.duration or (600 if args.soak else 60)

    with running_server(workers=args.workers) as server:
        token = server.token("admin")
        prefix = server.workdir / "locust"
        print(f"Server {server.url} (gunicorn, {args.workers} workers, demo data copy in {server.workdir})")
        print(f"Load: {args.users} users, spawn {args.spawn_rate}/s, {duration} s\n", flush=True)
        started_rss = _memory(server)
        samples: list[tuple[float, int]] = []
        stop = threading.Event()

        def sample() -> None:
            t0 = time.monotonic()
            while not stop.wait(30):
                samples.append((time.monotonic() - t0, sum(_memory(server).values())))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        result = subprocess.run(  # noqa: S603 (fixed argv)
            [
                str(LOCUST),
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--host",
                server.url,
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                f"{duration}s",
                "--stop-timeout",
                "10",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**server.env, "LOAD_TOKEN": token},
            capture_output=True,
            text=True,
            timeout=duration + 120,
            check=False,
        )
        elapsed = time.monotonic() - started
        stop.set()
        ended_rss = _memory(server)
        if not Path(f"{prefix}_stats.csv").exists():
            print(result.stdout[-4000:], result.stderr[-4000:])
            return 1
        failures = _print_stats(prefix)
        total = f"{elapsed:.0f} s wall clock, {failures} failed requests"
        print(total)
        if args.soak:
            print("\nServer memory (VmRSS, KiB): process  start → end  (growth)")
            for pid, before in started_rss.items():
                after = ended_rss.get(pid, 0)
                role = "master" if pid == server.process.pid else "worker"
                print(f"  {role} {pid}: {before} → {after}  ({after - before:+d})")
            for pid, after in ended_rss.items():
                if pid not in started_rss:
                    print(f"  worker {pid} (restarted during the run): → {after}")
            total_before, total_after = sum(started_rss.values()), sum(ended_rss.values())
            print(f"  total: {total_before} → {total_after}  ({total_after - total_before:+d} KiB)")
            if samples:
                print("  samples (s: total KiB): " + ", ".join(f"{t:.0f}: {kib}" for t, kib in samples))
                # The start figure is taken before the workers have served a request (imports are lazy), so the
                # growth that matters for a leak is from the first sample on.
                first = samples[0][1]
                print(
                    f"  after warm-up ({samples[0][0]:.0f} s → end): {first} → {total_after}  ({total_after - first:+d} KiB)"
                )
        server_log = server.log.read_text()
        tracebacks = server_log.count("Traceback")
        print(f"\nServer log: {tracebacks} tracebacks")
        if tracebacks:
            print(server_log[-4000:])
        return 0 if result.returncode in (0, 1) else result.returncode


if __name__ == "__main__":
    sys.exit(main())
