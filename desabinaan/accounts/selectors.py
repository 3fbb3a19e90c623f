"""Reads of the accounts app."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import ApiToken, LoginFailure


def failure_key(username: str) -> str:
    # Case-folded so "Ani" and "ani" share one counter; an attacker gains nothing by varying case.
    return username.strip().lower()[:150]


def failure_window() -> dt.timedelta:
    return dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def login_failure_counts(*, username: str, address: str) -> tuple[int, int]:
    """Failures inside the window for this username: (from this address, from every address)."""
    recent = LoginFailure.objects.filter(
        username=failure_key(username), at__gt=timezone.now() - failure_window()
    )
    return recent.filter(address=address).count(), recent.count()


def login_locked_until(*, username: str, address: str) -> dt.datetime | None:
    """When the username's lock for this address ends, or None when it is not locked.

    Locked for one address while LOGIN_FAILURE_LIMIT failures from it fall inside the sliding window, so a stranger
    locks only themselves out; locked for every address while LOGIN_ACCOUNT_FAILURE_LIMIT failures from anywhere do
    (guessing spread over many addresses). A lock ends when the oldest failure that makes it leaves the window.
    Unknown usernames lock exactly like real ones.
    """
    recent = LoginFailure.objects.filter(
        username=failure_key(username), at__gt=timezone.now() - failure_window()
    ).order_by("-at")
    ends = []
    for rows, limit in (
        (recent.filter(address=address), settings.LOGIN_FAILURE_LIMIT),
        (recent, settings.LOGIN_ACCOUNT_FAILURE_LIMIT),
    ):
        times = list(rows.values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            ends.append(times[-1] + failure_window())
    return max(ends, default=None)


def totp_devices_confirmed(*, user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("id"))


def api_tokens_for_user(*, user) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first; the tokens page never shows anyone else's."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
