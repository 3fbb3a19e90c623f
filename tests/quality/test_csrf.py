"""Every state-changing form needs its CSRF token: a POST without one is refused (403) on every page URL.

The URL resolver is walked, so pages added later are covered without editing this file. Arguments are filled with
placeholders (`1`, `x`): CsrfViewMiddleware refuses the request before the view looks anything up. The client is
signed in (two-factor verified) so that no login or two-factor redirect answers first.

Exempt, with reasons:
- /api/v1/...: django-ninja views; the API checks CSRF itself for session-authenticated calls (SessionAuth, tested
  below) and Bearer-token calls carry no ambient credential to forge.
"""

import re

import pytest
from django.test import Client

from tests.personas import verified_login

from .pages import all_routes

pytestmark = pytest.mark.django_db

EXEMPT_PREFIXES = ("api/v1/",)
# Routes that are not forms at all and whose view is intentionally csrf-exempt; must stay empty unless justified.
EXEMPT_ROUTES: dict[str, str] = {}
ARGUMENT = re.compile(r"<(?:(\w+):)?\w+>")
PLACEHOLDERS = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def _fill(route: str) -> str:
    """/orang/<int:pk>/ -> /orang/1/ (unknown converters get the `str` placeholder)."""
    return "/" + ARGUMENT.sub(lambda m: PLACEHOLDERS.get(m.group(1) or "str", "x"), route)


def test_every_post_without_a_csrf_token_is_refused(demo):
    client = verified_login(Client(enforce_csrf_checks=True), demo["admin"])
    accepted = {}
    checked = 0
    for route, _pattern in all_routes():
        if route.startswith(EXEMPT_PREFIXES) or route in EXEMPT_ROUTES or "(?P<" in route:
            continue
        url = _fill(route)
        response = client.post(url, {"anything": "1"})
        checked += 1
        if response.status_code != 403:
            accepted[url] = response.status_code
    assert checked >= 50, f"only {checked} routes found"
    assert not accepted, f"POST without a CSRF token not refused (csrf_exempt?): {accepted}"


def test_the_anonymous_public_forms_need_the_token_too(demo):
    client = Client(enforce_csrf_checks=True)
    for url in ("/akun/masuk/", "/lapor/", "/lapor/status/", "/i18n/setlang/"):
        assert client.post(url, {"anything": "1"}).status_code == 403, url


def test_the_api_refuses_a_session_call_without_the_csrf_token(demo):
    client = verified_login(Client(enforce_csrf_checks=True), demo["admin"])
    response = client.post(
        "/api/v1/people",
        {"name": "Tanpa Token", "sex": "M", "village_code": "17.08.04.2002", "birth_year": 1990},
        content_type="application/json",
    )
    assert response.status_code in (401, 403), response.content
