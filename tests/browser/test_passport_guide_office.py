"""The passport guide asks where the applicant lives and offers only what that office issues today.

Kanim Bengkulu, which serves Kabupaten Kepahiang (Desa Tebat Monok), issues only electronic passports since
1 March 2025 (Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024; the office's announcement). Fee from PP 45/2024,
Lampiran: electronic passport, 10 years, Rp950,000 (docs/rules.md §2).
"""

from playwright.sync_api import expect

from .helpers import assert_accessible_basics, assert_fits_phone
from .test_accessibility import AXE, _violations

TEBAT_MONOK = "17.08.04.2002"


def test_a_tebat_monok_villager_is_offered_only_electronic_passports_and_their_fee(page, world):
    page.goto("/paspor/")
    page.locator("#id_village").fill("Tebat Monok")
    page.locator(f"[data-region-code='{TEBAT_MONOK}']").first.click()
    page.get_by_role("button", name="Tampilkan jenis paspor di kantor ini").click()
    page.wait_for_load_state()
    assert_accessible_basics(page)
    assert_fits_phone(page)
    assert _violations(page, AXE.read_text()) == []

    # The office serving the village is filled in; only the electronic passport can be chosen, already chosen.
    office = page.locator("#id_office option:checked")
    expect(office).to_have_text("Kantor Imigrasi Kelas I TPI Bengkulu")
    products = page.locator("input[name=product]")
    expect(products).to_have_count(1)
    expect(products.first).to_have_value("epassport")
    expect(products.first).to_be_checked()
    assert "non-elektronik" not in page.locator("form.passport-form").inner_text()

    page.locator("input[name=purpose][value=tourism]").check()
    page.locator("input[name=case][value=new]").check()
    page.locator("input[name=birth_date]").fill("1990-01-01")
    page.locator("input[name=validity_years][value='10']").check()
    page.get_by_role("button", name="Lihat panduan").click()
    page.wait_for_url("**/paspor/?*#hasil")

    result = page.locator("#hasil")
    expect(result.get_by_test_id("guide-office")).to_have_text("Kantor Imigrasi Kelas I TPI Bengkulu")
    expect(result.get_by_test_id("guide-product")).to_have_text("Paspor elektronik (e-paspor)")
    text = result.inner_text()
    assert "Paspor elektronik, 10 tahun" in text and "Rp950.000" in text
    assert "non-elektronik" not in text.split("Langkah")[0]
    # Officers' flags and curation notes never reach the public.
    expect(result.get_by_test_id("officer-notes")).to_have_count(0)
    assert_fits_phone(page)
    assert _violations(page, AXE.read_text()) == []
