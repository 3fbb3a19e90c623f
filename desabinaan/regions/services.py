"""Importing the national region list. Bulk and idempotent: a second run changes nothing and says so."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from lib import regions_data
from lib.text import fold

from .models import District, Province, Regency, RegionImport, Village

BATCH_SIZE = 2000
# Any: the four concrete models share only the abstract Region base, which has no manager for mypy to see.
_MODELS: dict[int, Any] = {1: Province, 2: Regency, 3: District, 4: Village}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


class _Folder(dict):
    """fold() memoised per whitespace-separated word: region names share most words ("Suka", "Mulya", "Jaya").

    fold works word by word (punctuation becomes a space), so folding each word and joining the non-empty results
    equals folding the whole name.
    """

    def __missing__(self, word: str) -> str:
        value = self[word] = fold(word)
        return value

    def name(self, text: str) -> str:
        return " ".join(f for f in (self[w] for w in text.split()) if f)


def _fields(row: regions_data.RegionRow, folded: dict[str, str], folder: _Folder | None = None) -> dict:
    """Model field values for `row`; `folded` maps district and regency codes to their folded names."""
    fields = {"code": row.code, "name": row.name}
    if row.level < 4:
        fields["search_text"] = folded[row.code]
        if row.level == 2:
            fields["province_id"] = row.parent_code
        elif row.level == 3:
            fields["regency_id"] = row.parent_code
        return fields
    regency_code = row.code[:5]
    # District and regency names too, so "tebat monok kepahiang" narrows to the right village. Equal to
    # fold(f"{name} {district} {regency}"): folding works word by word, so the parents' parts are folded once.
    own = folder.name(row.name) if folder is not None else fold(row.name)
    parts = (own, folded.get(row.parent_code, ""), folded.get(regency_code, ""))
    fields.update(
        district_id=row.parent_code,
        regency_id=regency_code,
        postal_code=row.postal_code,
        search_text=" ".join(p for p in parts if p)[:300],
    )
    return fields


def _insert_raw(model, fields: list[dict]) -> None:
    """Rows into an empty table without model instances: COPY on PostgreSQL, executemany elsewhere.

    Used only for a level whose table is empty (the first import), where there is nothing to compare: the same
    values bulk_create would write, without building 91,599 model objects.
    """
    if not fields:
        return
    columns = list(fields[0])
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in fields:
                    copy.write_row([row[c] for c in columns])
        else:
            marks = ", ".join(["%s"] * len(columns))
            # Table and column names come from the model (quoted), never from input; values are parameters.
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, [[row[c] for c in columns] for row in fields])


@contextmanager
def _search_index_rebuilt_after(model):
    """For a first import of the villages: the search index is built once after the rows, not row by row.

    SQLite: the FTS5 insert trigger is dropped for the load and the index rebuilt from the table ('rebuild');
    PostgreSQL: the trigram index is dropped and created again. Both inside the import's transaction, so a failed
    import leaves the index as it was (migration 0004 defines both).
    """
    if model is not Village or connection.vendor not in ("sqlite", "postgresql"):
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER regions_village_fts_ai")
            yield
            cursor.execute(_SQLITE_FTS_INSERT_TRIGGER)
            cursor.execute("INSERT INTO regions_village_fts(regions_village_fts) VALUES ('rebuild')")
        else:
            cursor.execute("DROP INDEX IF EXISTS regions_village_search_trgm")
            yield
            # The rows' deferred foreign-key checks run now: CREATE INDEX refuses a table with pending ones.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(_POSTGRES_TRIGRAM_INDEX)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


_SQLITE_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER regions_village_fts_ai AFTER INSERT ON regions_village BEGIN "
    "INSERT INTO regions_village_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
)
_POSTGRES_TRIGRAM_INDEX = (
    "CREATE INDEX regions_village_search_trgm ON regions_village USING gin (search_text gin_trgm_ops)"
)


_COMPARED = {
    1: ("name", "search_text"),
    2: ("name", "search_text"),
    3: ("name", "search_text"),
    4: ("name", "search_text", "postal_code"),
}


def _last_digest() -> str:
    last = RegionImport.objects.order_by("-id").values_list("source_digest", "scope").first()
    return "" if last is None else f"{last[0]}|{last[1]}"


@transaction.atomic
def regions_import(
    *,
    prefixes: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    force: bool = False,
) -> ImportResult:
    """Create or update regions from the shipped Kemendagri list; `prefixes` limits it (e.g. ["17"]).

    The source's digest is stored with each import: a re-run of the same source and scope changes nothing without
    reading a row (`force` compares every row anyway, e.g. after a table was edited by hand).
    """
    started = time.perf_counter()
    result = ImportResult()
    scope = ",".join(prefixes)[:300] if prefixes else "national"
    digest = regions_data.source_digest()
    if not force and _last_digest() == f"{digest}|{scope}":
        result.unchanged = sum(model.objects.count() for model in _MODELS.values())
        if progress:
            progress(result.unchanged, result.unchanged)
        return _record(result, started, scope, digest)
    rows = list(regions_data.rows(prefixes))
    folder = _Folder()
    folded = {row.code: folder.name(row.name) for row in rows if row.level < 4}
    total = len(rows)
    done = 0
    for level, model in _MODELS.items():
        compared = _COMPARED[level]
        level_rows = [r for r in rows if r.level == level]
        if not model.objects.exists():
            # First import of this level: nothing to compare, so no model instances at all.
            with _search_index_rebuilt_after(model):
                _insert_raw(model, [_fields(row, folded, folder) for row in level_rows])
            result.created += len(level_rows)
            done += len(level_rows)
            if progress:
                progress(done, total)
            continue
        existing = {
            values[0]: values[1:] for values in model.objects.values_list("code", *compared).iterator()
        }
        to_create, to_update = [], []
        for row in level_rows:
            fields = _fields(row, folded, folder)
            current = existing.get(row.code)
            # Instances are built only for rows that change: a forced no-op stays a dictionary comparison.
            if current is None:
                to_create.append(model(**fields))
            elif current != tuple(fields[f] for f in compared):
                to_update.append(model(**fields))
            else:
                result.unchanged += 1
            done += 1
            if progress and done % 5000 == 0:
                progress(done, total)
        model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        if to_update:
            model.objects.bulk_update(to_update, list(compared), batch_size=BATCH_SIZE)
        result.created += len(to_create)
        result.updated += len(to_update)
    if progress:
        progress(total, total)
    return _record(result, started, scope, digest)


def _record(result: ImportResult, started: float, scope: str, digest: str) -> ImportResult:
    result.seconds = time.perf_counter() - started
    RegionImport.objects.create(
        source=regions_data.SOURCE,
        version=regions_data.source_version(),
        legal_basis=regions_data.LEGAL_BASIS,
        scope=scope,
        source_digest=digest,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        seconds=round(result.seconds, 3),
    )
    return result
