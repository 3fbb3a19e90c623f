"""Region import speed: regions_import() for the whole country against a raw bulk INSERT of the same rows.

For SQLite (a temporary file) and PostgreSQL (127.0.0.1:5432, user postgres, a throwaway database
desabinaan_bench), each in its own subprocess so Django reads fresh settings for its DATABASE_URL: migrate a fresh
database, time the first import (91,599 rows), the second, no-op run (the source digest matches the last import's),
and cursor.executemany of plain INSERTs (and on PostgreSQL COPY) into a scratch table with the same columns, in one
transaction. The ratio is import time over raw-insert time: what the
ORM, the change detection and the search-text folding cost on top of the database's own write speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "desabinaan_bench"
# Used only when the environment (or var/.env) has no keys: the system checks run by migrate require them.
_BENCH_KEYS = {
    "NIK_ENCRYPTION_KEYS": "YmVuY2gta2V5LW5vdC1mb3ItcmVhbC1kYXRhLTAwMDA=",
    "NIK_HASH_KEY": "bench-hash-key-not-for-real-data-0123456789",
    "SECRET_KEY": "bench-secret-key-not-for-real-use-0123456789abcdefghijklmnopqrstuvwxyz",
}

SCRATCH_DDL = """
CREATE TABLE bench_scratch (
    code varchar(13) PRIMARY KEY,
    name varchar(120) NOT NULL,
    search_text varchar(300) NOT NULL,
    parent_code varchar(13) NOT NULL,
    regency_code varchar(13) NOT NULL,
    postal_code varchar(5) NOT NULL
)
"""


def _worker() -> None:
    """Runs inside the subprocess: Django set up for the DATABASE_URL it was given; prints one JSON line."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desabinaan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from desabinaan.regions.services import regions_import
    from lib import regions_data
    from lib.text import fold

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started

    started = time.perf_counter()
    first = regions_import()
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    second = regions_import()
    rerun_s = time.perf_counter() - started
    assert first.created == second.unchanged and not second.changed, (first, second)

    # The same rows and columns the importer writes, built before timing so only the database work is measured;
    # how long building them takes (reading the shipped list, folding the search text) is reported as prep_s.
    prep_started = time.perf_counter()
    rows = list(regions_data.rows())
    names = {r.code: r.name for r in rows if r.level < 4}
    values = [
        (
            r.code,
            r.name,
            fold(
                f"{r.name} {names.get(r.parent_code, '')} {names.get(r.code[:5], '')}"
                if r.level == 4
                else r.name
            )[:300],
            r.parent_code,
            r.code[:5] if r.level >= 2 else "",
            r.postal_code,
        )
        for r in rows
    ]
    prep_s = time.perf_counter() - prep_started
    with connection.cursor() as cursor:
        cursor.execute(SCRATCH_DDL)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany("INSERT INTO bench_scratch VALUES (%s, %s, %s, %s, %s, %s)", values)
    raw_s = time.perf_counter() - started
    copy_s = None
    if connection.vendor == "postgresql":
        # PostgreSQL's own bulk path, which the importer uses for an empty table.
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE bench_scratch")
        started = time.perf_counter()
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.cursor.copy("COPY bench_scratch FROM STDIN") as copy,
        ):
            for value in values:
                copy.write_row(value)
        copy_s = time.perf_counter() - started
    # The database's own cost of the village search index over the same rows, built once (what the importer does
    # after its load): FTS5 'rebuild' on SQLite, the GIN trigram index on PostgreSQL.
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE bench_scratch_fts USING fts5(search_text, content='bench_scratch', "
                "content_rowid='rowid', prefix='2 3', tokenize='unicode61')"
            )
            cursor.execute("INSERT INTO bench_scratch_fts(bench_scratch_fts) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            cursor.execute(
                "CREATE INDEX bench_scratch_trgm ON bench_scratch USING gin (search_text gin_trgm_ops)"
            )
    index_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM bench_scratch")
        (raw_rows,) = cursor.fetchone()
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE bench_scratch_fts")
        cursor.execute("DROP TABLE bench_scratch")

    search_ms, scan_ms = _search_timings()
    print(
        json.dumps(
            {
                "search_ms": search_ms,
                "scan_ms": scan_ms,
                "vendor": connection.vendor,
                "version": connection.Database.sqlite_version
                if connection.vendor == "sqlite"
                else f"{connection.pg_version // 10000}.{connection.pg_version % 10000}",
                "rows": first.created,
                "raw_rows": raw_rows,
                "migrate_s": migrate_s,
                "import_s": import_s,
                "rerun_s": rerun_s,
                "raw_s": raw_s,
                "copy_s": copy_s,
                "prep_s": prep_s,
                "index_s": index_s,
            }
        )
    )


SEARCHES = ["tebat monok", "sukamaju", "kampung baru", "mekar jaya bandung", "sidomulyo lampung"]


