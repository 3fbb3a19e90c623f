"""The API schema documents the responses every operation can give through API-wide behaviour.

django-ninja documents only the responses an operation declares. Five come from rules the whole API shares, so
they are added here instead of in each app's api.py (the schemathesis run in tests/quality checks that every
response an operation gives is documented):
- 400 on every operation that takes a body: a body that is not valid JSON is refused by django-ninja's parser;
- 401 on every secured operation (desabinaan.api's AuthenticationError handler), and 403 there too: a signed-in
  caller whose role may not take the action is refused (ARCHITECTURE.md, "Jurisdiction");
- 422 on every operation that takes parameters or a body (the ValidationError handlers);
- 404 on every operation with a path parameter: the object it names may not exist or lie outside the caller's
  scope, which the project answers with 404.
Every other error an operation can answer (409 from a Conflict, 404 for an object named in the body or the query,
403 on a public operation, 429 from a rate limit) is declared on the operation with core.errors.error_responses. All of them have
the one body core.errors.ErrorOut. An operation that declares one of these itself keeps its own description.

Integer path parameters are documented as non-negative: Django's `int` path converter rejects a minus sign before
the API sees the request, and database ids are positive anyway.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from .errors import ErrorOut

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def document_api_wide_responses(schema: dict[str, Any]) -> dict[str, Any]:
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorOut", ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}"))
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            if operation.get("requestBody"):
                responses.setdefault("400", _error("Bad Request"))
            if operation.get("security"):
                responses.setdefault("401", _error("Unauthorized"))
                responses.setdefault("403", _error("Forbidden"))
            if parameters or operation.get("requestBody"):
                responses.setdefault("422", _error("Unprocessable Entity"))
            if any(p.get("in") == "path" for p in parameters):
                responses.setdefault("404", _error("Not Found"))
            for parameter in parameters:
                if parameter.get("in") == "path" and parameter.get("schema", {}).get("type") == "integer":
                    parameter["schema"].setdefault("minimum", 0)
    return schema


class DocumentedNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return document_api_wide_responses(super().get_openapi_schema(**kwargs))
