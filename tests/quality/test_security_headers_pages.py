"""Security headers on every main page, public and signed-in (desabinaan/core/tests/test_security_headers.py covers
a few URLs, the CSP directives in detail and `check --deploy`; this walks the page registry).
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from tests.personas import verified_login

from .pages import main_pages

pytestmark = pytest.mark.django_db

PRODUCTION_HTTPS_SETTINGS = (
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


def _client_for(page, demo) -> Client:
    return Client() if page.public else verified_login(Client(), demo[page.user])


def _assert_headers(url, response):
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    csp = response.get("Content-Security-Policy", "")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";") if d.strip())
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, f"{url}: {csp}"
    assert directives.get("frame-ancestors") == "'none'", f"{url}: {csp}"
    assert directives.get("default-src") == "'self'", f"{url}: {csp}"
    assert response.get("X-Frame-Options") == "DENY", url
    assert response.get("Referrer-Policy") == "same-origin", url
    assert response.get("X-Content-Type-Options") == "nosniff", url


def test_every_main_page_carries_the_security_headers(demo):
    pages = main_pages()
    assert len(pages) >= 10, pages
    for page, url in pages:
        _assert_headers(url, _client_for(page, demo).get(url))


def _production_https_settings() -> dict:
    """The HTTPS settings as settings.py computes them for production (HTTPS=1, DEBUG=0)."""
    code = (
        "import json; from desabinaan import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {PRODUCTION_HTTPS_SETTINGS!r}}}))"
    )
    env = {**os.environ, "HTTPS": "1", "DEBUG": "0", "SECURE_HSTS_SECONDS": ""}
    env.pop("SECURE_HSTS_SECONDS")
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_every_main_page_sends_hsts_over_https_in_production(demo, settings):
    production = _production_https_settings()
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    for name, value in production.items():
        setattr(settings, name, value)
    for page, url in main_pages():
        response = _client_for(page, demo).get(url, secure=True)
        _assert_headers(url, response)
        hsts = response.get("Strict-Transport-Security", "")
        assert "max-age=31536000" in hsts and "includeSubDomains" in hsts, f"{url}: {hsts!r}"
    # Plain HTTP is redirected to HTTPS rather than served.
    assert Client().get("/").status_code == 301
