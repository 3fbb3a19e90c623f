"""Attendance import speed and memory: our sign-in-sheet import against django-import-export, same file, same table.

One SQLite database in a temporary directory; every step runs in its own subprocess so its peak memory
(ru_maxrss) is its own:

1. setup: migrate, import the regions of Kec. Kepahiang (17.08.04), plan one event, and write an .xlsx of N rows
   with openpyxl's write-only mode (N = BENCH_ATTENDANCE_ROWS, default 100,000; a quarter of the rows carry a NIK).
2. ours: `attendance_import_sheet` — streaming read (python-calamine-plus), validation, person dedup, encrypted
   NIKs, consent, attendance and audit rows, in chunks of IMPORT_CHUNK (5,000) rows, one transaction each.
3. ours again: the same file a second time (every row must come back as "already recorded", nothing created).
4. django-import-export 4.4.3: a ModelResource into the same person table (people_person) from the same file,
   in a copy of the database as it was before our import, deduplicating on (name_key, birth_year, village) like
   ours, in its documented fast mode (use_bulk,
   skip_diff, batch_size 1000). It writes persons only — no consent, attendance, audit or NIK encryption — so its
   time is a lower bound for the same work.
5. database floor: the very rows our import wrote (persons, consents, attendances, audit entries), copied with
   Python's sqlite3 `executemany` into another copy of the database as it was before our import, chunk by chunk in
   one transaction each as the import writes them: no reading, no checks, no Python objects. No importer that writes
   these records can be faster than this on the same disk, so `django-import-export time / floor time` is the highest
   ratio this machine allows against it.

Peak memory is the subprocess's maximum resident set size minus its size just before the import started.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_ATTENDANCE_ROWS", "100000"))
_BENCH_KEYS = {
    "NIK_ENCRYPTION_KEYS": "YmVuY2gta2V5LW5vdC1mb3ItcmVhbC1kYXRhLTAwMDA=",
    "NIK_HASH_KEY": "bench-hash-key-not-for-real-data-0123456789",
    "SECRET_KEY": "bench-secret-key-not-for-real-use-0123456789abcdefghijklmnopqrstuvwxyz",
}
FIRST_NAMES = ["Siti", "Rudi", "Wati", "Andi", "Dewi", "Agus", "Rina", "Budi", "Yanti", "Joko", "Sri", "Eko"]
LAST_NAMES = [
    "Aminah",
    "Hartono",
    "Lestari",
    "Saputra",
    "Wulandari",
    "Pratama",
    "Marlina",
    "Santoso",
    "Rahayu",
]


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desabinaan.settings")
    import django

    django.setup()


def _write_sheet(path: Path, villages: list[str]) -> None:
    from openpyxl import Workbook

    from desabinaan.events.services import IMPORT_COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Daftar hadir")
    sheet.append([c.header for c in IMPORT_COLUMNS])
    for i in range(ROWS):
        female = i % 2 == 0
        year = 1950 + i % 55
        name = f"{FIRST_NAMES[i % 12]} {LAST_NAMES[(i // 12) % 9]} {i}"
        nik = ""
        if i % 4 == 0:
            day = 1 + i % 28
            nik = f"170804{day + 40 if female else day:02d}{1 + i % 12:02d}{year % 100:02d}{1 + i // 4 % 9999:04d}"
            birth = f"{day:02d}-{1 + i % 12:02d}-{year}"
        else:
            birth = year
        sheet.append(
            [name, "P" if female else "L", birth, villages[i % len(villages)], "umum", nik, "", "ya", "", ""]
        )
    workbook.save(path)


def _step_setup(sheet: Path) -> dict:
    _setup_django()
    from django.core.management import call_command
    from django.utils import timezone

    from desabinaan.events.services import event_create
    from desabinaan.regions.models import Village
    from desabinaan.regions.services import regions_import

    call_command("migrate", verbosity=0, interactive=False)
    regions_import(prefixes=["17.08.04"])
    villages = list(Village.objects.filter(district_id="17.08.04").values_list("code", flat=True))
    event = event_create(
        actor=None, title="Bench", village=Village.objects.get(code=villages[0]), starts_at=timezone.now()
    )
    started = time.perf_counter()
    _write_sheet(sheet, villages)
    return {
        "event_id": event.pk,
        "write_s": time.perf_counter() - started,
        "size_mb": sheet.stat().st_size / 2**20,
    }


def _step_ours(sheet: Path, event_id: int) -> dict:
    _setup_django()
    from desabinaan.events.models import Event
    from desabinaan.events.services import attendance_import_sheet

    event = Event.objects.get(pk=event_id)
    base = _maxrss_mb()
    started = time.perf_counter()
    report = attendance_import_sheet(actor=None, event=event, source=str(sheet))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rows": report.rows,
        "created": report.created,
        "skipped": len(report.skipped),
        "errors": len(report.errors),
        "peak_mb": _maxrss_mb() - base,
    }


def _step_import_export(sheet: Path) -> dict:
    _setup_django()
    import tablib
    from import_export import fields, resources

    from desabinaan.people.models import Person
    from lib.text import name_key

    class PersonResource(resources.ModelResource):
        name = fields.Field(attribute="name", column_name="Nama")
        sex = fields.Field(attribute="sex", column_name="L/P")
        birth_year = fields.Field(attribute="birth_year", column_name="Tahun atau tanggal lahir")
        village = fields.Field(attribute="village_id", column_name="Kode desa")
        name_key = fields.Field(attribute="name_key", column_name="name_key")

        class Meta:
            model = Person
            fields = ("name", "sex", "birth_year", "village", "name_key")
            import_id_fields = ("name_key", "birth_year", "village")
            use_bulk = True
            batch_size = 1000
            skip_diff = True
            skip_unchanged = True

        def before_import_row(self, row, **kwargs):
            row["L/P"] = "F" if row["L/P"] == "P" else "M"
            birth = str(row["Tahun atau tanggal lahir"])
            row["Tahun atau tanggal lahir"] = int(birth[-4:])
            row["name_key"] = name_key(row["Nama"])

    base = _maxrss_mb()
    started = time.perf_counter()
    with open(sheet, "rb") as handle:
        dataset = tablib.Dataset().load(handle.read(), format="xlsx")
    load_s = time.perf_counter() - started
    result = PersonResource().import_data(dataset, dry_run=False, raise_errors=False)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "load_s": load_s,
        "rows": len(dataset),
        "created": result.totals.get("new", 0),
        "errors": len(result.invalid_rows) + len(result.row_errors()),
        "peak_mb": _maxrss_mb() - base,
    }


FLOOR_TABLES = ("people_person", "people_consent", "events_attendance", "audit_auditentry")


def _step_floor(written: Path, target: Path) -> dict:
    """Copy the rows of FLOOR_TABLES written by the import from `written` into `target` (see 5. above)."""
    import sqlite3

    from desabinaan.events.services.imports import IMPORT_CHUNK

    source = sqlite3.connect(written)
    before = sqlite3.connect(target)
    data = {}
    for table in FLOOR_TABLES:
        columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
        known = before.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]  # noqa: S608
        query = f"SELECT {', '.join(columns)} FROM {table} WHERE id > ? ORDER BY id"  # noqa: S608
        data[table] = (columns, source.execute(query, (known,)).fetchall())
    before.close()
    source.close()
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA cache_size=-65536")
    persons = len(data["people_person"][1])
    started = time.perf_counter()
    for start in range(0, persons, IMPORT_CHUNK):
        connection.execute("BEGIN IMMEDIATE")
        for table, (columns, rows) in data.items():
            per_row = len(rows) / persons  # three audit entries per sheet row
            part = rows[round(start * per_row) : round((start + IMPORT_CHUNK) * per_row)]
            marks = ", ".join("?" * len(columns))
            connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", part)  # noqa: S608
        connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    return {"seconds": seconds, "records": sum(len(rows) for _, rows in data.values()), "rows": persons}


def _run(step: str, env: dict, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--step", step, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"step {step} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="desabinaan-bench-attendance-") as tmp:
        sheet = Path(tmp) / "daftar-hadir.xlsx"
        env = {
            **_BENCH_KEYS,
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            "DB_CONN_MAX_AGE": "0",
            "DEBUG": "0",
            "MEDIA_ROOT": str(Path(tmp) / "media"),
        }
        setup = _run("setup", env, str(sheet))
        # django-import-export gets its own copy of the freshly set-up database, so it finds an empty person table
        # just as ours did (the setup process has exited, so SQLite's WAL is checkpointed into the main file).
        shutil.copy(Path(tmp) / "bench.sqlite3", Path(tmp) / "bench-ie.sqlite3")
        shutil.copy(Path(tmp) / "bench.sqlite3", Path(tmp) / "bench-floor.sqlite3")
        env_ie = {**env, "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench-ie.sqlite3'}"}
        print(
            f"sheet: {ROWS:,} rows, {setup['size_mb']:.1f} MB, written in {setup['write_s']:.1f} s (openpyxl write-only)"
        )
        ours = _run("ours", env, str(sheet), str(setup["event_id"]))
        again = _run("ours", env, str(sheet), str(setup["event_id"]))
        theirs = _run("import_export", env_ie, str(sheet))
        floor = _run("floor", env, str(Path(tmp) / "bench.sqlite3"), str(Path(tmp) / "bench-floor.sqlite3"))
    lines = [
        ("importer", "rows", "seconds", "rows/s", "peak MB", "created", "skipped", "errors"),
        *[
            (
                label,
                f"{r['rows']:,}",
                f"{r['seconds']:.1f}",
                f"{r['rows'] / r['seconds']:,.0f}",
                f"{r['peak_mb']:.0f}",
                f"{r['created']:,}",
                f"{r.get('skipped', 0):,}",
                f"{r['errors']:,}",
            )
            for label, r in (
                ("desabinaan attendance_import_sheet", ours),
                ("  same file again (no-op)", again),
                ("django-import-export 4.4.3 (bulk)", theirs),
            )
        ],
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for n, line in enumerate(lines):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(
        f"django-import-export: {theirs['load_s']:.1f} s of its time is tablib loading the whole sheet into memory; "
        "it writes persons only (no consent, attendance, audit, NIK encryption)."
    )
    ours_rate, theirs_rate = ours["rows"] / ours["seconds"], theirs["rows"] / theirs["seconds"]
    floor_rate = floor["rows"] / floor["seconds"]
    print(
        f"ratio: ours / django-import-export = {ours_rate:,.0f} / {theirs_rate:,.0f} rows/s = "
        f"{ours_rate / theirs_rate:.2f}× (issue 15 goal: 5×)"
    )
    print(
        f"database floor: the {floor['records']:,} records ours wrote, inserted raw (sqlite3 executemany, "
        f"{floor['rows']:,} sheet rows) in {floor['seconds']:.1f} s = {floor_rate:,.0f} rows/s; "
        f"highest ratio this disk allows = {floor_rate / theirs_rate:.2f}×; ours = {ours['seconds'] / floor['seconds']:.1f}× the floor's time"
    )


if __name__ == "__main__":
    if "--step" in sys.argv:
        step = sys.argv[sys.argv.index("--step") + 1]
        rest = sys.argv[sys.argv.index("--step") + 2 :]
        if step == "setup":
            out = _step_setup(Path(rest[0]))
        elif step == "ours":
            out = _step_ours(Path(rest[0]), int(rest[1]))
        elif step == "floor":
            _setup_django()
            out = _step_floor(Path(rest[0]), Path(rest[1]))
        else:
            out = _step_import_export(Path(rest[0]))
        print(json.dumps(out))
    else:
        main()
