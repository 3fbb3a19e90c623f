"""Dashboard and report reads on a streaming replica; every write, and every read after one, on the primary.

Configured by DATABASE_REPLICA_URL (settings add the "replica" alias only then). Without it every query goes to
"default" and this router changes nothing. Views opt in with `@replica_reads` (stats dashboards, the summary API,
official reports): inside one, reads of the figures and the records behind them go to the replica, except

- sessions, accounts, OTP devices, jobs and the task queue: a login or a job started a moment ago must be seen
  even when the replica lags, so those always read the primary;
- any read after a write in the same request or task: once the request wrote, it reads its own write on the primary
  (the replica may not have it yet).

The state lives in a context variable set per request by `RequestDatabaseStateMiddleware`, so one gunicorn thread's
request never sees another's.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings

PRIMARY = "default"
REPLICA = "replica"
# Apps whose rows decide who is logged in and what is queued: never read from a copy that may lag.
PRIMARY_ONLY_APPS = frozenset(
    {
        "sessions",
        "accounts",
        "auth",
        "contenttypes",
        "otp_totp",
        "otp_static",
        "jobs",
        "django_tasks_database",
    }
)


@dataclass
class _State:
    replica: bool = False
    wrote: bool = False


_state: contextvars.ContextVar[_State | None] = contextvars.ContextVar("desabinaan_db_state", default=None)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads inside the block may go to the replica, until the first write of the request."""
    state = _state.get()
    if state is None:
        state = _State()
        token = _state.set(state)
    else:
        token = None
    before = state.replica
    state.replica = True
    try:
        yield
    finally:
        state.replica = before
        if token is not None:
            _state.reset(token)


def reads_from_replica(view: Callable) -> Callable:
    """View decorator: the view's reads may go to the replica (see the module docstring for the exceptions)."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        state = _state.get()
        if (
            state is None
            or not state.replica
            or state.wrote
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or not replica_configured()
        ):
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        state = _state.get()
        if state is not None:
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Both aliases hold the same rows: a replica object may be related to a primary one.
        return True

    def allow_migrate(self, db, app_label, **hints) -> bool:
        # The replica receives the schema by streaming replication, never by migrate.
        return db == PRIMARY


class RequestDatabaseStateMiddleware:
    """A fresh routing state per request: nothing of the previous request on this thread carries over."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _state.set(_State())
        try:
            return self.get_response(request)
        finally:
            _state.reset(token)
