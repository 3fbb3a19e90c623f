"""Probable duplicates over a whole jurisdiction, up to the national register: lib.dedup's blocking and scores,
stored so pages and the inbox read them without recomputing.

`duplicates_scan` reads the identity fields only (id, name, NIK lookup hash, birth date or year, village; never a
decrypted NIK, never sex or any other demographic attribute) of the active persons in a jurisdiction, so a spelling
the name key does not unify ("Syaiful"/"Saiful"), a birth date written with day and month swapped or a second record
without NIK is found too. At 1,000,000 persons the finder runs in about a minute on the 2-core machine
(bench/bench_dedup.py). It runs nightly over the whole country (`people.tasks.duplicates_scan_nightly`, from
`enqueue_periodic nightly`) and when an officer asks to search again ("Cari ulang", a watched job over their own
jurisdiction); each run replaces the stored pairs whose two persons lie in the jurisdiction it scanned.

`duplicate_pairs_for_user` is the one read: pairs whose two persons are both in the user's scope, still active
(a merged or erased person drops out at once) and not declared different people since the scan. The score advises;
an officer decides (merge or "orang berbeda").
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import Scope, scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_record
from lib import dedup

from .models import DuplicatePair, DuplicateScan, NotDuplicate, Person

CHUNK = 5000
INSERT_BATCH = 2000
NATIONAL = Scope(regency_codes=None)

REASON_LABELS = {
    dedup.NIK_SAME: _("NIK sama"),
    dedup.NIK_DIFFERENT: _("NIK berbeda"),
    dedup.DATE_SAME: _("tanggal lahir sama"),
    dedup.DATE_SWAPPED: _("tanggal dan bulan lahir tertukar"),
    dedup.YEAR_SAME: _("tahun lahir sama"),
    dedup.DATE_DIFFERENT: _("tanggal lahir berbeda"),
    dedup.VILLAGE_SAME: _("desa sama"),
    dedup.NAME_SAME: _("nama sama (ejaan disamakan)"),
    dedup.NAME_CLOSE: _("nama sangat mirip"),
    dedup.NAME_NEAR: _("nama agak mirip"),
    dedup.NAME_DIFFERENT: _("nama berbeda"),
}


def reason_labels(codes) -> list[str]:
    return [str(REASON_LABELS.get(code, _("alasan lain"))) for code in codes]


def _scanned(scope: Scope) -> QuerySet[Person]:
    # An erased person keeps the row without a name (privacy.person_anonymise): nothing left to compare.
    return scope.filter(Person.objects.active().exclude(name_key=""), path="village")


def _records(queryset, progress: Callable[[int, int | None], None] | None, total: int):
    rows = queryset.values_list("id", "name", "nik_hash", "birth_year", "birth_date", "village_id")
    for done, (pk, name, nik_hash, year, date, village) in enumerate(rows.iterator(chunk_size=CHUNK), 1):
        if progress and done % CHUNK == 0:
            progress(done, total)
        yield dedup.Record(
            pk,
            name,
            nik_hash or "",
            year,
            date.month if date else None,
            date.day if date else None,
            village or "",
        )


def _pairs_within(scope: Scope, queryset: QuerySet[DuplicatePair]) -> QuerySet[DuplicatePair]:
    return scope.filter(scope.filter(queryset, path="person_a__village"), path="person_b__village")


def duplicates_scan(
    *, actor=None, progress: Callable[[int, int | None], None] | None = None
) -> DuplicateScan:
    """Find the probable duplicates in `actor`'s jurisdiction (the whole country when `actor` is None: the nightly
    run) and replace the stored pairs whose two persons lie in it. One scan record, audited; no entry per pair."""
    started = time.perf_counter()
    scope = NATIONAL if actor is None else scope_for(actor)
    persons = _scanned(scope)
    total = persons.count()
    if progress:
        progress(0, total)
    found = dedup.find_duplicates(_records(persons, progress, total), explain=True)
    firsts = sorted({a for a, _b, _score in found.pairs})
    decided: set[tuple[int, int]] = set()
    for i in range(0, len(firsts), CHUNK):
        chunk = NotDuplicate.objects.filter(person_a_id__in=firsts[i : i + CHUNK])
        decided.update(chunk.values_list("person_a_id", "person_b_id"))
    kept = [(a, b, value) for a, b, value in found.pairs if (a, b) not in decided]
    with transaction.atomic():
        scan = DuplicateScan.objects.create(
            started_by=actor,
            national=scope.is_national,
            persons=total,
            candidates=found.candidates,
            pairs=len(kept),
            skipped_records=found.skipped_records,
            seconds=round(time.perf_counter() - started, 3),
        )
        _pairs_within(scope, DuplicatePair.objects.all()).delete()
        DuplicatePair.objects.bulk_create(
            (
                DuplicatePair(
                    person_a_id=a, person_b_id=b, score=value, reasons=list(found.reasons[(a, b)]), scan=scan
                )
                for a, b, value in kept
            ),
            batch_size=INSERT_BATCH,
        )
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            target=scan,
            summary=f"Pencarian data ganda: {total} orang, {len(kept)} pasangan",
        )
    if progress:
        progress(total, total)
    return scan


def duplicate_pairs_for_user(user) -> QuerySet[DuplicatePair]:
    """Stored pairs both of whose persons are in `user`'s scope and active, not declared different; best first."""
    declared = NotDuplicate.objects.filter(person_a=OuterRef("person_a"), person_b=OuterRef("person_b"))
    pairs = (
        DuplicatePair.objects.filter(person_a__merged_into__isnull=True, person_b__merged_into__isnull=True)
        .exclude(person_a__name_key="")
        .exclude(person_b__name_key="")
        .filter(~Exists(declared))
    )
    return (
        _pairs_within(scope_for(user), pairs)
        .select_related("person_a__village", "person_b__village")
        .order_by("-score", "id")
    )


def duplicate_scan_latest(user) -> DuplicateScan | None:
    """The newest scan that covered the user's pairs: the national one, or one the user ran."""
    return DuplicateScan.objects.filter(Q(national=True) | Q(started_by=user)).first()
