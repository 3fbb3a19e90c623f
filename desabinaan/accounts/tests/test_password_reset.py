import re

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.test import Client
from django.urls import reverse

from desabinaan.accounts.services import PASSWORD_RESET_THROTTLED, api_token_create

pytestmark = pytest.mark.django_db


def test_it_emails_a_working_reset_link(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "budi@example.test"})

    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["budi@example.test"]
    assert "kata sandi" in message.body.lower()
    link = re.search(r"https?://testserver(/akun/\S+)", message.body).group(1)

    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_password_url = form.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": "tebat-monok-baru-2025", "new_password2": "tebat-monok-baru-2025"}
    )

    assert done.url == reverse("accounts:password_reset_complete")
    assert authenticate(username="budi", password="tebat-monok-baru-2025") == world.budi
    # The link works once only.
    assert "tidak berlaku" in client.get(link, follow=True).content.decode()


def test_it_answers_the_same_for_an_unknown_email(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.test"})

    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_a_reset_does_not_skip_two_factor(client, world):
    client.post(reverse("accounts:password_reset"), {"email": "ani@example.test"})
    link = re.search(r"https?://testserver(/akun/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "sandi-baru-ani-2025", "new_password2": "sandi-baru-ani-2025"},
    )

    response = client.post(reverse("accounts:login"), {"username": "ani", "password": "sandi-baru-ani-2025"})

    assert response.url.startswith(reverse("accounts:two_factor"))


def test_a_reset_revokes_the_users_api_tokens(client, world):
    token, raw = api_token_create(user=world.budi, name="integrasi")
    client.post(reverse("accounts:password_reset"), {"email": "budi@example.test"})
    link = re.search(r"https?://testserver(/akun/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "tebat-monok-baru-2025", "new_password2": "tebat-monok-baru-2025"},
    )

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client().get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_reset_requests_are_limited_per_address(client, world, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 5
    codes = [
        client.post(reverse("accounts:password_reset"), {"email": f"orang{i}@example.test"}).status_code
        for i in range(7)
    ]

    assert codes == [302] * 5 + [429] * 2
    assert (
        str(PASSWORD_RESET_THROTTLED)
        in client.post(reverse("accounts:password_reset"), {"email": "x@example.test"}).content.decode()
    )
    # Another address is not affected.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post(reverse("accounts:password_reset"), {"email": "z@example.test"}).status_code == 302


def test_reset_requests_are_limited_per_email_from_any_address(world, settings):
    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 3
    codes = [
        Client(REMOTE_ADDR=f"198.51.100.{i}")
        .post(reverse("accounts:password_reset"), {"email": "budi@example.test"})
        .status_code
        for i in range(5)
    ]

    assert codes == [302] * 3 + [429] * 2
    assert len(mail.outbox) == 3
