"""The main pages of the site, by URL name: the registry the accessibility, header and page-budget tests walk.

Add a page here when a capability adds one worth guarding. A page whose URL name does not exist (an app not built
yet) or whose object is missing from the demo data is left out at run time, so this list never breaks a run.
Public pages are also discovered by walking the URL resolver (`discover_public_pages`); this registry adds the
pages that need arguments, a query or a signed-in user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

# Demo accounts (desabinaan.web.demo.ACCOUNTS) seen through the pages.
OFFICER = "kanim.bengkulu"
LIAISON = "desa.tebatmonok"
ADMIN = "admin"

PASSPORT_RESULT = {
    "purpose": "work",
    "case": "new",
    "birth_date": "1998-03-14",
    "electronic": "1",
    "validity_years": "10",
}


def _first_person() -> tuple | None:
    from desabinaan.people.models import Person
    from desabinaan.web.demo import TEBAT_MONOK

    pk = Person.objects.filter(village_id=TEBAT_MONOK).order_by("pk").values_list("pk", flat=True).first()
    return (pk,) if pk else None


def _first_desa_binaan() -> tuple | None:
    from desabinaan.program.models import DesaBinaan
    from desabinaan.web.demo import TEBAT_MONOK

    pk = DesaBinaan.objects.filter(village_id=TEBAT_MONOK).values_list("pk", flat=True).first()
    return (pk,) if pk else None


@dataclass(frozen=True)
class MainPage:
    label: str
    url_name: str
    user: str | None = None  # a demo username; None: the page is public
    query: str = ""
    args: Callable[[], tuple | None] | None = None  # finds the object the page shows in the demo data

    @property
    def public(self) -> bool:
        return self.user is None

    def url(self) -> str | None:
        """The page's URL, or None when the page or its object does not exist (yet)."""
        args = ()
        if self.args is not None:
            found = self.args()
            if found is None:
                return None
            args = found
        try:
            path = reverse(self.url_name, args=args)
        except NoReverseMatch:
            return None
        return f"{path}?{self.query}" if self.query else path


MAIN_PAGES = [
    MainPage("home", "web:home"),
    MainPage("passport guide", "passport:guide"),
    MainPage("passport result", "passport:guide", query=urlencode(PASSPORT_RESULT)),
    MainPage("login", "accounts:login"),
    MainPage("region search", "regions:search", query="q=tebat"),
    MainPage("desa binaan directory", "program:directory"),
    MainPage("desa binaan faq", "program:faq"),
    MainPage("report", "report:new"),
    MainPage("report status", "report:status"),
    MainPage("agency check", "report:agency_check"),
    MainPage("learning", "events:learn"),
    MainPage("dashboard", "web:dashboard", user=OFFICER),
    MainPage("liaison home", "web:dashboard", user=LIAISON),
    MainPage("person list", "people:list", user=OFFICER),
    MainPage("person detail", "people:detail", user=OFFICER, args=_first_person),
    MainPage("person create", "people:create", user=LIAISON),
    MainPage("desa binaan list", "program:list", user=OFFICER),
    MainPage("desa binaan workspace", "program:detail", user=OFFICER, args=_first_desa_binaan),
    MainPage("events", "events:list", user=OFFICER),
    MainPage("event create", "events:create", user=OFFICER),
    MainPage("protection", "protection:index", user=OFFICER),
    MainPage("screening create", "protection:screening_new", user=OFFICER),
    MainPage("public reports", "protection:reports", user=OFFICER),
    MainPage("report triage", "protection:report_triage", user=ADMIN),
    MainPage("passport readiness", "passport:readiness_list", user=OFFICER),
    MainPage("api tokens", "accounts:tokens", user=OFFICER),
    MainPage("program dashboard", "stats:dashboard", user=OFFICER),
    MainPage("official reports", "stats:reports", user=OFFICER),
    MainPage("public statistics", "public_stats:index"),
]


def main_pages(*, public: bool | None = None) -> list[tuple[MainPage, str]]:
    """(page, url) for each registered page that exists now; `public` filters public or signed-in pages."""
    found = []
    for page in MAIN_PAGES:
        if public is not None and page.public != public:
            continue
        url = page.url()
        if url is not None:
            found.append((page, url))
    return found


# Prefixes that are not pages: the JSON API, the admin (Django's own), the language switch, the health check.
NOT_PAGES = ("api/", "admin/", "i18n/", "healthz")


def _routes(patterns, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def all_routes() -> list[tuple[str, URLPattern]]:
    """Every (route, pattern) of the URL configuration, e.g. ("orang/<int:pk>/", <URLPattern ...>)."""
    return list(_routes(get_resolver().url_patterns))


def discover_public_pages(client: Client) -> list[str]:
    """Every URL without arguments that answers an anonymous GET with an HTML page (200)."""
    found = []
    for route, pattern in all_routes():
        if route.startswith(NOT_PAGES) or pattern.pattern.converters or "(?P<" in route:
            continue
        url = "/" + route
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            found.append(url)
    return found
