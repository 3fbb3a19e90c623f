"""The main pages, loaded with the demo data; `make screenshots` saves them to docs/screenshots/.

Without --screenshots these still run as smoke tests: each page loads cleanly and passes the basic checks.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from desabinaan.accounts.models import User
from desabinaan.people.models import Person
from desabinaan.web.demo import TEBAT_MONOK, demo_seed

from .helpers import assert_accessible_basics, assert_fits_phone


@pytest.fixture
def demo(regions):
    demo_seed()
    return {user.username: user for user in User.objects.all()}


def url_or_skip(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        pytest.skip(f"{name} does not exist yet")


def test_screenshots_home_and_login_on_a_phone(page, demo, screenshot):
    page.goto("/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    screenshot(page, "home")
    page.goto(reverse("accounts:login"))
    assert_accessible_basics(page)
    assert_fits_phone(page)
    screenshot(page, "login")


def test_screenshots_dashboard(desktop_page, page, demo, sign_in, screenshot):
    sign_in(desktop_page, demo["pimpasa.bengkulu"])
    desktop_page.goto("/beranda/")
    assert desktop_page.locator("main tr[data-village]").count() == 2
    assert_accessible_basics(desktop_page)
    screenshot(desktop_page, "dashboard")
    sign_in(page, demo["desa.tebatmonok"])
    page.goto("/beranda/")
    assert_fits_phone(page)
    screenshot(page, "dashboard-phone")


def test_screenshots_region_search(page, regions, screenshot):
    page.goto("/wilayah/?q=tebat+monok")
    assert TEBAT_MONOK in page.locator("main table").inner_text()
    assert_accessible_basics(page)
    assert_fits_phone(page)
    screenshot(page, "region-search")


def test_screenshots_people(desktop_page, page, demo, sign_in, screenshot):
    list_url = url_or_skip("people:list")
    person = Person.objects.filter(village_id=TEBAT_MONOK).order_by("name").first()
    sign_in(desktop_page, demo["kanim.bengkulu"])
    desktop_page.goto(list_url)
    assert person.name in desktop_page.locator("main").inner_text()
    assert_accessible_basics(desktop_page)
    screenshot(desktop_page, "person-list")
    desktop_page.goto(url_or_skip("people:detail", person.pk))
    assert person.name in desktop_page.locator("main").inner_text()
    assert_accessible_basics(desktop_page)
    screenshot(desktop_page, "person-detail")

    sign_in(page, demo["desa.tebatmonok"])
    page.goto(url_or_skip("people:create"))
    assert_accessible_basics(page)
    assert_fits_phone(page)
    widget = page.locator("[data-region-widget]").first
    search = widget.locator("input[type=search]")
    search.fill("")  # a liaison's form starts with their own village filled in
    search.press_sequentially("tebat", delay=20)
    widget.locator(f'[data-region-code="{TEBAT_MONOK}"]').wait_for()
    screenshot(page, "person-create")


# The phone-first layouts next to the desktop ones: (file name, demo user or None, URL name, a function giving the
# URL's arguments from the demo data). Saved as phone-<name>.png (360 px) and desktop-<name>.png (1280 px).
def _person_pk():
    return (Person.objects.filter(village_id=TEBAT_MONOK).order_by("pk").first().pk,)


def _desa_binaan_pk():
    from desabinaan.program.models import DesaBinaan

    return (DesaBinaan.objects.get(village_id=TEBAT_MONOK).pk,)


def _event_pk():
    from desabinaan.events.models import Event

    return (Event.objects.filter(village_id=TEBAT_MONOK).order_by("starts_at").first().pk,)


LAYOUTS = [
    ("home", None, "web:home", None),
    ("directory", None, "program:directory", None),
    ("statistics", None, "public_stats:index", None),
    ("report-form", None, "report:new", None),
    ("liaison-home", "desa.tebatmonok", "web:dashboard", None),
    ("consent-table", "desa.tebatmonok", "people:detail", _person_pk),
    ("inbox", "kanim.bengkulu", "web:dashboard", None),
    ("person-list", "kanim.bengkulu", "people:list", None),
    ("activities", "kanim.bengkulu", "program:detail", _desa_binaan_pk),
    ("events", "kanim.bengkulu", "events:list", None),
    ("attendance-list", "kanim.bengkulu", "events:attendance", _event_pk),
    ("referrals", "kanim.bengkulu", "protection:referrals", None),
    ("public-reports", "kanim.bengkulu", "protection:reports", None),
    ("program-dashboard", "kanim.bengkulu", "stats:dashboard", None),
]


def test_screenshots_phone_and_desktop_layouts(page, desktop_page, demo, sign_in, screenshot):
    signed_in_as = "nobody yet"
    for name, username, url_name, args in LAYOUTS:
        if username != signed_in_as:
            for p in (page, desktop_page):
                p.context.clear_cookies()
                if username:
                    sign_in(p, demo[username])
            signed_in_as = username
        url = reverse(url_name, args=args() if args else ())
        for p, size in ((page, "phone"), (desktop_page, "desktop")):
            response = p.goto(url)
            assert response.status == 200, f"{name}: {url} answered {response.status}"
            assert_accessible_basics(p)
            screenshot(p, f"{size}-{name}")
        assert_fits_phone(page)
