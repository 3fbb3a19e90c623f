"""The health check, and small helpers shared by the pages of every app."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from .errors import Conflict

# Checks that apps above core plug in at start-up (people: the NIK key canary): name → "ok" or the problem.
HEALTH_CHECKS: dict[str, Callable[[], str]] = {}


def health_check_add(name: str, check: Callable[[], str]) -> None:
    HEALTH_CHECKS[name] = check


@never_cache
def healthz(request):
    """Liveness, database reachability and each plugged-in check, for load balancers and monitors.

    Keep every check to about one query: monitors call this often.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    body = {"status": "ok", "database": "ok"}
    for name, check in HEALTH_CHECKS.items():
        body[name] = check()
        if body[name] != "ok":
            body["status"] = "error"
    return JsonResponse(body, status=200 if body["status"] == "ok" else 503)


def query_without_page(request) -> str:
    """The request's query string without `page`: what includes/pager.html keeps on its links (the filters)."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def require(allowed: bool) -> None:
    """403 unless `allowed`: the permission check in the middle of a view."""
    if not allowed:
        raise PermissionDenied


def page_for(can_see):
    """Decorator for an app's pages: sign-in first (login redirect), then 403 unless `can_see(user)`."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require(can_see(request.user))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def add_service_errors(form, error: ValidationError | Conflict) -> None:
    """Put a service's ValidationError or Conflict on the form: field errors on their fields, the rest on top.

    A Conflict is about the record's state (a stale version is a hidden field), so it always goes on top.
    """
    if isinstance(error, Conflict):
        form.add_error(None, str(error))
    elif hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def not_found(request, exception=None):
    """404 as JSON under /api/ (integrators parse it), the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(_("Tidak ditemukan."))}, status=404)
    return page_not_found(request, exception)
