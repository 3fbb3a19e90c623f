import pytest

from desabinaan.accounts.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db

ME = "/api/v1/accounts/me"


def _bearer(client, raw):
    return client.get(ME, HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_it_describes_the_token_owner_and_their_scope(client, world):
    _token, raw = api_token_create(user=world.budi, name="x")

    response = _bearer(client, raw)

    assert response.status_code == 200
    assert response.json() == {
        "username": "budi",
        "role": "liaison",
        "kanim_id": None,
        "kanwil_id": None,
        "village_code": "17.08.04.2002",
        "scope": {"national": False, "regency_codes": [], "village_codes": ["17.08.04.2002"]},
    }


def test_it_gives_an_officer_their_offices_regencies_and_kanwil(login, world):
    body = login(world.ani).get(ME).json()

    assert body["kanim_id"] == world.kanim_bkl.pk
    assert body["kanwil_id"] == world.kanwil_bkl.pk
    assert body["scope"]["national"] is False
    assert body["scope"]["regency_codes"] and all(c.startswith("17.") for c in body["scope"]["regency_codes"])


def test_it_marks_the_national_admin_as_national(login, world):
    assert login(world.admin).get(ME).json()["scope"] == {
        "national": True,
        "regency_codes": [],
        "village_codes": [],
    }


def test_it_refuses_a_revoked_token(client, world):
    token, raw = api_token_create(user=world.ani, name="x")
    api_token_revoke(actor=world.ani, token=token)

    assert _bearer(client, raw).status_code == 401


def test_it_refuses_an_unknown_token_and_no_auth(client, world):
    assert _bearer(client, "not-a-real-token").status_code == 401
    assert client.get(ME).status_code == 401


def test_it_refuses_the_session_of_an_officer_without_two_factor(client, world):
    client.force_login(world.ani)

    assert client.get(ME).status_code == 401


def test_it_accepts_the_session_of_a_liaison(client, world):
    client.force_login(world.budi)

    assert client.get(ME).json()["username"] == "budi"


def test_it_records_when_a_token_was_last_used(client, world):
    token, raw = api_token_create(user=world.budi, name="x")

    _bearer(client, raw)

    token.refresh_from_db()
    assert token.last_used_at is not None
