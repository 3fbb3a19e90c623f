"""Whether a request has met the two-factor requirement of its user's role."""

from django.conf import settings


def two_factor_satisfied(request) -> bool:
    user = request.user
    if not user.is_authenticated or not user.needs_two_factor:
        return True
    if settings.DEMO_MODE and user.is_demo:
        return True
    return bool(getattr(user, "is_verified", lambda: False)())
