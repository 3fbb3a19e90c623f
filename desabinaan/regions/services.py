"""Importing the national region list. Bulk and idempotent: a second run changes nothing and says so."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from desabinaan.core.bulk import insert_values
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


_SEP = "\x00"
_NON_WORD_KEEP_SEP = re.compile(r"[^a-z0-9\x00]+")


def fold_many(texts: Sequence[str]) -> list[str]:
    """[fold(t) for t in texts] in one vectorised pass: the ASCII names (nearly all) are joined, lower-cased and
    stripped of punctuation as one string, then split again; the few non-ASCII ones are folded alone first
    (fold is idempotent). Equal to folding each text (tests/test_import_regions checks the whole shipped list)."""
    ascii_texts = [t if t.isascii() else fold(t) for t in texts]
    joined = _NON_WORD_KEEP_SEP.sub(" ", _SEP.join(ascii_texts).lower())
    parts = [part.strip() for part in joined.split(_SEP)]
    if len(parts) != len(texts):  # a text held the separator itself: fold one by one
        return [fold(t) for t in texts]
    return parts


def _search_text(own: str, district: str, regency: str) -> str:
    # District and regency names too, so "tebat monok kepahiang" narrows to the right village.
    if own and district and regency:
        return f"{own} {district} {regency}"[:300]
    return " ".join(p for p in (own, district, regency) if p)[:300]


# Column order of the rows the first import writes, per level (the values built by _values).
_COLUMNS = {
    1: ("code", "name", "search_text"),
    2: ("code", "name", "search_text", "province_id"),
    3: ("code", "name", "search_text", "regency_id"),
    4: ("code", "name", "search_text", "district_id", "regency_id", "postal_code"),
}


def _values(level: int, items: list[tuple[str, str, str]], folded: dict[str, str]) -> list[tuple]:
    """The (code, name, postal code) items of one level as rows in _COLUMNS order, without model instances or
    dictionaries."""
    if level == 1:
        return [(code, name, folded[code]) for code, name, _postal in items]
    if level < 4:
        return [(code, name, folded[code], code.rsplit(".", 1)[0]) for code, name, _postal in items]
    values = []
    get = folded.get
    for code, name, postal_code in items:
        district = code.rsplit(".", 1)[0]
        regency = code[:5]
        search = _search_text(folded[code], get(district, ""), get(regency, ""))
        values.append((code, name, search, district, regency, postal_code))
    return values


@contextmanager
def _indexes_built_after(model):
    """For a first import of a level: the table's secondary indexes (and on PostgreSQL its foreign keys) are dropped
    for the load and built again in one statement each afterwards, as a restore does, instead of row by row.

    SQLite: every index but the primary key's, and for the villages the FTS5 insert trigger (the index is rebuilt
    from the table: 'rebuild'). PostgreSQL: every index that backs no constraint (the foreign-key indexes, the
    trigram search index) and the foreign keys, re-added afterwards with their definitions; adding a foreign key
    checks all rows in one query instead of one deferred trigger per row. All inside the import's transaction, so a
    failed import leaves the table as it was (migration 0004 defines the search index).
    """
    table = model._meta.db_table
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [table],
            )
            indexes = cursor.fetchall()
            for name, _sql in indexes:
                cursor.execute(f"DROP INDEX {quote(name)}")
            if model is Village:
                cursor.execute("DROP TRIGGER regions_village_fts_ai")
            yield
            for _name, sql in indexes:
                cursor.execute(sql)
            if model is Village:
                cursor.execute(_SQLITE_FTS_INSERT_TRIGGER)
                cursor.execute("INSERT INTO regions_village_fts(regions_village_fts) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f'",
                [table],
            )
            foreign_keys = cursor.fetchall()
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                "AND i.tablename = %s AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conrelid = %s::regclass AND c.conname = i.indexname)",
                [table, table],
            )
            indexes = cursor.fetchall()
            for name, _definition in foreign_keys:
                cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
            for name, _sql in indexes:
                cursor.execute(f"DROP INDEX {quote(name)}")
            yield
            for _name, sql in indexes:
                cursor.execute(sql)
            for name, definition in foreign_keys:
                cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        else:
            yield


_SQLITE_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER regions_village_fts_ai AFTER INSERT ON regions_village BEGIN "
    "INSERT INTO regions_village_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
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
    by_level = regions_data.levels(prefixes)
    items = [item for level_items in by_level.values() for item in level_items]
    folded = dict(
        zip([code for code, _n, _p in items], fold_many([name for _c, name, _p in items]), strict=True)
    )
    total = len(items)
    done = 0
    for level, model in _MODELS.items():
        compared = _COMPARED[level]
        level_rows = by_level[level]
        if not model.objects.exists():
            # First import of this level: nothing to compare, so no model instances at all.
            with _indexes_built_after(model):
                # Nothing to compare: no model instances (COPY on PostgreSQL, executemany elsewhere).
                insert_values(model, _COLUMNS[level], _values(level, level_rows, folded))
            result.created += len(level_rows)
            done += len(level_rows)
            if progress:
                progress(done, total)
            continue
        existing = {
            values[0]: values[1:] for values in model.objects.values_list("code", *compared).iterator()
        }
        to_create, to_update = [], []
        columns = _COLUMNS[level]
        positions = [columns.index(name) for name in compared]
        for values in _values(level, level_rows, folded):
            current = existing.get(values[0])
            # Instances are built only for rows that change: a forced no-op stays a tuple comparison.
            if current is None:
                to_create.append(model(**dict(zip(columns, values, strict=True))))
            elif current != tuple(values[i] for i in positions):
                to_update.append(model(**dict(zip(columns, values, strict=True))))
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
