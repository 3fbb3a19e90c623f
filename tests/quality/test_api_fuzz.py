"""Short, bounded schemathesis run over every operation of /api/v1/openapi.json (`make test`).

The long run is `make fuzz` (tests/quality/fuzz_live.py against a live server). Here the WSGI app is called in
process, inside the test's database transaction, as the national admin persona with a Bearer token, so protected
operations are exercised past authentication. Failures: a 5xx, an undocumented status code, a body or content type
that does not match the schema.
"""

from __future__ import annotations

import contextlib
import time

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import checks as st_checks
from schemathesis.core.failures import FailureGroup
from schemathesis.openapi.checks import UndefinedStatusCode

from desabinaan.api import api

pytestmark = pytest.mark.django_db

# Whole-run budget: examples per operation are few, and once the budget is spent the remaining operations still get
# one example each, so every operation is called at least once however slow the machine is.
MAX_EXAMPLES = 30
BUDGET_SECONDS = 75
# Undocumented status codes already reported to the owning app and tolerated until fixed, as
# (method, path) -> codes. Nothing else is tolerated, and never a 5xx. Remove an entry once its schema is fixed:
# test_known_undocumented_responses_are_still_real fails when an entry is stale.
KNOWN_UNDOCUMENTED: dict[tuple[str, str], set[int]] = {}
CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_schema_conformance,
]


def fuzz_schema(app=None):
    """The API's own schema, bound to the in-process WSGI app (or to nothing, for a live base URL)."""
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    if app is not None:
        schema.app = app
    return schema


@pytest.fixture
def wsgi_app():
    # Django's test client does the same: the handler must not close the connection holding the test transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(demo):
    """A Bearer token of the national admin of the demo data, who may read and write everywhere."""
    from desabinaan.accounts.services import api_token_create

    _, raw = api_token_create(user=demo["admin"], name="fuzz")
    return raw


def _operations(schema):
    for result in schema.get_all_operations():
        yield result.ok()


def _run(operation, *, headers, examples: int) -> list[str]:
    failures: list[str] = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=[p for p in settings.default.phases if p.name != "shrink"],
    )
    def run(case):
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as exc:
            known = KNOWN_UNDOCUMENTED.get((operation.method.upper(), operation.path), set())
            tolerated = [
                f for f in exc.exceptions if isinstance(f, UndefinedStatusCode) and f.status_code in known
            ]
            if len(tolerated) == len(exc.exceptions):
                return
            failures.append(f"{operation.label}: {exc}")
            raise

    # The failures are collected above; hypothesis re-raises the first one after its search.
    with contextlib.suppress(FailureGroup):
        run()
    return failures


def test_every_api_operation_survives_fuzzing_without_errors(admin_token, wsgi_app):
    schema = fuzz_schema(wsgi_app)
    headers = {"Authorization": f"Bearer {admin_token}"}
    started = time.monotonic()
    failures: list[str] = []
    operations = list(_operations(schema))
    assert len(operations) >= 10, "the API schema lists suspiciously few operations"
    for operation in operations:
        spent = time.monotonic() - started
        examples = MAX_EXAMPLES if spent < BUDGET_SECONDS else 1
        failures += _run(operation, headers=headers, examples=examples)
    assert not failures, "\n\n".join(failures)


def stale_entries(paths: dict, known: dict[tuple[str, str], set[int]]) -> dict[tuple[str, str], set[int]]:
    """The entries of `known` that no longer hold: codes the schema now documents, or an operation that is gone."""
    stale = {}
    for (method, path), codes in known.items():
        operation = paths.get(path, {}).get(method.lower())
        if operation is None:
            stale[(method, path)] = codes
            continue
        # django-ninja keys the responses it generates by int (200) and the ones we document by str ("404").
        documented = {str(code) for code in operation["responses"]}
        fixed = {code for code in codes if str(code) in documented}
        if fixed:
            stale[(method, path)] = fixed
    return stale


def test_known_undocumented_responses_are_still_real():
    stale = stale_entries(api.get_openapi_schema()["paths"], KNOWN_UNDOCUMENTED)
    assert stale == {}, f"remove or trim these KNOWN_UNDOCUMENTED entries: {stale}"


def test_the_stale_check_spots_documented_codes_and_vanished_operations():
    # The list above is empty, so the check is exercised on entries made up for it.
    paths = api.get_openapi_schema()["paths"]
    known = {
        # 200 (an int key) and 404 (a str key) are documented, 418 is not.
        ("GET", "/api/v1/regions/villages/{code}"): {200, 404, 418},
        ("GET", "/api/v1/regions/provinces"): {418},  # still undocumented: not stale
        ("DELETE", "/api/v1/regions/provinces"): {405},  # no such operation
    }
    assert stale_entries(paths, known) == {
        ("GET", "/api/v1/regions/villages/{code}"): {200, 404},
        ("DELETE", "/api/v1/regions/provinces"): {405},
    }
