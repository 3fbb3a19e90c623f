"""Live figures: how long a committed attendance takes to reach the national dashboard, and how many refreshes a
worker runs per second (`make bench`, or `python bench/run.py live`).

Two setups, each with a real `manage.py worker` subprocess (own process group, stopped with killpg at the end):

- SQLite (a temporary file) with the database task engine (django_tasks_db, the worker polls every
  BENCH_LIVE_INTERVAL seconds, default 1.0 = `manage.py worker`'s default);
- PostgreSQL (throwaway database desabinaan_bench_live on 127.0.0.1:5432, user postgres, dropped afterwards) with the
  RQ engine on Redis 127.0.0.1:6379 db 14 (flushed first). Skipped with a note when either server does not answer.

Setup (subprocess): `migrate`, the regions of five districts (BENCH_LIVE_PREFIXES), two Kanwil and two Kanims whose
working areas cover every imported regency, the fostered village Desa Tebat Monok, one event per village with two
attendees each (so every refresh has data to rebuild), then one full refresh.

Measurements (one more subprocess with the same environment, separate from the worker):

1. Latency: BENCH_LIVE_WRITES (50) attendances, each a new synthetic person recorded through
   `events.services.attendance_record` at the Tebat Monok event, one at a time: after each commit the process polls
   (every 10 ms) the national figure — the sum of MonthlyFigure(level="national", metric="attendances"), what the
   national dashboard reads — until it includes the write. The clock starts at the commit (an on_commit callback
   registered before the service's own), so it covers the enqueue, the engine's delivery and the refresh. Before
   each write the process waits a random 0..interval s (database engine; 0..0.2 s on RQ, which pushes) so writes
   do not fall in step with the polling worker.
2. Worker throughput, "refresh" = one run of the `stats.tasks.refresh_pending` task: it takes every village marked
   in stats.PendingRefresh, rebuilds their village rollups, the Kanim/province/national figures of the months they
   touch, the public page figures and the unique-person cache, and bumps StatsState.generation.
   a. through the engine: one village marked (stats.live.villages_changed in its own transaction), wait until the
      refresh is done, repeat (BENCH_LIVE_SINGLES times): end-to-end refreshes/s;
   b. through the engine: BENCH_LIVE_BURST villages marked in separate transactions back to back, timed from the
      first commit until no village is pending: villages/s, and how many refreshes the burst took (coalescing);
   c. raw: the task function called directly in the measuring process (PendingRefresh rows written directly, so the
      worker gets nothing): single-village refreshes/s and villages/s for one refresh of the whole burst.

Only loopback is used. Figures are single runs on a shared machine; the data are small, so refresh costs are a
floor (a refresh's fixed part grows with the months and areas it rebuilds).
"""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITES = int(os.environ.get("BENCH_LIVE_WRITES", "50"))
SINGLES = int(os.environ.get("BENCH_LIVE_SINGLES", "10"))
RAW_SINGLES = int(os.environ.get("BENCH_LIVE_RAW_SINGLES", "20"))
BURST = int(os.environ.get("BENCH_LIVE_BURST", "50"))
INTERVAL = float(os.environ.get("BENCH_LIVE_INTERVAL", "1.0"))
# Random pause before each measured write: a polling worker's whole interval; RQ pushes, a short pause is enough.
GAP = {"database": INTERVAL, "rq": 0.2}
PREFIXES = os.environ.get("BENCH_LIVE_PREFIXES", "17.08.04,17.08.01,17.08.02,17.03.12,32.73.01").split(",")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_DB = "desabinaan_bench_live"
REDIS_URL = "redis://127.0.0.1:6379/14"
POLL = 0.01
WAIT_LIMIT = 60.0
TEBAT_MONOK = "17.08.04.2002"
_BENCH_KEYS = {
    "NIK_ENCRYPTION_KEYS": "YmVuY2gta2V5LW5vdC1mb3ItcmVhbC1kYXRhLTAwMDA=",
    "NIK_HASH_KEY": "bench-hash-key-not-for-real-data-0123456789",
    "SECRET_KEY": "bench-secret-key-not-for-real-use-0123456789abcdefghijklmnopqrstuvwxyz",
}


# ---------------------------------------------------------------------------------------------------------------
# Subprocess steps (Django set up from the environment the main process passes).


def _setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desabinaan.settings")
    import django

    django.setup()


