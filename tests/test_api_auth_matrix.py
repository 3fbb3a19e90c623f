"""Every API operation is either deliberately public or refuses anonymous callers with 401.

A new endpoint that forgets its authentication fails here until it is added to PUBLIC_OPERATIONS on purpose.
Per-persona scope tests live with each app (test_*scope*.py); this guards the whole surface at once.
"""

import re

import pytest

from desabinaan.api import api

# Public reference data and public services: the only operations anyone may call without signing in.
PUBLIC_OPERATIONS = {
    ("GET", "/api/v1/regions/villages"),
    ("GET", "/api/v1/regions/villages/{code}"),
    ("GET", "/api/v1/regions/provinces"),
    ("GET", "/api/v1/regions/provinces/{code}/regencies"),
    ("GET", "/api/v1/regions/regencies/{code}/districts"),
    ("GET", "/api/v1/regions/districts/{code}/villages"),
    ("POST", "/api/v1/passport/guide"),
    ("GET", "/api/v1/passport/fees"),
    ("GET", "/api/v1/offices/kanims"),
    ("POST", "/api/v1/reports"),
    ("POST", "/api/v1/reports/status"),
    # The anonymous reporter adds information with the receipt code and passphrase, never an account.
    ("POST", "/api/v1/reports/messages"),
    ("GET", "/api/v1/agencies"),
}


def _operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield method.upper(), path, bool(operation.get("security"))


OPERATIONS = sorted(_operations())


def test_the_schema_lists_the_contract_paths():
    paths = {path for _, path, _ in OPERATIONS}
    assert "/api/v1/people" in paths
    assert "/api/v1/regions/villages/{code}" in paths


@pytest.mark.parametrize(
    ("method", "path", "secured"), OPERATIONS, ids=[f"{m} {p}" for m, p, _ in OPERATIONS]
)
def test_it_is_public_only_on_purpose(method, path, secured):
    assert secured != ((method, path) in PUBLIC_OPERATIONS), (
        f"{method} {path}: secured={secured}; add it to PUBLIC_OPERATIONS only if it must be public"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [(m, p) for m, p, s in OPERATIONS if s],
    ids=[f"{m} {p}" for m, p, s in OPERATIONS if s],
)
def test_it_refuses_anonymous_callers(client, method, path):
    url = re.sub(r"\{[^}]+\}", "1", path)
    response = client.generic(method, url, data="{}", content_type="application/json")
    assert response.status_code == 401


@pytest.mark.django_db
def test_it_refuses_a_wrong_bearer_token(client):
    response = client.get("/api/v1/people", headers={"Authorization": "Bearer not-a-real-token"})
    assert response.status_code == 401
