"""Writes of the accounts app: login checks with lockout, two-factor enrolment and verification, API tokens."""

from __future__ import annotations

import datetime as dt
import secrets

import django_otp
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record
from desabinaan.core import ratelimit

from .models import ApiToken, LoginFailure, RateCounter, User, hash_token, password_marker
from .selectors import (
    failure_key,
    failure_window,
    login_failure_counts,
    login_locked_until,
    totp_devices_confirmed,
)

# The same message for a wrong username and a wrong password, so the form never tells which usernames exist.
INVALID_LOGIN = _("Nama pengguna atau kata sandi salah.")
# Not "reset your password": a reset does not lift the lock, only time (or an admin deleting the failures) does.
LOCKED_OUT = _(
    "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, masuk dengan nama pengguna ini dikunci "
    "sementara. Coba lagi nanti."
)
OTP_INVALID = _("Kode verifikasi salah atau sudah kedaluwarsa.")
OTP_THROTTLED = _("Terlalu banyak kode yang salah. Tunggu sebentar, lalu coba lagi.")
TOKEN_NOT_OWNED = _("Anda hanya dapat mencabut token milik Anda sendiri.")
PASSWORD_RESET_THROTTLED = _(
    "Terlalu banyak permintaan atur ulang kata sandi. Tunggu sebentar, lalu coba lagi."
)

# Characters of the raw token kept in clear so a user can tell their tokens apart.
TOKEN_PREFIX_LENGTH = 8


# --- Login and lockout ---------------------------------------------------------------------------------------------


def _login_address(request) -> str:
    # An HMAC of the client address (core.ratelimit decides which address); "" when there is no request (tests,
    # shells), which then share one counter.
    return ratelimit.client_key(request, "login")[:64] if request is not None else ""


@transaction.atomic
def login_failure_record(*, username: str, address: str = "") -> LoginFailure:
    key = failure_key(username)
    # Rows that left the window no longer count; drop them so the table stays small.
    LoginFailure.objects.filter(username=key, at__lte=timezone.now() - failure_window()).delete()
    failure = LoginFailure(username=key, address=address)
    failure.full_clean()
    failure.save()
    return failure


@transaction.atomic
def login_failures_clear(*, username: str, address: str = "") -> None:
    """Forget this address's failures for the username; other addresses' failures still count."""
    LoginFailure.objects.filter(username=failure_key(username), address=address).delete()


def login_check(*, request, username: str, password: str) -> User:
    """The user for these credentials, or ValidationError(INVALID_LOGIN / LOCKED_OUT).

    The attempt is recorded as a failure before the password is checked, and the lock is decided on the counts
    that include it: of concurrent attempts only those within the limit are checked, never a whole burst. A
    locked attempt is taken back (neither checked nor counted, so the right password is refused until the lock
    ends); a successful one is cleared with the address's earlier failures. Not atomic on purpose: each step must
    be visible to concurrent attempts, and a failure must stay recorded although the caller goes on to raise.
    """
    address = _login_address(request)
    attempt = login_failure_record(username=username, address=address)
    per_address, per_account = login_failure_counts(username=username, address=address)
    if per_address > settings.LOGIN_FAILURE_LIMIT or per_account > settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
        attempt.delete()
        raise ValidationError(LOCKED_OUT, code="locked")
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_active:
        if login_locked_until(username=username, address=address) is not None:
            raise ValidationError(LOCKED_OUT, code="locked")
        raise ValidationError(INVALID_LOGIN, code="invalid_login")
    login_failures_clear(username=username, address=address)
    return user


# --- Two-factor ----------------------------------------------------------------------------------------------------


@transaction.atomic
def totp_device_start(*, user) -> TOTPDevice:
    """The user's pending (unconfirmed) authenticator, created on first use.

    Reused on every visit of the enrolment page so reloading it does not invalidate a QR code already scanned.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice(user=user, name=str(_("Aplikasi autentikator")), confirmed=False)
        device.full_clean()
        device.save()
    return device


def _verify(device: TOTPDevice, token: str) -> TOTPDevice:
    """The device, reloaded, if `token` is valid for it; else OTP_THROTTLED or OTP_INVALID.

    django-otp throttles failures (1, 2, 4, ... seconds between tries). The row is locked while checking so parallel
    guesses queue behind each other instead of sharing one throttle window, and the error is raised only after the
    transaction so the failure count is kept.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _info = device.verify_is_allowed()
        verified = allowed and device.verify_token(token.strip().replace(" ", ""))
    if not allowed:
        raise ValidationError(OTP_THROTTLED, code="throttled")
    if not verified:
        raise ValidationError(OTP_INVALID, code="invalid")
    return device