def _search_timings(rounds: int = 20) -> tuple[float, float]:
    """Milliseconds per village search: through the index (villages_search), and the same words as a plain
    LIKE '%word%' filter on a copy of the column without any index (what the search did before, a full scan)."""
    from django.db import connection

    from desabinaan.regions.models import Village
    from desabinaan.regions.selectors import villages_search
    from lib.text import fold

    started = time.perf_counter()
    for _ in range(rounds):
        for q in SEARCHES:
            villages_search(q=q)
    search_ms = (time.perf_counter() - started) * 1000 / (rounds * len(SEARCHES))
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_scan AS SELECT code, name, search_text FROM regions_village")
        started = time.perf_counter()
        for _ in range(rounds):
            for q in SEARCHES:
                words = fold(q).split()
                where = " AND ".join(["search_text LIKE %s"] * len(words))
                sql = f"SELECT code FROM bench_scan WHERE {where} ORDER BY name LIMIT 20"  # noqa: S608
                cursor.execute(sql, [f"%{w}%" for w in words])
                cursor.fetchall()
        scan_ms = (time.perf_counter() - started) * 1000 / (rounds * len(SEARCHES))
        cursor.execute("DROP TABLE bench_scan")
    assert Village.objects.exists()
    return search_ms, scan_ms


def _run_worker(database_url: str) -> dict:
    env = {**_BENCH_KEYS, **os.environ, "DATABASE_URL": database_url, "DB_CONN_MAX_AGE": "0", "DEBUG": "0"}
    result = subprocess.run(
        [sys.executable, __file__, "--worker"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        raise RuntimeError(f"worker for {database_url.split(':')[0]} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _pg_admin():
    """An autocommit connection to the postgres maintenance database, or None when PostgreSQL is unreachable."""
    try:
        import psycopg

        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except Exception as error:  # any failure means "skip PostgreSQL", reported below
        print(f"PostgreSQL dilewati: tidak dapat terhubung ke 127.0.0.1:5432 ({error.__class__.__name__}).")
        return None


def _bench_sqlite() -> dict:
    with tempfile.TemporaryDirectory(prefix="desabinaan-bench-") as tmp:
        return _run_worker(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")


def _bench_postgres() -> dict | None:
    admin = _pg_admin()
    if admin is None:
        return None
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}"')
        admin.execute(f'CREATE DATABASE "{PG_BENCH_DB}"')
        try:
            return _run_worker(f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}")
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)')


def _raw(r: dict) -> float:
    """The faster raw path of the database: executemany of INSERTs, or COPY on PostgreSQL."""
    return min(t for t in (r["raw_s"], r.get("copy_s")) if t is not None)


def _table(results: list[dict]) -> str:
    header = (
        "database",
        "rows",
        "import s",
        "rows/s",
        "re-run s",
        "raw insert s",
        "ratio",
        "prep s",
        "ratio w/ prep",
        "index s",
        "ratio w/ index",
    )
    lines = [header]
    for r in results:
        lines.append(
            (
                f"{r['vendor']} {r['version']}",
                f"{r['rows']:,}",
                f"{r['import_s']:.2f}",
                f"{r['rows'] / r['import_s']:,.0f}",
                f"{r['rerun_s']:.2f}",
                f"{_raw(r):.2f}",
                f"{r['import_s'] / _raw(r):.1f}×",
                f"{r['prep_s']:.2f}",
                f"{r['import_s'] / (_raw(r) + r['prep_s']):.1f}×",
                f"{r['index_s']:.2f}",
                f"{r['import_s'] / (_raw(r) + r['index_s']):.1f}×",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main() -> None:
    results = [_bench_sqlite()]
    pg = _bench_postgres()
    if pg is not None:
        results.append(pg)
    print(_table(results))
    print("ratio = import s / raw insert s (ORM, change detection and search text on top of plain INSERTs)")
    print(
        "raw insert = the faster of executemany INSERT and (PostgreSQL) COPY into a scratch table without indexes;"
    )
    print(
        "prep s = reading the shipped list and folding the search text one name at a time, which the importer also "
        "does (vectorised); index s = building the village search index once over the raw rows; "
        "ratio w/ index = import s / (raw insert s + index s) (goal: ratio 2×)"
    )
    for r in results:
        copy = f", COPY {r['copy_s']:.2f} s" if r.get("copy_s") is not None else ""
        print(
            f"{r['vendor']}: migrate {r['migrate_s']:.1f} s, executemany {r['raw_s']:.2f} s{copy}, "
            f"raw insert {r['raw_rows']:,} rows; no-op re-run {r['rerun_s']:.2f} s (goal: under 0.5 s)"
        )
        print(
            f"{r['vendor']}: village search {r['search_ms']:.1f} ms through the index, {r['scan_ms']:.1f} ms as a "
            f"full scan of the same words ({len(SEARCHES)} queries × 20)"
        )


if __name__ == "__main__":
    if "--worker" in sys.argv:
        _worker()
    else:
        main()
