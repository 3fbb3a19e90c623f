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


def login_locked_until(*, username: str) -> dt.datetime | None:
    """When the username's lock ends, or None when it is not locked.

    Locked while LOGIN_FAILURE_LIMIT failures fall inside the sliding window; the lock ends when the oldest of them
    leaves the window. Unknown usernames lock exactly like real ones.
    """
    limit = settings.LOGIN_FAILURE_LIMIT
    recent = list(
        LoginFailure.objects.filter(username=failure_key(username), at__gt=timezone.now() - failure_window())
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    return recent[-1] + failure_window()


def totp_devices_confirmed(*, user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("id"))


def api_tokens_for_user(*, user) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first; the tokens page never shows anyone else's."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
