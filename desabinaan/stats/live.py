"""Figures that follow the work: every audited write of a counted record queues a refresh of its village.

The flow (ARCHITECTURE.md draws it): a service writes a record and its audit entry → audit sends
`core.signals.record_written` (`records_written` for a bulk write) → `on_record_written` upserts a `PendingRefresh` row for the record's village inside the
writer's transaction → after the commit, `refresh_enqueue` enqueues ONE `refresh_pending` task unless one is already
queued (`StatsState.refresh_queued_at`) → a worker runs it (stats.tasks): it takes every pending village, rebuilds their rollups and the Kanim, province and national figures of the months they touch. A burst of
writes in one village (an import, a busy sign-in table) therefore costs one refresh, and a write committed while a
refresh runs is caught by the next one. Rolled-back writes queue nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from desabinaan.events.models import Attendance, Event, QuizResponse
from desabinaan.passport.models import ReadinessCheck
from desabinaan.program.models import DesaBinaan, Question
from desabinaan.protection.models import Decision, Referral, Report, ReportMessage, Screening

from .models import PendingRefresh, StatsState
from .tasks import refresh_pending

# A queued refresh older than this is taken for lost (its worker died before starting it) and queued again.
QUEUED_TOO_LONG = dt.timedelta(minutes=5)

# The village whose figures a written record counts in; None when it counts in none.
VILLAGE_OF: dict[type, Callable] = {
    Event: lambda o: o.village_id,
    Attendance: lambda o: o.event.village_id,
    QuizResponse: lambda o: o.event.village_id if o.event_id else None,
    Screening: lambda o: o.village_id,
    Decision: lambda o: o.screening.village_id,
    Referral: lambda o: o.village_id,
    Report: lambda o: o.village_id or "",
    ReportMessage: lambda o: o.report.village_id or "",
    Question: lambda o: o.desa_binaan.village_id,
    ReadinessCheck: lambda o: o.village_id,
    DesaBinaan: lambda o: o.village_id,
}


def _enqueue_registered() -> bool:
    """Whether this transaction already holds our after-commit enqueue (Django drops it on rollback, including the
    rollback of the savepoint it was registered in, so a fresh registration also means fresh notes)."""
    return any(func is refresh_enqueue for _sids, func, _robust in connection.run_on_commit)


def villages_changed(villages: Iterable[str | None]) -> None:
    """Note villages whose figures changed, inside the writer's transaction (a rollback takes the note with it);
    the refresh is enqueued once that transaction commits."""
    codes = {v for v in villages if v is not None}
    if not codes:
        return
    first = not (connection.in_atomic_block and _enqueue_registered())
    if first:
        connection._stats_noted = set()  # type: ignore[attr-defined]
    else:
        # Each village is upserted once per transaction, however many of its records the transaction writes.
        codes -= connection._stats_noted  # type: ignore[attr-defined]
        if not codes:
            return
    connection._stats_noted.update(codes)  # type: ignore[attr-defined]
    now = timezone.now()
    PendingRefresh.objects.bulk_create(
        [PendingRefresh(village_code=code, marked_at=now) for code in sorted(codes)],
        update_conflicts=True,
        unique_fields=["village_code"],
        update_fields=["marked_at"],
    )
    if first:
        transaction.on_commit(refresh_enqueue)  # outside a transaction this runs at once


def on_record_written(sender, instance, **kwargs) -> None:
    village_of = VILLAGE_OF.get(sender)
    if village_of is not None:
        villages_changed([village_of(instance)])


def on_records_written(sender, instances, **kwargs) -> None:
    """A bulk write (an import): its villages, each noted once."""
    village_of = VILLAGE_OF.get(sender)
    if village_of is not None:
        villages_changed({village_of(instance) for instance in instances})


def refresh_enqueue() -> bool:
    """Enqueue the live refresh unless one is already queued; True when this call enqueued it."""
    now = timezone.now()
    StatsState.objects.get_or_create(pk=1)
    free = Q(refresh_queued_at__isnull=True) | Q(refresh_queued_at__lt=now - QUEUED_TOO_LONG)
    if not StatsState.objects.filter(free, pk=1).update(refresh_queued_at=now):
        return False
    refresh_pending.enqueue()
    return True