def _step_setup() -> dict:
    _setup_django()
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from desabinaan.events.models import Attendance, Event
    from desabinaan.events.services import attendance_record, event_create
    from desabinaan.offices.models import Kanim, Kanwil, WorkingAreaAssignment
    from desabinaan.program.models import DesaBinaan
    from desabinaan.regions.models import Regency, Village
    from desabinaan.regions.services import regions_import
    from desabinaan.stats.models import PendingRefresh, StatsState
    from desabinaan.stats.services import stats_refresh

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    regions_import(prefixes=PREFIXES)
    since = dt.date(2024, 1, 1)
    kanims = {}
    for province, name in (("17", "Bengkulu"), ("32", "Jawa Barat")):
        kanwil = Kanwil.objects.create(name=f"Kanwil {name} (bench)", province_id=province)
        kanims[province] = Kanim.objects.create(
            name=f"Kantor Imigrasi {name} (bench)", office_class="Kelas I TPI", kanwil=kanwil
        )
    for regency in Regency.objects.all():
        WorkingAreaAssignment.objects.create(
            kanim=kanims[regency.code[:2]], regency=regency, valid_from=since
        )
    DesaBinaan.objects.create(
        village=Village.objects.get(code=TEBAT_MONOK), kanim=kanims["17"], status="active",
        designated_on=dt.date(2024, 6, 10),
    )  # fmt: skip
    villages = list(Village.objects.order_by("code"))
    now = timezone.now()
    measured = None
    for n, village in enumerate(villages):
        event = event_create(actor=None, title=f"Sosialisasi bench {n}", village=village, starts_at=now)
        if village.code == TEBAT_MONOK:
            measured = event
        for k in range(2):
            attendance_record(
                actor=None, event=event, name=f"Warga Awal {n} {k}", sex="F" if k else "M",
                birth_year=1980 + k, village=village, consent=True,
            )  # fmt: skip
    # Probe: each write marks its village, also the second one in a village from one process (before commit
    # 8b4b48a the per-transaction memo was keyed by id() of the outermost Atomic, which a decorated service reuses,
    # so a long-lived process marked a village once and never again).
    for n in range(2):
        PendingRefresh.objects.all().delete()
        attendance_record(
            actor=None, event=measured, name=f"Warga Uji Penanda {n}", sex="F", birth_year=1991,
            village=measured.village, consent=True,
        )  # fmt: skip
    marks_again = PendingRefresh.objects.filter(village_code=TEBAT_MONOK).exists()
    # The setup's writes queued refreshes on the database engine: drop them, rebuild everything once.
    DBTaskResult.objects.all().delete()
    PendingRefresh.objects.all().delete()
    stats_refresh()
    StatsState.objects.filter(pk=1).update(refresh_queued_at=None)
    return {
        "migrate_s": migrate_s,
        "setup_s": time.perf_counter() - started,
        "event_id": measured.pk,
        "villages": [v.code for v in villages],
        "events": Event.objects.count(),
        "attendances": Attendance.objects.count(),
        "regencies": Regency.objects.count(),
        "marks_again": marks_again,
    }


def _word(n: int) -> str:
    """A distinct name part per number (name keys fold digits and repeated letters: "44" reads as "4")."""
    return "".join(
        ("ba", "ci", "du", "fe", "go", "hu", "ja", "ke", "li", "mo")[int(d)] for d in str(n)
    ).title()


def _wait(condition, what: str) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > WAIT_LIMIT:
            raise RuntimeError(f"timed out after {WAIT_LIMIT:.0f} s waiting for {what}")
        time.sleep(POLL)
    return time.perf_counter()


