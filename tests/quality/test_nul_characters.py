"""NUL characters in request text are refused before any view (desabinaan.core.middleware)."""

import pytest

from desabinaan.core.middleware import NUL_REJECTED

pytestmark = pytest.mark.django_db


def test_the_api_refuses_a_nul_in_the_query_string_with_422(client, regions):
    response = client.get("/api/v1/regions/villages?q=teb%00at")
    assert response.status_code == 422
    assert response.json() == {"detail": str(NUL_REJECTED)}


def test_the_api_refuses_a_nul_in_a_json_body(client):
    body = '{"category": "other", "description": "a\\u0000b"}'
    assert client.post("/api/v1/reports", body, content_type="application/json").status_code == 422


def test_a_page_refuses_a_nul_in_the_query_string_with_400(client, regions):
    assert client.get("/wilayah/?q=teb%00at").status_code == 400


def test_ordinary_text_passes(client, regions):
    assert client.get("/api/v1/regions/villages?q=tebat").status_code == 200
    assert client.get("/wilayah/?q=tebat").status_code == 200
