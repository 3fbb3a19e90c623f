"""API authentication: the browser session (with CSRF) or a personal token sent as `Authorization: Bearer`.

A request with neither answers 401 (ninja's AuthenticationError, see desabinaan/api.py); a request that carries a
session cookie is held to the CSRF check (403) as before.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from ninja.security import HttpBearer, SessionAuth

from .models import ApiToken, hash_token, password_marker
from .twofactor import two_factor_satisfied


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user")
            .filter(
                key_hash=hash_token(token),
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
                user__is_active=True,
            )
            .first()
        )
        # A token dies with the password it was created under, however that password was changed.
        if found is None or not constant_time_compare(found.password_marker, password_marker(found.user)):
            return None
        now = timezone.now()
        # Touch last_used at most once a minute so busy integrations don't write on every request.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class VerifiedSessionAuth(SessionAuth):
    """A logged-in session; staff roles must also have passed two-factor verification."""

    def _get_key(self, request):
        # No session cookie: nothing to protect with CSRF, and the answer is "authenticate" (401), not "CSRF" (403).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is None or not two_factor_satisfied(request):
            return None
        return user


api_auth = [BearerTokenAuth(), VerifiedSessionAuth()]
