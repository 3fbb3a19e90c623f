"""Security headers every response carries, and refusal of NUL characters in request text."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext_lazy as _

from .logging import mask_logged

# No inline script or style anywhere, so the policy needs no 'unsafe-inline'. All assets come from the app itself.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Pages, files and API endpoints that answer with personal data: no browser or proxy may keep a copy
# (`Cache-Control: no-store`), so a shared computer in a village office does not keep a person's record in its cache.
# /lapor/ shows the reporter's passphrase and the conversation; the admin lists persons too.
PERSONAL_DATA_PATHS = re.compile(
    r"^/(?:"
    r"orang/|perlindungan/|lapor/|riwayat/|admin/|dasbor/ekspor/"
    r"|paspor/(?:kesiapan|kolektif|skrining)/"
    r"|sosialisasi/\d+/(?:peserta|hadir|impor|kuis)/"
    r"|api/v1/(?:people|readiness-checks|collective-requests|screenings?|referrals|reports|events/\d+/attendance)"
    r")"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/v1/docs"):
            # The interactive API docs page loads Swagger UI assets served by the app and needs an inline bootstrap.
            response.headers.setdefault(
                "Content-Security-Policy",
                CONTENT_SECURITY_POLICY.replace(
                    "script-src 'self'", "script-src 'self' 'unsafe-inline'"
                ).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
            )
        else:
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if PERSONAL_DATA_PATHS.match(request.path):
            response.headers["Cache-Control"] = "no-store"
        if response.status_code in (301, 302) and "Location" in response.headers:
            response.headers["Location"] = without_personal_next(response.headers["Location"])
        return response


def without_personal_next(location: str) -> str:
    """`location` whose `?next=` (the login redirect) has no NIK or phone number in its query string.

    login_required sends the whole requested URL as `next`; a search with a NIK in it would then travel on in the
    login page's address, its logs and its Referer. Such a query is dropped; the page itself is kept.
    """
    parts = urlsplit(location)
    params = parse_qsl(parts.query, keep_blank_values=True)
    changed = False
    for index, (name, value) in enumerate(params):
        if name == REDIRECT_FIELD_NAME and "?" in value and mask_logged(value) != value:
            params[index] = (name, value.split("?", 1)[0])
            changed = True
    return urlunsplit(parts._replace(query=urlencode(params))) if changed else location


NUL_REJECTED = _("Permintaan memuat karakter NUL yang tidak diizinkan.")
_FORM_TYPES = ("application/json", "application/x-www-form-urlencoded")


class RejectNulCharactersMiddleware:
    """Refuse a request whose query string or JSON/form body holds a NUL character.

    No text this app accepts contains one, and PostgreSQL refuses NUL in text values: unchecked, such input is a 500
    (and an aborted transaction) wherever request text reaches a query. Found by the schemathesis run in
    tests/quality. The API answers 422 like any invalid input; pages answer 400. Multipart bodies (uploads) are
    not read here: files hold NUL bytes legitimately, and form fields are checked by Django's form fields.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": str(NUL_REJECTED)}, status=422)
            return HttpResponseBadRequest(str(NUL_REJECTED))
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if "%00" in request.META.get("QUERY_STRING", "") or "\x00" in request.path:
            return True
        if request.content_type in _FORM_TYPES and request.method not in ("GET", "HEAD", "OPTIONS"):
            body = request.body
            return b"\x00" in body or b"%00" in body or b"\\u0000" in body
        return False


class DefaultLanguageMiddleware:
    """Indonesian unless the user picks English with the language switch (its cookie); the browser's
    Accept-Language is ignored, so a phone set to English still shows the program in Indonesian first.
    Must run before django.middleware.locale.LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
