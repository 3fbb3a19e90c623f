"""Importing the national region list. Bulk and idempotent: a second run changes nothing and says so."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

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


def _fields(row: regions_data.RegionRow, folded: dict[str, str]) -> dict:
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
    parts = (fold(row.name), folded.get(row.parent_code, ""), folded.get(regency_code, ""))
    fields.update(
        district_id=row.parent_code,
        regency_id=regency_code,
        postal_code=row.postal_code,
        search_text=" ".join(p for p in parts if p)[:300],
    )
    return fields


_COMPARED = {
    1: ("name", "search_text"),
    2: ("name", "search_text"),
    3: ("name", "search_text"),
    4: ("name", "search_text", "postal_code"),
}


@transaction.atomic
def regions_import(
    *,
    prefixes: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Create or update regions from the shipped Kemendagri list; `prefixes` limits it (e.g. ["17"])."""
    started = time.perf_counter()
    result = ImportResult()
    rows = list(regions_data.rows(prefixes))
    folded = {row.code: fold(row.name) for row in rows if row.level < 4}
    total = len(rows)
    done = 0
    for level, model in _MODELS.items():
        compared = _COMPARED[level]
        existing = {
            values[0]: values[1:] for values in model.objects.values_list("code", *compared).iterator()
        }
        to_create, to_update = [], []
        for row in (r for r in rows if r.level == level):
            fields = _fields(row, folded)
            current = existing.get(row.code)
            # Instances are built only for rows that change: a no-op re-run stays a dictionary comparison.
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
    result.seconds = time.perf_counter() - started
    RegionImport.objects.create(
        source=regions_data.SOURCE,
        version=regions_data.source_version(),
        legal_basis=regions_data.LEGAL_BASIS,
        scope=",".join(prefixes)[:300] if prefixes else "national",
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        seconds=round(result.seconds, 3),
    )
    return result
