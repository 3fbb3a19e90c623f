import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from desabinaan.accounts.models import ApiToken, hash_token
from desabinaan.accounts.services import api_token_create, api_token_revoke
from desabinaan.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

TOKENS = reverse("accounts:tokens")
ME = "/api/v1/accounts/me"


def _bearer(client, raw):
    return client.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_it_stores_only_the_hash_of_a_new_token(world):
    token, raw = api_token_create(user=world.ani, name="SIMKIM", actor=world.ani)

    assert len(raw) >= 40
    assert token.key_hash == hash_token(raw)
    assert token.prefix == raw[:8]
    stored = list(ApiToken.objects.values_list(*[f.attname for f in ApiToken._meta.concrete_fields]))
    assert raw not in repr(stored)
    entry = AuditEntry.objects.get(target_type="accounts.apitoken", target_id=str(token.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert raw not in repr(entry.changes)


def test_the_command_prints_a_working_token_on_its_last_line(client, world):
    out = io.StringIO()

    call_command("create_api_token", "fajar", "--name", "integrasi", stdout=out)

    raw = out.getvalue().rstrip("\n").splitlines()[-1]
    assert ApiToken.objects.get(key_hash=hash_token(raw)).name == "integrasi"
    response = _bearer(client, raw)
    assert response.status_code == 200
    assert response.json()["username"] == "fajar"


def test_the_command_refuses_an_unknown_user(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody-here", stdout=io.StringIO())


def test_a_user_creates_a_token_on_the_page_and_sees_it_once(login, world):
    client = login(world.budi)

    response = client.post(TOKENS, {"name": "laporan desa"})

    token = ApiToken.objects.get(user=world.budi)
    html = response.content.decode()
    raw = html.split('data-testid="new-token">')[1].split("<")[0]
    assert token.key_hash == hash_token(raw)
    assert raw not in client.get(TOKENS).content.decode()
    assert _bearer(login(world.budi), raw).status_code == 200


def test_the_tokens_page_lists_only_the_users_own_tokens(login, world, django_assert_max_num_queries):
    api_token_create(user=world.ani, name="milik ani", actor=world.ani)
    for n in range(3):
        api_token_create(user=world.fajar, name=f"milik fajar {n}", actor=world.fajar)
    client = login(world.ani)

    with django_assert_max_num_queries(8):
        html = client.get(TOKENS).content.decode()

    assert "milik ani" in html
    assert "milik fajar" not in html


def test_a_user_revokes_their_own_token_after_confirming(login, world, client):
    token, raw = api_token_create(user=world.ani, name="lama", actor=world.ani)
    page = login(world.ani)

    confirm = page.get(reverse("accounts:token_revoke", args=[token.pk]))
    assert confirm.status_code == 200
    assert "Ya, cabut" in confirm.content.decode()
    response = page.post(reverse("accounts:token_revoke", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert _bearer(client, raw).status_code == 401
    assert AuditEntry.objects.filter(
        target_type="accounts.apitoken", target_id=str(token.pk), action=AuditEntry.Action.UPDATE
    ).exists()


def test_it_validates_scope(login, world, client):
    token, raw = api_token_create(user=world.ani, name="punya ani", actor=world.ani)
    revoke = reverse("accounts:token_revoke", args=[token.pk])

    # Another user: the token does not exist for them.
    assert login(world.fajar).post(revoke).status_code == 404
    assert login(world.budi).get(revoke).status_code == 404
    # Anonymous: sent to the login page.
    assert client.get(TOKENS).url.startswith(reverse("accounts:login"))
    assert client.post(revoke).url.startswith(reverse("accounts:login"))
    # Signed in but two-factor not done: sent to the code page (a token would bypass two-factor).
    client.force_login(world.ani)
    assert client.post(TOKENS, {"name": "x"}).url.startswith(reverse("accounts:two_factor"))
    token.refresh_from_db()
    assert token.revoked_at is None
    assert ApiToken.objects.filter(user=world.ani).count() == 1
    # The owner can.
    assert login(world.ani).post(revoke).status_code == 302


def test_only_the_owner_or_a_superuser_may_revoke_through_the_service(world):
    from django.core.exceptions import PermissionDenied

    token, _raw = api_token_create(user=world.ani, name="x", actor=world.ani)

    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=world.fajar, token=token)
    api_token_revoke(actor=world.admin, token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_an_admin_revokes_any_token_with_the_admin_action(login, world, client):
    token, raw = api_token_create(user=world.ani, name="x", actor=world.ani)
    admin = login(world.admin)

    assert admin.get(reverse("admin:accounts_apitoken_changelist")).status_code == 200
    response = admin.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke_tokens", "_selected_action": [token.pk]},
    )

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert _bearer(client, raw).status_code == 401
