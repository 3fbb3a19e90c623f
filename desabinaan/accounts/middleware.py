from django.shortcuts import redirect

from .twofactor import two_factor_satisfied

# Paths a signed-in user may reach before finishing two-factor verification.
_OPEN_PREFIXES = ("/akun/", "/static/", "/i18n/", "/healthz", "/api/", "/favicon")


class TwoFactorRequiredMiddleware:
    """Officer and admin roles must verify a TOTP code before any page; the API refuses them on its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_OPEN_PREFIXES) and not two_factor_satisfied(request):
            return redirect("accounts:two_factor")
        return self.get_response(request)
