"""Probable duplicates over a whole jurisdiction, up to the national register: lib.dedup's blocking and scores.

The duplicates page (selectors.probable_duplicate_pairs) pairs records with the same name key inside the first 500
groups, which is quick for one village or Kanim. This module scans the whole scope in one pass over the identity
fields (id, name, NIK lookup hash, birth date or year, village; never a decrypted NIK, never sex or any other
demographic attribute), so a spelling the name key does not unify ("Syaiful"/"Saiful"), a birth date written with
day and month swapped or a second record without NIK is found too. At 1,000,000 persons it runs in about a minute
on the 2-core machine (bench/bench_dedup.py). The score advises; an officer decides (merge or "not a duplicate").
"""

from __future__ import annotations

from dataclasses import dataclass

from desabinaan.accounts.scope import scope_for
from lib.dedup import Record, find_duplicates

from .models import NotDuplicate, Person

CHUNK = 5000


@dataclass(frozen=True)
class ScoredPair:
    a: Person
    b: Person
    score: float


def _records(queryset):
    rows = queryset.values_list("id", "name", "nik_hash", "birth_year", "birth_date", "village_id")
    for pk, name, nik_hash, year, date, village in rows.iterator(chunk_size=CHUNK):
        yield Record(
            pk,
            name,
            nik_hash or "",
            year,
            date.month if date else None,
            date.day if date else None,
            village or "",
        )


def duplicate_pairs_scored(user, *, limit: int = 100) -> list[ScoredPair]:
    """The best-scored probable duplicate pairs among the active persons in `user`'s scope, not yet decided."""
    scoped = scope_for(user).filter(Person.objects.active(), path="village")
    found = find_duplicates(_records(scoped))
    if not found.pairs:
        return []
    ids = {pk for a, b, _ in found.pairs for pk in (a, b)}
    decided = set(
        NotDuplicate.objects.filter(person_a_id__in=ids, person_b_id__in=ids).values_list(
            "person_a_id", "person_b_id"
        )
    )
    best = [(a, b, score) for a, b, score in found.pairs if (a, b) not in decided][:limit]
    persons = Person.objects.select_related("village").in_bulk({pk for a, b, _ in best for pk in (a, b)})
    return [ScoredPair(persons[a], persons[b], score) for a, b, score in best]
