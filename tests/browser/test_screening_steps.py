"""A high-risk screening through the steps (phone size) to a summary, then to a decision page that summarises the
applicant and preselects nothing (issue 14)."""

import datetime as dt

import pytest

from desabinaan.people.models import Person

from .helpers import assert_accessible_basics, assert_fits_phone
from .test_accessibility import AXE, _violations


@pytest.fixture(scope="module")
def axe_js() -> str:
    return AXE.read_text()


def test_a_high_risk_screening_through_the_steps_to_a_decision_with_nothing_preselected(
    page, world, sign_in, live_server, axe_js
):
    person = Person.objects.create(
        name="Tari Sintetis",
        name_key="tari sintetis",
        sex="F",
        birth_date=dt.date(1998, 3, 1),
        birth_year=1998,
        village=world.tebat_monok,
    )
    sign_in(page, world.fajar)
    page.goto(f"/perlindungan/skrining/baru/?person={person.pk}")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    assert "Langkah 1 dari" in page.locator("[data-testid=step-title]").inner_text()
    page.locator("select[name=purpose]").select_option("tourism")
    page.locator("input[name=destination_country]").fill("Kamboja")
    page.get_by_role("button", name="Lanjut").click()

    # Process, means, purpose of exploitation… one step each; the answers of earlier steps travel along.
    page.locator("input[name=a_recruited_by_broker][value=yes]").check()
    page.get_by_role("button", name="Lanjut").click()
    page.locator("input[name=a_upfront_money_or_debt][value=yes]").check()
    page.get_by_role("button", name="Lanjut").click()
    page.locator("input[name=a_online_scam_job][value=yes]").check()
    page.locator("input[name=e_online_scam_job]").fill("Ditawari jadi operator daring")
    while not page.locator("[data-testid=summary]").count():
        assert_fits_phone(page)
        page.get_by_role("button", name="Lanjut").click()

    summary = page.locator("[data-testid=summary]").inner_text()
    assert "Ditawari kerja daring" in summary and "Ditawari jadi operator daring" in summary
    assert "online_scam_job" not in summary and "+4" in summary
    assert "Tinggi" in summary
    assert_accessible_basics(page)
    assert _violations(page, axe_js) == []
    page.get_by_role("button", name="Simpan skrining").click()
    page.wait_for_url("**/perlindungan/skrining/*/")
    assert page.locator("[data-testid=advisory-level]").first.inner_text() == "Tinggi"

    page.get_by_role("link", name="Putuskan").click()
    assert_accessible_basics(page)
    assert_fits_phone(page)
    summary = page.locator("[data-testid=applicant-summary]").inner_text()
    assert "Kamboja" in summary and "Wisata" in summary
    assert "Keluarga menerima uang di muka" in summary and "upfront_money_or_debt" not in summary
    assert _violations(page, axe_js) == []
    kinds = page.locator("input[name=kind]")
    assert kinds.count() == 5
    assert not any(kinds.nth(i).is_checked() for i in range(kinds.count())), "nothing is preselected"
    # Submitting without choosing keeps the officer on the page; choosing and explaining signs the decision.
    page.locator("textarea[name=rationale]").fill("Indikasi penipuan daring; dirujuk")
    page.get_by_role("button", name="Tandatangani keputusan").click()
    assert page.locator("input[name=kind]").count() == 5
    page.locator("input[name=kind][value=refer]").check()
    page.get_by_role("button", name="Tandatangani keputusan").click()
    page.wait_for_url("**/perlindungan/skrining/*/")
    assert "Rujuk" in page.locator("[data-testid=decisions]").inner_text()


def test_the_report_page_shows_the_help_lines_and_says_it_is_not_a_police_report(
    page, world, live_server, axe_js
):
    page.goto("/lapor/")
    assert "Ini bukan laporan polisi." in page.locator("[data-testid=not-police-report]").inner_text()
    lines = page.locator("[data-testid=help-lines]")
    assert lines.get_by_role("link", name="110").get_attribute("href") == "tel:110"
    assert (
        lines.get_by_role("link", name="08111-129-129").get_attribute("href") == "https://wa.me/628111129129"
    )
    assert_fits_phone(page)
    assert _violations(page, axe_js) == []