def _step_measure(event_id: int, villages: list[str]) -> dict:
    _setup_django()
    from django.db import transaction
    from django.db.models import Sum
    from django.utils import timezone

    from desabinaan.events.models import Event
    from desabinaan.events.services import attendance_record
    from desabinaan.stats.live import villages_changed
    from desabinaan.stats.models import Level, MonthlyFigure, PendingRefresh, StatsState
    from desabinaan.stats.tasks import refresh_pending

    event = Event.objects.select_related("village").get(pk=event_id)
    rng = random.Random(7)

    def national() -> int:
        figures = MonthlyFigure.objects.filter(level=Level.NATIONAL, metric="attendances", dimension="")
        return figures.aggregate(n=Sum("value"))["n"] or 0

    def generation() -> int:
        return StatsState.objects.values_list("generation", flat=True).get(pk=1)

    def settled() -> bool:
        return (
            not PendingRefresh.objects.exists()
            and StatsState.objects.filter(pk=1, refresh_queued_at__isnull=True).exists()
        )

    # 1. Latency, commit → national figure; one warm-up write (worker start-up, imports) first.
    latencies, write_ms = [], []
    for i in range(-1, WRITES):
        if i >= 0:
            time.sleep(rng.uniform(0, GAP[os.environ["TASK_BACKEND"]]))
        expected = national() + 1
        committed: list[float] = []
        called = time.perf_counter()
        with transaction.atomic():
            transaction.on_commit(lambda: committed.append(time.perf_counter()))  # noqa: B023 (runs here)
            attendance_record(
                actor=None, event=event, name=f"Peserta {_word(i + 1)} {os.getpid()}", sex="MF"[i % 2],
                birth_year=1960 + i % 40, village=event.village, consent=True,
            )  # fmt: skip
        seen = _wait(lambda: national() >= expected, f"write {i} on the national figure")  # noqa: B023
        if i >= 0:
            latencies.append((seen - committed[0]) * 1000)
            write_ms.append((committed[0] - called) * 1000)

    # 2a. Single-village refreshes back to back through the engine.
    _wait(settled, "the queue to settle")
    single_s = []
    before = generation()
    started = time.perf_counter()
    for k in range(SINGLES):
        t0 = time.perf_counter()
        with transaction.atomic():
            villages_changed([villages[k % len(villages)]])
        _wait(settled, f"single refresh {k}")
        single_s.append(time.perf_counter() - t0)
    singles_total = time.perf_counter() - started
    singles_runs = generation() - before

    # 2b. A burst of villages marked in separate transactions, coalesced by the engine.
    burst = villages[:BURST]
    before = generation()
    started = time.perf_counter()
    for code in burst:
        with transaction.atomic():
            villages_changed([code])
    marked = time.perf_counter()
    _wait(settled, "the burst")
    burst_total = time.perf_counter() - started
    burst_runs = generation() - before

    # 2c. Raw: the task function in this process (nothing enqueued, the worker stays idle).
    raw_single = []
    for k in range(RAW_SINGLES):
        PendingRefresh.objects.create(village_code=villages[k % len(villages)], marked_at=timezone.now())
        t0 = time.perf_counter()
        refresh_pending.call()
        raw_single.append(time.perf_counter() - t0)
    PendingRefresh.objects.bulk_create(
        [PendingRefresh(village_code=code, marked_at=timezone.now()) for code in burst]
    )
    t0 = time.perf_counter()
    result = refresh_pending.call()
    raw_burst = time.perf_counter() - t0
    assert result.get("villages") == len(burst), result
    return {
        "latency_ms": latencies,
        "write_ms": write_ms,
        "singles_s": single_s,
        "singles_total": singles_total,
        "singles_runs": singles_runs,
        "burst": len(burst),
        "burst_mark_s": marked - started,
        "burst_total": burst_total,
        "burst_runs": burst_runs,
        "raw_single_s": raw_single,
        "raw_burst_s": raw_burst,
    }


# ---------------------------------------------------------------------------------------------------------------
# The main process: databases, the worker, the report. No Django here.