def totp_device_confirm(*, request, device: TOTPDevice, token: str) -> TOTPDevice:
    """Confirm a pending authenticator with its first code and mark the session as verified.

    Not atomic around the check: a wrong code must still count towards throttling.
    """
    if device.user_id != request.user.pk:
        raise PermissionDenied
    device = _verify(device, token)
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Other pending devices were abandoned enrolment attempts; their secrets must not stay usable later.
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        audit_record(
            actor=request.user,
            action=AuditEntry.Action.OTHER,
            target=device,
            summary="Autentikasi dua langkah diaktifkan",
        )
    django_otp.login(request, device)
    return device


def two_factor_verify(*, request, token: str) -> TOTPDevice:
    """Check a code against the user's confirmed authenticator and mark the session as verified."""
    devices = totp_devices_confirmed(user=request.user)
    if not devices:
        raise ValidationError(OTP_INVALID, code="invalid")
    errors: list[ValidationError] = []
    for device in devices:
        try:
            verified = _verify(device, token)
        except ValidationError as exc:
            errors.append(exc)
            continue
        django_otp.login(request, verified)
        return verified
    # "Wait" beats "wrong code" when a device is throttled: retyping cannot succeed until the delay has passed.
    raise next((e for e in errors if e.code == "throttled"), errors[0])


# --- API tokens ----------------------------------------------------------------------------------------------------


@transaction.atomic
def api_token_create(*, user, name: str, actor=None) -> tuple[ApiToken, str]:
    """A new token for `user` and its raw value, which is shown once and never stored.

    `actor` is whoever creates it (the owner on the tokens page); None records the system (management commands).
    """
    raw = secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name.strip(),
        prefix=raw[:TOKEN_PREFIX_LENGTH],
        key_hash=hash_token(raw),
        expires_at=timezone.now() + dt.timedelta(days=settings.API_TOKEN_DAYS),
        password_marker=password_marker(user),
    )
    token.full_clean()
    token.save()
    audit_created(actor=actor, target=token, summary=f"Token API {token.prefix}…")
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Revoke `token`; its owner or a superuser may. Revoking twice changes nothing."""
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(TOKEN_NOT_OWNED)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=token,
        changes={"revoked_at": [None, token.revoked_at.isoformat()]},
        summary=f"Token API {token.prefix}… dicabut",
    )
    return token


@transaction.atomic
def api_tokens_revoke_all(*, user, actor=None, reason: str) -> int:
    """Revoke every active token of `user` (their password changed); returns how many.

    Tokens are also bound to the password they were created under (ApiToken.password_marker), so a change made
    elsewhere (the admin, `changepassword`) stops them as well; this records it on each token and in the audit log.
    """
    now = timezone.now()
    count = 0
    for token in ApiToken.objects.filter(user=user, revoked_at__isnull=True).order_by("pk"):
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            target=token,
            changes={"revoked_at": [None, now.isoformat()]},
            summary=f"Token API {token.prefix}… dicabut: {reason}",
        )
        count += 1
    return count


# --- Password reset ------------------------------------------------------------------------------------------------


def password_reset_allow(*, request, email: str) -> None:
    """Count one reset request per client address and per e-mail address; ValidationError once either is over.

    Counted before deciding (core.ratelimit.count_hit). The e-mail counter is kept whether or not an account has
    that address, so the answer tells nothing about which addresses exist.
    """
    now = timezone.now()
    seconds = settings.PASSWORD_RESET_WINDOW_SECONDS
    start = ratelimit.window_start(now, seconds)
    checks = (
        (ratelimit.client_key(request, "reset-address"), settings.PASSWORD_RESET_LIMIT_PER_ADDRESS),
        (ratelimit.keyed("reset-email", email.strip().lower()), settings.PASSWORD_RESET_LIMIT_PER_EMAIL),
    )
    counts = [(ratelimit.count_hit(RateCounter, key=key, start=start), limit) for key, limit in checks]
    if counts[0][0] == 1:
        # A new window for this address: forget old windows so the table stays small.
        RateCounter.objects.filter(window_start__lt=start - dt.timedelta(seconds=seconds)).delete()
    if any(count > limit for count, limit in counts):
        raise ValidationError(PASSWORD_RESET_THROTTLED, code="throttled")
