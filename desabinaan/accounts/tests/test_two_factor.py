import base64
import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from desabinaan.accounts.services import OTP_INVALID, OTP_THROTTLED
from desabinaan.audit.models import AuditEntry
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

TWO_FACTOR = reverse("accounts:two_factor")
DASHBOARD = reverse("web:dashboard")


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _password_login(client, user):
    return client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})


def test_it_sends_an_officer_to_two_factor_after_the_password(client, world):
    response = _password_login(client, world.ani)

    assert response.status_code == 302
    assert response.url.startswith(TWO_FACTOR)


def test_it_keeps_an_unverified_officer_away_from_protected_pages(client, world):
    client.force_login(world.ani)

    for path in (DASHBOARD, reverse("accounts:tokens"), reverse("admin:index")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url.startswith(TWO_FACTOR), path


def test_it_does_not_ask_a_liaison_for_two_factor(client, world):
    client.force_login(world.budi)

    assert client.get(DASHBOARD).status_code == 200
    assert client.get(TWO_FACTOR).status_code == 302


def test_it_enrols_an_officer_with_a_real_totp_code(client, world):
    client.force_login(world.ani)
    page = client.get(TWO_FACTOR, {"next": DASHBOARD})
    device = TOTPDevice.objects.get(user=world.ani)
    html = page.content.decode()

    assert not device.confirmed
    # The QR code is an inline SVG image built on the server; the secret is also printed for manual entry.
    data_uri = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)
    assert base64.b64decode(data_uri).lstrip().startswith(b"<svg")
    assert base64.b32encode(device.bin_key).decode()[:4] in html
    assert "style=" not in html
    # Reloading keeps the same pending device, so a scanned QR code stays valid.
    client.get(TWO_FACTOR)
    assert TOTPDevice.objects.filter(user=world.ani).count() == 1

    response = client.post(TWO_FACTOR, {"token": _code(device), "next": DASHBOARD})

    assert response.status_code == 302
    assert response.url == DASHBOARD
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(DASHBOARD).status_code == 200
    assert AuditEntry.objects.filter(target_type="otp_totp.totpdevice", target_id=str(device.pk)).exists()


def test_it_refuses_a_wrong_enrolment_code(client, world):
    client.force_login(world.ani)
    client.get(TWO_FACTOR)

    device = TOTPDevice.objects.get(user=world.ani)

    response = client.post(TWO_FACTOR, {"token": f"{(int(_code(device)) + 1) % 1000000:06d}"})

    assert str(OTP_INVALID) in response.content.decode()
    assert not TOTPDevice.objects.get(user=world.ani).confirmed
    assert client.get(DASHBOARD).status_code == 302


def test_it_verifies_a_confirmed_device_on_later_logins(client, world):
    device = TOTPDevice.objects.create(user=world.fajar, name="app", confirmed=True)
    _password_login(client, world.fajar)
    page = client.get(TWO_FACTOR)

    assert "data:image/svg+xml" not in page.content.decode()  # no new enrolment once a device is confirmed
    response = client.post(TWO_FACTOR, {"token": _code(device)})

    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_it_throttles_wrong_codes(client, world):
    device = TOTPDevice.objects.create(user=world.fajar, name="app", confirmed=True)
    client.force_login(world.fajar)
    start = dt.datetime(2025, 3, 1, 8, 0, 5, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        wrong_code = f"{(int(_code(device)) + 1) % 1000000:06d}"
        client.post(TWO_FACTOR, {"token": wrong_code})
        client.post(TWO_FACTOR, {"token": wrong_code})
        # Right code, but too soon after two failures (django-otp waits 1, 2, 4, ... seconds).
        refused = client.post(TWO_FACTOR, {"token": _code(device)})

    assert str(OTP_THROTTLED) in refused.content.decode()
    assert client.get(DASHBOARD).status_code == 302
    with time_machine.travel(start + dt.timedelta(seconds=3), tick=False):
        accepted = client.post(TWO_FACTOR, {"token": _code(device)})
    assert accepted.status_code == 302


def test_it_lets_a_demo_officer_skip_two_factor_in_demo_mode_only(client, world, settings):
    world.ani.is_demo = True
    world.ani.save(update_fields=["is_demo"])
    client.force_login(world.ani)

    settings.DEMO_MODE = True
    assert client.get(DASHBOARD).status_code == 200
    settings.DEMO_MODE = False
    assert client.get(DASHBOARD).status_code == 302


def test_it_does_not_let_demo_mode_relax_a_real_officer(client, world, settings):
    settings.DEMO_MODE = True
    client.force_login(world.fajar)

    assert client.get(DASHBOARD).status_code == 302


def test_it_keeps_the_next_page_only_when_it_is_local(client, world):
    device = TOTPDevice.objects.create(user=world.fajar, name="app", confirmed=True)
    client.force_login(world.fajar)

    response = client.post(TWO_FACTOR, {"token": _code(device), "next": "https://evil.example/"})

    assert response.url == DASHBOARD
