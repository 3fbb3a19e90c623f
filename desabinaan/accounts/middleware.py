from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .twofactor import two_factor_satisfied

# Paths that never need two-factor: assets, language switch, health check, and the API (which refuses an
# unverified session on its own, see api_auth.VerifiedSessionAuth).
_OPEN_PREFIXES = ("/static/", "/i18n/", "/healthz", "/api/", "/favicon")


def two_factor_exempt(view):
    """Mark a view a signed-in user may reach before finishing two-factor (login, logout, the 2FA page, reset)."""
    view.two_factor_exempt = True
    return view


class TwoFactorRequiredMiddleware:
    """Officer and admin roles must verify a TOTP code before any page; the API refuses them on its own.

    Decided per view rather than per URL prefix so that pages under /akun/ such as the API tokens page (a token
    would bypass two-factor) stay protected; only views marked with `two_factor_exempt` are open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(_OPEN_PREFIXES) or getattr(view_func, "two_factor_exempt", False):
            return None
        if two_factor_satisfied(request):
            return None
        target = reverse("accounts:two_factor")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
