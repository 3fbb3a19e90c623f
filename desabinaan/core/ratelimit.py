"""Fixed-window request counters kept in the database, so every server process shares them (no cache service).

Used by the public report pages (protection/ratelimit.py, keys are HMACs of the IP) and the self check-in (events).
Each app keeps its own counter model; any model with `key`, `window_start`, `count` and a unique constraint on
(key, window_start) works here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F


def client_ip(request) -> str:
    # Behind the reverse proxy (BEHIND_PROXY=1) the proxy puts the client first in X-Forwarded-For.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, purpose: str) -> str:
    """`purpose:<hmac of the client IP>`: counters never hold a raw IP address (UU PDP data minimisation)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{purpose}:{client_ip(request)}".encode(), hashlib.sha256
    )
    return f"{purpose}:{digest.hexdigest()[:32]}"


def window_start(now: dt.datetime, seconds: int) -> dt.datetime:
    """The start of the fixed window of `seconds` that holds `now` (windows are aligned on the Unix epoch)."""
    epoch = int(now.timestamp())
    return dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)


def count_hit(model, *, key: str, start: dt.datetime, defaults: dict | None = None) -> int:
    """Count one hit for `key` in the window starting at `start`; returns the window's count so far.

    The increment is a single UPDATE so concurrent requests never lose a hit; the first hit of a window creates
    the row, and when two requests race to create it the loser counts on the winner's row.
    """
    rows = model.objects.filter(key=key, window_start=start)
    if not rows.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                model.objects.create(key=key, window_start=start, count=1, **(defaults or {}))
        except IntegrityError:
            rows.update(count=F("count") + 1)
    return rows.values_list("count", flat=True).first() or 0