def _run(step: str, env: dict, *args: str, timeout: float = 600) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--step", step, *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"step {step} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _measure(label: str, env: dict, tmp: Path) -> None:
    setup = _run("setup", {**env, "TASK_BACKEND": "database"})
    print(
        f"{label}: migrate {setup['migrate_s']:.1f} s, setup in all {setup['setup_s']:.1f} s; "
        f"{len(setup['villages'])} villages in {len(PREFIXES)} districts ({','.join(PREFIXES)}), "
        f"{setup['regencies']} regencies in 2 Kanim working areas, {setup['events']} events, "
        f"{setup['attendances']} attendances",
        flush=True,
    )
    if not setup["marks_again"]:
        # Measuring a path that loses writes would only time out: say so and stop this benchmark.
        raise RuntimeError(
            "a second attendance in the same village, recorded by the same process, was not marked for refresh "
            "(stats.live.villages_changed): it would never reach the dashboard"
        )
    if env["TASK_BACKEND"] == "rq":
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    log = tmp / f"worker-{env['TASK_BACKEND']}.log"
    with open(log, "wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--interval", str(INTERVAL)],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        r = _run("measure", env, str(setup["event_id"]), json.dumps(setup["villages"]), timeout=300)
    except Exception:
        print(f"worker log (last lines):\n{log.read_text()[-2000:]}")
        raise
    finally:
        _stop(worker)
    lat = r["latency_ms"]
    print(
        f"  commit → national figure, {len(lat)} writes: p50 {statistics.median(lat):.0f} ms, "
        f"p95 {_pct(lat, 0.95):.0f} ms, max {max(lat):.0f} ms, min {min(lat):.0f} ms "
        f"(the write itself: p50 {statistics.median(r['write_ms']):.0f} ms)"
    )
    s = r["singles_s"]
    print(
        f"  (a) engine, 1 village per refresh, back to back: {len(s) / r['singles_total']:.2f} refreshes/s "
        f"({len(s)} cycles of mark → refreshed, p50 {statistics.median(s) * 1000:.0f} ms; "
        f"{r['singles_runs']} refresh runs)"
    )
    print(
        f"  (b) engine, burst of {r['burst']} villages in {r['burst']} transactions "
        f"(marked in {r['burst_mark_s']:.2f} s): all refreshed after {r['burst_total']:.2f} s = "
        f"{r['burst'] / r['burst_total']:.1f} villages/s, in {r['burst_runs']} refresh run(s)"
    )
    raw = r["raw_single_s"]
    print(
        f"  (c) raw task call: 1 village per refresh {len(raw) / sum(raw):.2f} refreshes/s "
        f"(p50 {statistics.median(raw) * 1000:.0f} ms over {len(raw)}); one refresh of {r['burst']} villages "
        f"{r['raw_burst_s'] * 1000:.0f} ms = {r['burst'] / r['raw_burst_s']:.0f} villages/s",
        flush=True,
    )


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=3) as db:
        db.execute(sql)


def _reachable() -> str:
    """'' when PostgreSQL and Redis both answer on loopback, else why not."""
    try:
        _pg_admin("SELECT 1")
    except Exception as exc:
        return f"PostgreSQL at {PG} not reachable ({type(exc).__name__}: {str(exc).strip()[:120]})"
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as exc:
        return f"Redis at {REDIS_URL} not reachable ({type(exc).__name__}: {str(exc).strip()[:120]})"
    return ""


def main() -> None:
    print(
        f"inputs: {WRITES} writes (+1 warm-up), random gap before each 0..{GAP['database']:g} s (database engine) "
        f"or 0..{GAP['rq']:g} s (RQ), figure polled every "
        f"{POLL * 1000:.0f} ms; worker `manage.py worker --interval {INTERVAL:g}`; {SINGLES} engine single-village "
        f"refreshes, burst of {BURST} villages, {RAW_SINGLES} raw single-village refreshes"
    )
    print(
        'a "refresh" = one run of stats.tasks.refresh_pending: every pending village\'s rollups, then the Kanim, '
        "province and national figures of the touched months, the public figures and the unique-person cache"
    )
    with tempfile.TemporaryDirectory(prefix="desabinaan-bench-live-") as tmp:
        base = {
            **_BENCH_KEYS,
            **os.environ,
            "DEBUG": "0",
            "HTTPS": "0",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(Path(tmp) / "media"),
            "PYTHONPATH": str(ROOT),
        }
        sqlite = {
            **base,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'live.sqlite3'}",
            "TASK_BACKEND": "database",
        }
        _measure("SQLite + database engine (django_tasks_db)", sqlite, Path(tmp))

        why_not = _reachable()
        if why_not:
            print(f"PostgreSQL + RQ: SKIPPED — {why_not}")
            return
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        _pg_admin(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
        _pg_admin(f"CREATE DATABASE {PG_DB}")
        try:
            pg = {**base, "DATABASE_URL": f"{PG}/{PG_DB}", "TASK_BACKEND": "rq", "REDIS_URL": REDIS_URL}
            _measure("PostgreSQL + RQ engine (Redis db 14)", pg, Path(tmp))
        finally:
            _pg_admin(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
            redis.Redis.from_url(REDIS_URL).flushdb()


if __name__ == "__main__":
    if "--step" in sys.argv:
        step = sys.argv[sys.argv.index("--step") + 1]
        rest = sys.argv[sys.argv.index("--step") + 2 :]
        out = _step_setup() if step == "setup" else _step_measure(int(rest[0]), json.loads(rest[1]))
        print(json.dumps(out))
    else:
        main()
