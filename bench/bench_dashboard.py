"""Dashboards at national scale on PostgreSQL (`make bench`, or `python bench/run.py dashboard`).

1. A throwaway database (BENCH_STATS_DB, default desabinaan_bench_stats; dropped afterwards unless BENCH_KEEP=1) is
   migrated and filled by `manage.py generate_synthetic --scale $BENCH_SCALE` (default national), which ends with a
   full rollup refresh. Both are timed.
2. The national KPI page (/dasbor/?scope=national&preset=…) through Django's test client in this process, signed in
   as a national admin: p50/p95 over BENCH_REQUESTS requests (default 50) per preset, after one warm-up request
   (the warm-up fills the unique-person cache for multi-month presets; its time is printed too).
3. The same headline figures computed by a naive GROUP BY over the raw tables (events, attendance, persons,
   screenings, reports) for the same period.
4. gunicorn (2 workers, 127.0.0.1 only) serving the public statistics page /statistik/ and an empty Django view
   through the same middleware: requests per second with 8 client threads for BENCH_SECONDS (default 10) each.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALE = os.environ.get("BENCH_SCALE", "national")
DB = os.environ.get("BENCH_STATS_DB", "desabinaan_bench_stats")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
ENV = {
    "DATABASE_URL": f"{PG}/{DB}",
    "SECRET_KEY": "bench-secret-key-not-for-real-use-0123456789abcdefghijklmnopqrstuvwxyz",
    "NIK_ENCRYPTION_KEYS": "YmVuY2gta2V5LW5vdC1mb3ItcmVhbC1kYXRhLTAwMDA=",
    "NIK_HASH_KEY": "bench-hash-key-not-for-real-data-0123456789",
    "HTTPS": "0",
    "DEBUG": "0",
    "LOG_LEVEL": "WARNING",
}


def _psql(sql: str) -> None:
    subprocess.run(["psql", f"{PG}/postgres", "-q", "-c", sql], check=True)


def _manage(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**os.environ, **ENV}, check=True)
    return time.perf_counter() - started


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _setup_django():
    os.environ.update(ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desabinaan.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _dashboard_timings() -> None:
    from django.test import Client
    from django.test.utils import setup_test_environment

    from desabinaan.accounts.models import Role, User
    from tests.personas import verified_login

    setup_test_environment()
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"role": Role.NATIONAL_ADMIN, "is_staff": True, "is_superuser": True}
    )
    client = verified_login(Client(), admin)
    for preset in ("month", "quarter", "year"):
        url = f"/dasbor/?scope=national&preset={preset}"
        started = time.perf_counter()
        response = client.get(url)
        first = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        times = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"national KPI page, {preset:7s}: first {first:8.1f} ms; then p50 {statistics.median(times):6.1f} ms, "
            f"p95 {_pct(times, 0.95):6.1f} ms over {REQUESTS} requests (Django test client, in process)"
        )
    started = time.perf_counter()
    response = client.get("/api/v1/stats/summary?scope=national")
    print(f"API summary (national, this month): {(time.perf_counter() - started) * 1000:.1f} ms")


def _naive() -> None:
    """The same figures straight from the raw tables (what the dashboard would cost without rollups)."""
    from django.db import connection

    from desabinaan.stats.periods import preset

    period = preset("year")
    sqls = {
        "events_held": "SELECT COUNT(*) FROM events_event WHERE status IN ('held','reported') "
        "AND starts_at >= %s AND starts_at < %s",
        "attendances": "SELECT COUNT(*) FROM events_attendance a JOIN events_event e ON e.id = a.event_id "
        "WHERE e.starts_at >= %s AND e.starts_at < %s",
        "people_reached (+ by sex)": "SELECT p.sex, COUNT(DISTINCT a.person_id) FROM events_attendance a "
        "JOIN events_event e ON e.id = a.event_id JOIN people_person p ON p.id = a.person_id "
        "WHERE e.starts_at >= %s AND e.starts_at < %s GROUP BY ROLLUP (p.sex)",
        "screenings by level": "SELECT advisory_level, COUNT(*) FROM protection_screening "
        "WHERE created_at >= %s AND created_at < %s GROUP BY advisory_level",
        "reports by status": "SELECT status, COUNT(*) FROM protection_report "
        "WHERE created_at >= %s AND created_at < %s GROUP BY status",
        "per-province events": "SELECT substr(village_id, 1, 2), COUNT(*) FROM events_event "
        "WHERE starts_at >= %s AND starts_at < %s GROUP BY 1",
    }
    total = 0.0
    for name, sql in sqls.items():
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, [period.start, period.end])
            cursor.fetchall()
        elapsed = time.perf_counter() - started
        total += elapsed
        print(f"naive GROUP BY, this year, {name:28s}: {elapsed * 1000:9.1f} ms")
    print(
        f"naive GROUP BY, all figures above: {total * 1000:.1f} ms (one run, warm cache after the dashboards)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _load(port: int, path: str) -> tuple[float, int]:
    import http.client

    stop = time.perf_counter() + SECONDS
    counts, errors = [0] * 8, [0] * 8

    def worker(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < stop:
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    counts[i] += 1
                else:
                    errors[i] += 1
            except Exception:
                errors[i] += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / SECONDS, sum(errors)


def _throughput() -> None:
    extra = Path(tempfile.mkdtemp(prefix="bench-stats-"))
    (extra / "bench_stats_urls.py").write_text(
        "from django.http import HttpResponse\nfrom django.urls import path\n"
        "from desabinaan.urls import urlpatterns as _base\n\n"
        "def empty(request):\n    return HttpResponse('')\n\n"
        "urlpatterns = [path('bench-empty/', empty)] + _base\n"
    )
    (extra / "bench_stats_settings.py").write_text(
        "from desabinaan.settings import *  # noqa\nROOT_URLCONF = 'bench_stats_urls'\n"
    )
    port = _free_port()
    env = {**os.environ, **ENV, "DJANGO_SETTINGS_MODULE": "bench_stats_settings",
           "PYTHONPATH": f"{extra}:{ROOT}"}  # fmt: skip
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "desabinaan.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        for path in ("/bench-empty/", "/statistik/"):
            _load(port, path)  # warm-up
            rate, errors = _load(port, path)
            print(f"gunicorn 2 workers, 8 client threads, {path:14s}: {rate:8.1f} req/s ({errors} errors)")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    print(f"scale {SCALE}, database {DB}")
    _psql(f"DROP DATABASE IF EXISTS {DB}")
    _psql(f"CREATE DATABASE {DB}")
    try:
        print(f"migrate: {_manage('migrate', '-v0'):.1f} s", flush=True)
        seconds = _manage("generate_synthetic", "--scale", SCALE)
        print(f"generate_synthetic --scale {SCALE} (incl. refresh_stats): {seconds:.1f} s", flush=True)
        print(f"refresh_stats (full, again): {_manage('refresh_stats'):.1f} s", flush=True)
        _setup_django()
        _dashboard_timings()
        _naive()
        from django.db import connection

        connection.close()
        _throughput()
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            try:
                from django.db import connections

                connections.close_all()
            except Exception:
                pass
            _psql(f"DROP DATABASE IF EXISTS {DB}")


if __name__ == "__main__":
    main()
