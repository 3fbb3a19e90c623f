"""A small database-backed rate limiter for the public report pages, with no third-party service.

The counter key is an HMAC of the client IP under a salt that includes the window's start: the same IP gives
unrelated keys in different windows, the raw IP is never stored, and a row is deleted once its window has passed.
Nothing links a counter to a report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from desabinaan.core.ratelimit import client_ip, count_hit, window_start

from .models import RateCounter

__all__ = ["client_ip", "is_limited", "limits", "record_hit"]

# (limit, window seconds) per bucket; settings may override, e.g. PROTECTION_RATE_LIMITS = {"report_submit": (5, 3600)}
DEFAULT_LIMITS = {
    "report_submit": (5, 3600),
    "report_status_failure": (5, 900),
    "agency_search": (60, 60),
}


def limits(bucket: str) -> tuple[int, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "PROTECTION_RATE_LIMITS", {})}[bucket]


def _window(bucket: str, now: dt.datetime) -> tuple[dt.datetime, int, int]:
    limit, seconds = limits(bucket)
    return window_start(now, seconds), limit, seconds


def _key(bucket: str, ip: str, start: dt.datetime) -> str:
    salt = f"{settings.SECRET_KEY}|ratelimit|{bucket}|{start.isoformat()}".encode()
    return hmac.new(salt, ip.encode(), hashlib.sha256).hexdigest()


def is_limited(request, bucket: str) -> bool:
    now = timezone.now()
    start, limit, _ = _window(bucket, now)
    row = RateCounter.objects.filter(key=_key(bucket, client_ip(request), start), window_start=start).first()
    return row is not None and row.count >= limit


def record_hit(request, bucket: str) -> int:
    """Count one hit in the current window; returns the count so far. Purges expired windows on the way."""
    now = timezone.now()
    start, _, seconds = _window(bucket, now)
    key = _key(bucket, client_ip(request), start)
    RateCounter.objects.filter(expires_at__lt=now).delete()
    return count_hit(
        RateCounter, key=key, start=start, defaults={"expires_at": start + dt.timedelta(seconds=seconds)}
    )
