import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

MANAGE = Path(settings.BASE_DIR) / "manage.py"


def _csp(response) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";"))
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


@pytest.mark.parametrize("path", ["/", "/wilayah/?q=tebat", "/api/v1/regions/provinces", "/akun/masuk/"])
def test_every_response_carries_the_security_headers(client, regions, path):
    response = client.get(path, follow=False)

    csp = _csp(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_home_page_renders_under_the_policy(client, regions):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    # The policy forbids inline script and style, so the page must not rely on them.
    assert "<script>" not in html
    assert 'style="' not in html


def _check_deploy(tmp_path, **overrides) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        # An empty VAR_DIR: no development keys from var/.env leak into the production-like run.
        "VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "desabinaan.settings",
        "DEBUG": "0",
        "HTTPS": "1",
        "DEMO_MODE": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "NIK_ENCRYPTION_KEYS": "dGVzdC1rZXktZm9yLXRlc3RzLW9ubHktMDAwMDAwMDA=",
        "NIK_HASH_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "example.org",
        **overrides,
    }
    return subprocess.run(
        [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )


def test_a_production_configuration_passes_the_deploy_checks(tmp_path):
    result = _check_deploy(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_checks_catch_a_production_mistake(tmp_path):
    # Guards the test above: the same run fails once a setting is wrong.
    result = _check_deploy(tmp_path, DEMO_MODE="1", NIK_HASH_KEY="short")

    assert result.returncode != 0
    assert "desabinaan.W001" in result.stderr
    assert "desabinaan.E002" in result.stderr
