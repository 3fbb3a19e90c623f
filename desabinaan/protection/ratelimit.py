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

from desabinaan.core.ratelimit import client_ip, count_hit, uncount_hit, window_start

from .models import RateCounter

__all__ = ["allow", "limits", "refund"]

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


def allow(request, bucket: str) -> bool:
    """Count this attempt, then say whether it is within the limit; purges expired windows on the way.

    Counted before deciding, on the count this attempt's own increment returned, so concurrent attempts cannot
    all pass one check before any is counted. A refused attempt counts too: hammering keeps the window full.
    """
    now = timezone.now()
    start, limit, seconds = _window(bucket, now)
    RateCounter.objects.filter(expires_at__lt=now).delete()
    count = count_hit(
        RateCounter,
        key=_key(bucket, client_ip(request), start),
        start=start,
        defaults={"expires_at": start + dt.timedelta(seconds=seconds)},
    )
    return count <= limit


def refund(request, bucket: str) -> None:
    """Give back the attempt `allow` counted, for buckets that count failures only (a right receipt and passphrase)."""
    start, _, _ = _window(bucket, timezone.now())
    uncount_hit(RateCounter, key=_key(bucket, client_ip(request), start), start=start)
