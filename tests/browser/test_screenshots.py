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
