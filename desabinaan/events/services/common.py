"""What the events services share: the write guard (scope and read-only roles) and the check-in rate limit."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.core import ratelimit

from .. import validation as v
from ..models import Event, RateBucket


def check_village_write(actor, village) -> None:
    """PermissionDenied unless `actor` may write events of `village`; None is the system (self check-in, jobs)."""
    if actor is None:
        return
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDenied(v.EVENT_READ_ONLY)
    if not scope.contains_village(village):
        raise PermissionDenied(v.EVENT_VILLAGE_OUT_OF_SCOPE)


def check_event_started(event: Event) -> None:
    """ValidationError unless the event has started (its local start date is today or earlier): attendance is a
    record of something done, never of a future date. The sign-in table may open on the morning of the event."""
    if timezone.localdate(event.starts_at) > timezone.localdate():
        raise ValidationError(v.ATTENDANCE_EVENT_IN_FUTURE)


def can_write_event(user, event: Event) -> bool:
    try:
        check_village_write(user, event.village_id)
    except PermissionDenied:
        return False
    return True


def rate_limit_allow(*, key: str, limit: int, window_seconds: int, now: dt.datetime | None = None) -> bool:
    """Count one request for `key` in the current window; False once the window holds more than `limit`."""
    now = now or timezone.now()
    count = ratelimit.count_hit(RateBucket, key=key[:100], start=ratelimit.window_start(now, window_seconds))
    if count == 1:
        # New window: forget yesterday's buckets so the table stays small.
        RateBucket.objects.filter(window_start__lt=now - dt.timedelta(days=1)).delete()
    return count <= limit
