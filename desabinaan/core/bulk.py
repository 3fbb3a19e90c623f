"""Inserting many new model rows at once, for the bulk services of imports.

`insert_rows(objs)` writes what `Model.objects.bulk_create(objs)` writes (the same columns, `auto_now_add` filled,
the database's conversion of dates, UUIDs and JSON), but converts values field by field with the conversion decided
once per field instead of compiling every value through the ORM: on a 100,000-row sign-in sheet Django's per-value
SQL compilation was the largest single cost of the import. Plain values (text, numbers, booleans, foreign keys to
them) go to the driver as they are. New primary keys come back through `RETURNING` and are set on the objects, as
`bulk_create` sets them. Where the database cannot return them, or the objects mix set and unset keys, it is
`bulk_create` itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, models, router

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
    for _, field, presave in plan:
        if presave:
            for obj in objs:
                field.pre_save(obj, add=True)
    size = connection.ops.bulk_batch_size(fields, objs)
    if batch_size:
        size = min(size, batch_size)
    table = connection.ops.quote_name(opts.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    suffix = f" RETURNING {table}.{connection.ops.quote_name(pk.column)}" if returning else ""
    attnames = [attname for attname, _, _ in plan]
    convert = [(i, field) for i, (_, field, _) in enumerate(plan) if field is not None]
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            batch = objs[start : start + size]
            params = []
            extend = params.extend
            for obj in batch:
                values = [getattr(obj, attname) for attname in attnames]
                for i, field in convert:
                    values[i] = field.get_db_prep_save(values[i], connection)
                extend(values)
            # Only quoted names from the model's metadata are formatted in; every value is a parameter.
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(batch))}{suffix}"  # noqa: S608
            cursor.execute(sql, params)
            if returning:
                for obj, (value,) in zip(batch, cursor.fetchall(), strict=True):
                    setattr(obj, pk.attname, value)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = db
