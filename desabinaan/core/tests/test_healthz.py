from unittest import mock

import pytest
from django.db import OperationalError

from desabinaan.people.services import person_create

pytestmark = pytest.mark.django_db


def test_it_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "nik_keys": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_it_reports_503_when_the_database_is_unreachable(client):
    with mock.patch(
        "desabinaan.core.views.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


def test_it_needs_no_login(client, world, login):
    # Load balancers probe it anonymously; a signed-in officer gets the same answer.
    assert client.get("/healthz").status_code == 200
    assert login(world.ani).get("/healthz").status_code == 200


def _person_with_nik(world):
    return person_create(
        actor=world.budi, name="Rudi Kanari", nik="1771011205900009", birth_year=1990, sex="M",
        village=world.tebat_monok,
    )  # fmt: skip


def test_it_reads_the_newest_stored_nik_with_the_configured_keys(
    client, world, django_assert_max_num_queries
):
    _person_with_nik(world)

    with django_assert_max_num_queries(2):  # SELECT 1 and the canary row
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["nik_keys"] == "ok"


def test_it_reports_503_when_the_nik_keys_were_replaced(client, world, settings):
    # A regenerated var/.env: the stored tokens no longer decrypt, so every NIK lookup would silently miss.
    _person_with_nik(world)
    settings.NIK_ENCRYPTION_KEYS = ["bmV3LWtleS1hZnRlci1hLWxvc3QtZW52LWZpbGUtMDA="]

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "nik_keys": "mismatch"}


def test_it_reports_503_when_only_the_hash_key_changed(client, world, settings):
    _person_with_nik(world)
    settings.NIK_HASH_KEY = "another-hash-key-0123456789abcdef0123456789"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["nik_keys"] == "mismatch"
