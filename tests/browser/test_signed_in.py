"""Flows of signed-in users: logging in through the real form, the dashboard, the village autocomplete."""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.personas import PASSWORD, TEBAT_MONOK

from .helpers import assert_accessible_basics, assert_fits_phone


def test_a_liaison_logs_in_and_sees_only_his_village(page, world):
    # budi is a village liaison: no two-factor step, straight from the password to the dashboard.
    page.goto("/beranda/")
    page.wait_for_url("**/akun/masuk/?next=/beranda/")
    page.locator("input[name=username]").fill("budi")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form:has(input[name=password]) button[type=submit]").first.click()
    page.wait_for_url("**/beranda/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    rows = page.locator("main tr[data-village]")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-village") == TEBAT_MONOK
    assert "Tebat Monok" in rows.first.inner_text()
    assert world.other_village.name not in page.locator("main").inner_text()


def test_a_wrong_password_keeps_the_user_on_the_login_page(page, world):
    page.goto("/akun/masuk/")
    page.locator("input[name=username]").fill("budi")
    page.locator("input[name=password]").fill("bukan-sandinya")
    page.locator("main form:has(input[name=password]) button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "/akun/masuk/" in page.url
    assert page.locator("main .errorlist").count() >= 1


def test_the_village_autocomplete_fills_the_hidden_code(page, world, sign_in):
    try:
        url = reverse("people:create")
    except NoReverseMatch:
        pytest.skip("the person create form (people:create) does not exist yet")
    sign_in(page, world.fajar)
    page.goto(url)
    assert_accessible_basics(page)
    widget = page.locator("[data-region-widget]").first
    search = widget.locator("input[type=search]")
    search.fill("")  # a liaison's form starts with their own village filled in
    search.press_sequentially("tebat", delay=20)
    option = widget.locator(f'[data-region-code="{TEBAT_MONOK}"]')
    option.wait_for()
    assert "Tebat Monok" in option.inner_text()
    option.click()
    assert widget.locator("input[type=hidden]").input_value() == TEBAT_MONOK
    assert widget.locator("input[type=search]").input_value().startswith("Tebat Monok, Kec. Kepahiang")
    assert widget.locator("[data-region-results] li").count() == 0
