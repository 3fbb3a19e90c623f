"""What anyone can do without an account: read the program page, find the login, search regions."""

from tests.personas import TEBAT_MONOK

from .helpers import assert_accessible_basics, assert_fits_phone


def test_anonymous_visitor_reads_the_home_page_on_a_phone_and_finds_the_login(page, db):
    page.goto("/")
    assert page.locator("h1").first.inner_text() == "Desa Binaan Imigrasi"
    assert "PIMPASA" in page.locator("main").inner_text()
    assert_accessible_basics(page)
    assert_fits_phone(page)

    page.locator("main").get_by_role("link", name="Masuk", exact=True).click()
    page.wait_for_url("**/akun/masuk/")
    assert page.locator("input[name=username]").is_visible()
    assert page.locator("input[name=password]").is_visible()
    assert_accessible_basics(page)
    assert_fits_phone(page)


def test_region_search_finds_tebat_monok(page, regions):
    page.goto("/wilayah/")
    assert_accessible_basics(page)
    page.get_by_label("Nama atau kode wilayah").fill("tebat monok")
    page.locator("main form[role=search] button[type=submit]").click()
    page.wait_for_url("**/wilayah/?q=tebat+monok")
    row = page.locator("main table tbody tr").first
    assert TEBAT_MONOK in row.inner_text()
    assert "Kepahiang" in row.inner_text()
    assert page.locator("main table tbody tr").count() == 1
    assert_fits_phone(page)
