from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_it_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
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
