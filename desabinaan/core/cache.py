"""Caches of public pages keyed on rule generations (issue 15).

A generation is a counter in core.Generation, one row per name in WATCHED. Any save or delete of a watched model
(the admin, a service, a data migration) bumps its counters inside the writer's transaction, so the next request in
any process, on any machine, reads the new generation and misses the cache: a rule change is visible at once.

`public_page` caches a whole rendered page for anonymous visitors only, keyed by generation values, language, date
and the path with its query sorted. Nothing per-user is stored: requests with a session or pending messages (signed in,
flash messages) bypass the cache, and the CSRF tokens of the stored page are replaced by a placeholder that every
answer fills with the visitor's own token. Core imports no app: the watched models are named by their labels.
"""

from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from .models import Generation

# generation name -> the model labels whose writes bump it.
WATCHED: dict[str, tuple[str, ...]] = {
    # The passport guide: its rules, the offices and working areas that answer for a village, the help lines.
    "passport_rules": (
        "passport.FeeSchedule",
        "passport.FeeItem",
        "passport.DocumentType",
        "passport.DocumentRequirement",
        "passport.PassportProduct",
        "passport.ValidityRule",
        "offices.Kanim",
        "offices.Kanwil",
        "offices.WorkingAreaAssignment",
        "regions.RegionImport",
        "protection.HelpLine",
    ),
    # The home page and the public directory: the fostered villages and their offices.
    "program_public": (
        "program.DesaBinaan",
        "offices.Kanim",
        "offices.Kanwil",
        "regions.RegionImport",
    ),
    # The public village search API: an import (RegionImport row) or an edit of a region.
    "regions": (
        "regions.RegionImport",
        "regions.Province",
        "regions.Regency",
        "regions.District",
        "regions.Village",
    ),
    # The public statistics page: bumped by each refresh of the rollups.
    "stats": ("stats.StatsState",),
}
_BY_LABEL: dict[str, tuple[str, ...]] = {}
for _name, _labels in WATCHED.items():
    for _label in _labels:
        _BY_LABEL[_label] = (*_BY_LABEL.get(_label, ()), _name)

PLACEHOLDER = "__csrf_token_placeholder__"
_TOKEN = re.compile(r'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{32,64})"')
TIMEOUT = 3600


def generations() -> dict[str, int]:
    """Every generation counter, in one query."""
    return dict(Generation.objects.values_list("name", "value"))


def bump(*names: str) -> None:
    """Increase the named counters (creating a missing one)."""
    for name in names:
        if not Generation.objects.filter(name=name).update(value=F("value") + 1):
            Generation.objects.get_or_create(name=name, defaults={"value": 1})


def _on_write(sender, **kwargs):
    if sender.__module__ == "__fake__":
        # A migration's historical model: core's table may not exist yet, and a deploy restarts the processes
        # (their caches start empty) anyway.
        return
    names = _BY_LABEL.get(sender._meta.label, ())
    if names:
        bump(*names)


def connect() -> None:
    """Called once by CoreConfig.ready: one receiver for every model, acting only on the watched labels."""
    post_save.connect(_on_write, dispatch_uid="core.cache.post_save")
    post_delete.connect(_on_write, dispatch_uid="core.cache.post_delete")


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def page_key(request, view_name: str, names: tuple[str, ...], gens: dict[str, int]) -> str:
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()[:32]
    parts = ":".join(f"{name}={gens.get(name, 0)}" for name in names)
    return (
        f"page:{view_name}:{parts}:{translation.get_language()}:{timezone.localdate().isoformat()}:{digest}"
    )


def _store(html: str) -> str:
    for token in set(_TOKEN.findall(html)):
        html = html.replace(token, PLACEHOLDER)
    return html


def public_page(*names: str):
    """Cache a public view's 200 answers for anonymous visitors, keyed on the named generations."""
    unknown = set(names) - set(WATCHED)
    if unknown:
        raise ValueError(f"unknown generations: {sorted(unknown)}")

    def decorator(view):
        view_name = f"{view.__module__}.{view.__qualname__}"

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            key = page_key(request, view_name, names, generations())
            html = cache.get(key)
            if html is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or getattr(response, "streaming", False):
                    return response
                if response.cookies or not response.get("Content-Type", "").startswith("text/html"):
                    return response
                content = response.content.decode(response.charset)
                cache.set(key, _store(content), TIMEOUT)
                return response
            response = HttpResponse(
                html.replace(PLACEHOLDER, get_token(request)) if PLACEHOLDER in html else html
            )
            response["X-Cache"] = "hit"
            return response

        return wrapped

    return decorator


def memo(name: str, key: str, compute, *, gens: dict[str, int] | None = None):
    """`compute()` once per value of generation `name` and `key` (in the process's cache)."""
    gen = (gens if gens is not None else generations()).get(name, 0)
    full = f"memo:{name}={gen}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    value = cache.get(full)
    if value is None:
        value = compute()
        cache.set(full, value, TIMEOUT)
    return value


__all__ = ["WATCHED", "bump", "connect", "generations", "memo", "public_page"]
