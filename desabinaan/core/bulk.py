"""Inserting many new model rows at once, for the bulk services of imports.

`insert_rows(objs)` writes what `Model.objects.bulk_create(objs)` writes (the same columns, `auto_now_add` filled,
the database's conversion of dates, UUIDs and JSON), but converts values field by field with the conversion decided
once per field instead of compiling every value through the ORM: on a 100,000-row sign-in sheet Django's per-value
SQL compilation was the largest single cost of the import. Dates and timestamps are converted once per distinct
value, and `auto_now_add` fields get one timestamp for the whole call (one transaction writes them). Plain values
(text, numbers, booleans, foreign keys to them) go to the driver as they are. New primary keys come back through
`RETURNING` and are set on the objects, as `bulk_create` sets them. Where the database cannot return them, or the
objects mix set and unset keys, it is `bulk_create` itself.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

from django.db import connections, models, router

M = TypeVar("M", bound=models.Model)

# Field types whose Python value is what the driver takes (Django's get_db_prep_save returns it unchanged).
_PLAIN = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "EmailField",
        "FloatField",
        "IntegerField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)


def _is_plain(field: models.Field) -> bool:
    if field.remote_field is not None and field.concrete:
        return _is_plain(field.target_field)
    return (
        field.get_internal_type() in _PLAIN and type(field).get_db_prep_save is models.Field.get_db_prep_save
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a bulk write runs, as it was before afterwards.

    An import allocates tens of thousands of short-lived objects per chunk (model instances, row tuples, audit dicts),
    and each 700 allocations start a collection that walks them all again: a third of an import's time on a
    20,000-row sheet. Reference counting still frees them; the caller collects each chunk's young objects once the
    chunk is written (`gc.collect(0)`), so memory stays bounded by the chunk.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(model: type[M], values: dict[str, Any]) -> M:
    """A new, unsaved `model(**values)` for `values` keyed by attname ("person_id", not "person"), about twice as fast.

    Django's keyword path looks every field up by name and assigns foreign keys through their descriptors; the
    positional path (the one `from_db` takes) only sets attributes. Fields left out get their defaults.
    """
    defaults = _defaults(model)
    if not values.keys() <= _attnames(model):
        raise TypeError(f"{model.__name__} has no field {sorted(values.keys() - _attnames(model))}")
    return model(*[values[name] if name in values else default() for name, default in defaults])


@cache
def _attnames(model: type[models.Model]) -> frozenset[str]:
    return frozenset(f.attname for f in model._meta.concrete_fields)


@cache
def _defaults(model: type[models.Model]) -> tuple[tuple[str, Callable[[], Any]], ...]:
    out: list[tuple[str, Callable[[], Any]]] = []
    for field in model._meta.concrete_fields:
        if field.has_default() and callable(field.default):
            out.append((field.attname, field.get_default))
        else:
            value = field.get_default()
            out.append((field.attname, lambda value=value: value))
    return tuple(out)


def _repeats(field: models.Field) -> bool:
    """Dates and timestamps repeat across an import's rows (birth dates, the write's own time): converted once each."""
    return field.get_internal_type() in {"DateField", "DateTimeField"}


def _converted(values: list, convert, connection) -> list:
    """`values` with the non-plain ones converted for the database (`convert`: index, field, memo or None)."""
    for i, field, memo in convert:
        value = values[i]
        if memo is None:
            values[i] = field.get_db_prep_save(value, connection)
        elif value in memo:
            values[i] = memo[value]
        else:
            values[i] = memo[value] = field.get_db_prep_save(value, connection)
    return values


def _rows_per_statement(connection, fields: list, objs: Sequence) -> int:
    """Rows per INSERT: as many as the database takes parameters for.

    Django assumes SQLite's old limit of 999 parameters (62 persons per statement); the SQLite the project runs on
    reports its own (32,766 since 3.32), and statements of 1,000 rows instead of 62 cut the import's SQL time. On
    PostgreSQL Django sends a whole chunk (5,000 persons, 80,000 parameters) as one statement; 500 rows a statement
    wrote a 20,000-row import's persons and consents in 2.5 s instead of 3.0 s.
    """
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return max(1, min(1000, limit // max(len(fields), 1)))
    return min(500, connection.ops.bulk_batch_size(fields, objs))


def insert_rows(objs: Sequence[models.Model], *, batch_size: int | None = None) -> None:
    """Insert `objs` (new, unsaved instances of one model) and set their primary keys; see the module docstring."""
    if not objs:
        return
    model = type(objs[0])
    opts = model._meta
    db = router.db_for_write(model)
    connection = connections[db]
    pk = opts.pk
    unset = [obj.pk is None for obj in objs]
    returning = all(unset)
    if (returning and not connection.features.can_return_rows_from_bulk_insert) or (
        not returning and any(unset)
    ):
        model._default_manager.bulk_create(objs, batch_size=batch_size)
        return
    fields = [f for f in opts.concrete_fields if not (returning and f is pk) and not f.generated]
    plan = []
    for f in fields:
        presave = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        plan.append((f.attname, None if _is_plain(f) and not presave else f, presave))
    for attname, field, presave in plan:
        if presave:  # one timestamp for the whole write, as one transaction writes it
            stamp = field.pre_save(objs[0], add=True)
            for obj in objs:
                setattr(obj, attname, stamp)
    size = _rows_per_statement(connection, fields, objs)
    if batch_size:
        size = min(size, batch_size)
    table = connection.ops.quote_name(opts.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    suffix = f" RETURNING {table}.{connection.ops.quote_name(pk.column)}" if returning else ""
    attnames = [attname for attname, _, _ in plan]
    convert = [
        (i, field, {} if _repeats(field) else None)
        for i, (_, field, _) in enumerate(plan)
        if field is not None
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            batch = objs[start : start + size]
            params = []
            extend = params.extend
            for obj in batch:
                extend(_converted([getattr(obj, attname) for attname in attnames], convert, connection))
            # Only quoted names from the model's metadata are formatted in; every value is a parameter.
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(batch))}{suffix}"  # noqa: S608
            cursor.execute(sql, params)
            if returning:
                for obj, (value,) in zip(batch, cursor.fetchall(), strict=True):
                    setattr(obj, pk.attname, value)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = db


def insert_values(model: type[models.Model], attnames: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Insert plain rows (tuples of `attnames` values, Python values as on the model) into `model`'s table.

    For records nobody reads back as objects in the same request (an import's audit entries, a first region
    import): no model instance per row, the values converted as `insert_rows` converts them, then COPY on
    PostgreSQL (one stream instead of a statement per row) and one `executemany` elsewhere.
    """
    if not rows:
        return
    opts = model._meta
    connection = connections[router.db_for_write(model)]
    fields = [opts.get_field(name) for name in attnames]  # get_field knows attnames ("actor_id") too
    convert = [(i, f, {} if _repeats(f) else None) for i, f in enumerate(fields) if not _is_plain(f)]
    table = connection.ops.quote_name(opts.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        # Only quoted names from the model's metadata are formatted in; every value is a parameter or COPY data.
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_converted(list(row), convert, connection) if convert else row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            params = [_converted(list(row), convert, connection) for row in rows] if convert else rows
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", params)  # noqa: S608
