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
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateCounter

# (limit, window seconds) per bucket; settings may override, e.g. PROTECTION_RATE_LIMITS = {"report_submit": (5, 3600)}
DEFAULT_LIMITS = {
    "report_submit": (5, 3600),
    "report_status_failure": (5, 900),
    "agency_search": (60, 60),
}


def limits(bucket: str) -> tuple[int, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "PROTECTION_RATE_LIMITS", {})}[bucket]


def client_ip(request) -> str:
    # Behind the reverse proxy (BEHIND_PROXY=1) the proxy puts the client first in X-Forwarded-For.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _window(bucket: str, now: dt.datetime) -> tuple[dt.datetime, int, int]:
    limit, seconds = limits(bucket)
    epoch = int(now.timestamp())
    start = dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)
    return start, limit, seconds


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
    try:
        with transaction.atomic():
            RateCounter.objects.get_or_create(
                key=key, window_start=start, defaults={"expires_at": start + dt.timedelta(seconds=seconds)}
            )
    except IntegrityError:
        pass  # another request created the row first; count on it
    RateCounter.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
    return RateCounter.objects.get(key=key, window_start=start).count
