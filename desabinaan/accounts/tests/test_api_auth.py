"""API authentication: 401 without credentials (CSRF only guards a session), expiring tokens bound to the password."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from desabinaan.accounts.models import ApiToken
from desabinaan.accounts.services import api_token_create, api_tokens_revoke_all
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

ME = "/api/v1/accounts/me"
# Any authenticated POST will do; the body is never read when authentication fails.
POST_URL = "/api/v1/people"


def test_a_post_without_any_credentials_answers_401_not_csrf(world):
    response = Client(enforce_csrf_checks=True).post(POST_URL, {}, content_type="application/json")

    assert response.status_code == 401
    assert set(response.json()) == {"detail", "field", "code"}


def test_a_post_with_a_session_but_no_csrf_token_is_still_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.budi)

    response = client.post(POST_URL, {}, content_type="application/json")

    assert response.status_code == 403


def test_a_post_with_a_bearer_token_needs_no_csrf_token(world):
    _token, raw = api_token_create(user=world.budi, name="t")

    response = Client(enforce_csrf_checks=True).post(
        POST_URL, {}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )

    assert response.status_code not in (401, 403)


def test_a_token_expires_after_api_token_days(client, world, settings):
    settings.API_TOKEN_DAYS = 90
    token, raw = api_token_create(user=world.budi, name="t")

    assert token.expires_at == pytest.approx(
        timezone.now() + dt.timedelta(days=90), abs=dt.timedelta(seconds=5)
    )
    with time_machine.travel(timezone.now() + dt.timedelta(days=89), tick=False):
        assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=91), tick=False):
        assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
        assert not ApiToken.objects.get(pk=token.pk).is_active


def test_a_password_changed_anywhere_stops_the_token(client, world):
    _token, raw = api_token_create(user=world.budi, name="t")
    assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    world.budi.set_password(PASSWORD + "-baru")  # as the admin or `changepassword` do
    world.budi.save()

    assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_revoking_all_marks_every_active_token(world):
    first, _ = api_token_create(user=world.budi, name="a")
    second, _ = api_token_create(user=world.budi, name="b")
    other, _ = api_token_create(user=world.citra, name="c")

    assert api_tokens_revoke_all(user=world.budi, reason="uji") == 2

    assert ApiToken.objects.filter(pk__in=[first.pk, second.pk], revoked_at__isnull=False).count() == 2
    assert ApiToken.objects.get(pk=other.pk).revoked_at is None
