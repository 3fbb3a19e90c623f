"""API authentication: the browser session (with CSRF) or a personal token sent as `Authorization: Bearer`."""

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from .models import ApiToken, hash_token
from .twofactor import two_factor_satisfied


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        # Touch last_used at most once a minute so busy integrations don't write on every request.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class VerifiedSessionAuth(SessionAuth):
    """A logged-in session; staff roles must also have passed two-factor verification."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is None or not two_factor_satisfied(request):
            return None
        return user


api_auth = [BearerTokenAuth(), VerifiedSessionAuth()]
