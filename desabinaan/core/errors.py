"""The one conflict exception every service raises, and the one body every API error answers with.

Services raise domain exceptions: PermissionDenied, Http404 (or a model's DoesNotExist), `Conflict`, Django's
ValidationError. The handlers registered once in desabinaan/api.py turn them into 403, 404, 409 and 422 with the
body `ErrorOut` ({detail, field, code}); the functions below build that body.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _
from ninja import Schema

NOT_FOUND = _("Tidak ditemukan.")
FORBIDDEN = _("Anda tidak berwenang melakukan tindakan ini.")
INVALID = _("Data tidak valid.")
NOT_JSON = _("Isi permintaan bukan JSON yang sah.")
FIELD_INVALID = _("Isian %(field)s tidak valid.")
FIELD_MISSING = _("Isian %(field)s wajib diisi.")

# Where ninja found a request value: the first item of an error's `loc`, then the parameter name.
_SOURCES = frozenset({"body", "query", "path", "header", "cookie", "form", "file"})


class Conflict(Exception):
    """A well-formed request that clashes with the current state: a stale version, a refused transition (409)."""

    def __init__(self, message: Any, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return str(self.message)


class ErrorOut(Schema):
    """The body of every 4xx the API answers."""

    detail: str
    field: str | None = None
    code: str | None = None


def error_responses(*codes: int) -> dict[int, type[ErrorOut]]:
    """The errors an operation declares beyond the API-wide ones (core/openapi.py).

    `response={201: EventOut, **error_responses(404, 409)}`
    """
    return dict.fromkeys(codes, ErrorOut)


def error_body(detail: Any, *, field: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"detail": str(detail), "field": field, "code": code}


def field_invalid(field: str, message: Any, *, code: str | None = None) -> ValidationError:
    """A ValidationError about one request field, for an endpoint that checks a value before the service does."""
    return ValidationError({field: ValidationError(message, code=code)})


def validation_error_body(error: ValidationError) -> dict[str, Any]:
    """The first problem of a Django ValidationError: its message, its field and its code.

    A ValidationError built from a dict ({field: [errors]}) answers with the first field in insertion order (the
    order the service checked them); NON_FIELD_ERRORS ("__all__") becomes field null. A list or single message
    has no field. Params are interpolated, as Django does when it renders the message.
    """
    field: str | None = None
    errors: Sequence[ValidationError]
    if hasattr(error, "error_dict"):
        name, errors = next(iter(error.error_dict.items()))
        field = None if name == NON_FIELD_ERRORS else name
    else:
        errors = error.error_list
    first = errors[0]
    message = first.message % first.params if first.params else first.message
    return error_body(message, field=field, code=first.code)


def conflict_body(error: Conflict) -> dict[str, Any]:
    return error_body(error, field=error.field, code=error.code)


def _field_of(problem: Mapping[str, Any]) -> str | None:
    loc = [str(part) for part in problem.get("loc", ())]
    if loc and loc[0] in _SOURCES:
        loc = loc[1:]
    # Grouped parameters (a Schema named `payload` or `filters`) add their own name before the field's.
    if len(loc) > 1:
        loc = loc[1:]
    return ".".join(loc) or None


def schema_error_body(problems: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """ninja's request-validation errors (pydantic's list) as the first problem, in the same shape.

    pydantic's messages are English, so the detail names the field in Indonesian and `code` carries pydantic's
    error type (missing, string_too_long, …) for clients.
    """
    if not problems:
        return error_body(INVALID)
    first = problems[0]
    field = _field_of(first)
    code = first.get("type")
    if field is None:
        detail = str(INVALID)
    elif code == "missing":
        detail = str(FIELD_MISSING % {"field": field})
    else:
        detail = str(FIELD_INVALID % {"field": field})
    return error_body(detail, field=field, code=str(code) if code else None)
