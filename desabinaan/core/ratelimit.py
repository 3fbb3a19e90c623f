"""The client's address and fixed-window request counters kept in the database (every server process shares them).

`client_ip` is the one place that decides who the client is; every limiter keys on it (protection/ratelimit.py, the
events self check-in, the login lockout and password reset in accounts). Each app keeps its own counter model; any
model with `key`, `window_start`, `count` and a unique constraint on (key, window_start) works with `count_hit`.
Callers decide on the count returned by their own increment, never on a read made before it, so a burst of
concurrent requests cannot all pass one check before any of them is counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address the nearest trusted proxy saw, counted from the right of X-Forwarded-For.

    Each trusted proxy appends the address it received the request from, so with TRUSTED_PROXY_COUNT hops the
    client is the entry that many places from the right; anything further left was written by the client and is
    ignored (a spoofed leftmost value changes nothing). With no trusted proxy (the default without BEHIND_PROXY)
    X-Forwarded-For is not read at all. A chain shorter than the hop count (a request that skipped the outer
    proxy) gives its leftmost entry, the one written by the first trusted proxy it reached.

    django-ipware 8 (right-most, proxy_count) does not fit this contract: strict, it answers nothing for the common
    one-proxy chain `X-Forwarded-For: <client>`; not strict, two prepended entries make it pick one the client
    wrote. So the rule is these few lines (tests: core/tests/test_client_ip.py).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not chain:
        return remote
    return _address(chain[-min(hops, len(chain))]) or remote


def client_key(request, purpose: str) -> str:
    """`purpose:<hmac of the client IP>`: counters never hold a raw IP address (UU PDP data minimisation)."""
    return keyed(purpose, client_ip(request))


def keyed(purpose: str, value: str) -> str:
    """`purpose:<hmac of value>`, for counters keyed by something personal (an address, an e-mail address)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{purpose}:{value}".encode(), hashlib.sha256)
    return f"{purpose}:{digest.hexdigest()[:32]}"


def window_start(now: dt.datetime, seconds: int) -> dt.datetime:
    """The start of the fixed window of `seconds` that holds `now` (windows are aligned on the Unix epoch)."""
    epoch = int(now.timestamp())
    return dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)


def count_hit(model, *, key: str, start: dt.datetime, defaults: dict | None = None) -> int:
    """Count one hit for `key` in the window starting at `start`; returns the count this hit brought it to.

    The increment and the read are one transaction: the UPDATE keeps the row locked (PostgreSQL) or the database
    locked (SQLite) until the read, so the value returned includes this hit and no hit counted after it; two
    concurrent callers never see the same count. The first hit of a window creates the row; when two requests race
    to create it the loser counts on the winner's row.
    """
    rows = model.objects.filter(key=key, window_start=start)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    model.objects.create(key=key, window_start=start, count=1, **(defaults or {}))
            except IntegrityError:
                rows.update(count=F("count") + 1)
        return rows.values_list("count", flat=True).get()


def uncount_hit(model, *, key: str, start: dt.datetime) -> None:
    """Give back one hit counted by `count_hit` (an attempt that turned out not to count, e.g. a right answer)."""
    model.objects.filter(key=key, window_start=start, count__gt=0).update(count=F("count") - 1)
