"""The JSON API root: /api/v1/. Each app contributes a router from its api.py."""

from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError, ValidationError

from desabinaan.accounts.api import router as accounts_router
from desabinaan.accounts.api_auth import api_auth
from desabinaan.core.openapi import DocumentedNinjaAPI
from desabinaan.events.api import router as events_router
from desabinaan.offices.api import router as offices_router
from desabinaan.passport.api import collective_router, readiness_router
from desabinaan.passport.api import router as passport_router
from desabinaan.people.api import router as people_router
from desabinaan.program.api import router as program_router
from desabinaan.protection.api import router as protection_router
from desabinaan.regions.api import router as regions_router
from desabinaan.stats.api import router as stats_router

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
# Protection owns several top-level paths (/screening, /screenings, /referrals, /reports, /agencies): one router
# mounted at the root keeps the contract paths without five routers.
api.add_router("", protection_router)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(request, {"detail": str(_("Autentikasi diperlukan."))}, status=401)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(
        request, {"detail": str(_("Data tidak valid.")), "errors": exc.errors}, status=422
    )
