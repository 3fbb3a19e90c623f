"""The JSON API root: /api/v1/. Each app contributes a router from its api.py."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

from desabinaan.accounts.api import router as accounts_router
from desabinaan.accounts.api_auth import api_auth
from desabinaan.core.errors import (
    FORBIDDEN,
    NOT_FOUND,
    NOT_JSON,
    Conflict,
    conflict_body,
    error_body,
    schema_error_body,
    validation_error_body,
)
from desabinaan.core.openapi import DocumentedNinjaAPI
from desabinaan.events.api import router as events_router
from desabinaan.offices.api import router as offices_router
from desabinaan.passport.api import collective_router, readiness_router
from desabinaan.passport.api import router as passport_router
from desabinaan.people.api import router as people_router
from desabinaan.privacy.api import router as privacy_router
from desabinaan.program.api import router as program_router
from desabinaan.protection.api import router as protection_router
from desabinaan.regions.api import router as regions_router
from desabinaan.stats.api import router as stats_router
from desabinaan.web.api import router as me_router

api = DocumentedNinjaAPI(
    title="Desa Binaan Imigrasi API",
    version="1",
    description=str(
        _("API sistem informasi Desa Binaan Imigrasi. Autentikasi: sesi peramban atau token Bearer.")
    ),
    urls_namespace="api",
    auth=api_auth,
    docs_url="/docs",
    openapi_url="/openapi.json",
)

api.add_router("/regions", regions_router)
api.add_router("/people", people_router)
api.add_router("/accounts", accounts_router)
api.add_router("/passport", passport_router)
api.add_router("/readiness-checks", readiness_router)
api.add_router("/collective-requests", collective_router)
api.add_router("/offices", offices_router)
api.add_router("/desa-binaan", program_router)
api.add_router("/events", events_router)
api.add_router("/stats", stats_router)
api.add_router("/me", me_router)
# Protection owns several top-level paths (/screening, /screenings, /referrals, /reports, /agencies): one router
# mounted at the root keeps the contract paths without five routers.
api.add_router("", protection_router)
# Privacy's paths span two resources (/people/{id}/requests, /data-requests): mounted at the root like protection.
api.add_router("", privacy_router)


UNAUTHORIZED = _("Autentikasi diperlukan.")

# The API's errors, all with the body core.errors.ErrorOut. ninja picks the handler of the nearest class in the
# exception's MRO, so AuthenticationError (an HttpError) keeps its own message and Http404 its own status.


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(request, error_body(UNAUTHORIZED), status=401)


@api.exception_handler(HttpError)
def http_error(request, exc):
    """Refusals decided in an endpoint (429 from the rate limits) and ninja's own (400: the body is not JSON)."""
    # ninja's parser raises HttpError(400) with an English message (and the parser's error under DEBUG).
    detail = NOT_JSON if exc.status_code == 400 else exc.message
    return api.create_response(request, error_body(detail), status=exc.status_code)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, error_body(str(exc) or FORBIDDEN), status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    # Selectors raise a bare Http404 for "absent or outside your scope"; a message given on purpose is kept.
    return api.create_response(request, error_body(str(exc) or NOT_FOUND), status=404)


@api.exception_handler(ObjectDoesNotExist)
def does_not_exist(request, exc):
    # Django's own message names the model in English; the caller gets the same answer as for Http404.
    return api.create_response(request, error_body(NOT_FOUND), status=404)


@api.exception_handler(Conflict)
def conflict(request, exc):
    return api.create_response(request, conflict_body(exc), status=409)


@api.exception_handler(DjangoValidationError)
def invalid(request, exc):
    return api.create_response(request, validation_error_body(exc), status=422)


@api.exception_handler(ValidationError)
def schema_invalid(request, exc):
    """A request that does not match the operation's schema: the first problem, in the same shape."""
    return api.create_response(request, schema_error_body(exc.errors), status=422)
