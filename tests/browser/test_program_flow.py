"""The desa binaan lifecycle in a browser: propose, designate with an SK PDF, staff it, and the liaison's first entry."""

import io
from pathlib import Path

from pypdf import PdfReader

from desabinaan.program.tests.conftest import make_pdf

from .helpers import assert_accessible_basics, assert_fits_phone

SK_NUMBER = "W.8.IMI.IMI.1-UJI-77/2025"


def test_an_officer_fosters_a_village_and_its_liaison_starts_work(page, world, sign_in, live_server):
    village = world.kota_bengkulu_village
    sign_in(page, world.fajar)

    # Proposal: the village through the autocomplete, one criterion with its evidence.
    page.goto("/desa-binaan/usulan/baru/")
    assert_accessible_basics(page)
    widget = page.locator("[data-region-widget]").first
    widget.locator("input[type=search]").press_sequentially(village.code, delay=10)
    widget.locator(f'[data-region-code="{village.code}"]').click()
    page.locator("input[name=c_kantong_pmi]").check()
    page.locator("textarea[name=e_kantong_pmi]").fill("Data desa: 40 warga bekerja di Malaysia")
    page.get_by_role("button", name="Simpan usulan").click()
    page.wait_for_url("**/desa-binaan/*/")
    assert page.locator("[data-testid=status]").inner_text() == "diusulkan"
    workspace = page.url

    # Designation with the signed SK.
    page.get_by_role("link", name="Ubah status").click()
    assert_accessible_basics(page)
    page.locator("select[name=to]").select_option("designated")
    page.locator("textarea[name=reason]").fill("SK kepala kantor telah ditandatangani")
    page.locator("input[name=sk_number]").fill(SK_NUMBER)
    page.locator("input[name=sk_date]").fill("2025-03-10")
    page.locator("input[name=sk_file]").set_input_files(
        files=[{"name": "sk.pdf", "mimeType": "application/pdf", "buffer": make_pdf(SK_NUMBER)}]
    )
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(workspace)
    assert page.locator("[data-testid=status]").inner_text() == "ditetapkan"
    assert SK_NUMBER in page.locator("main").inner_text()

    # PIMPASA.
    page.get_by_role("link", name="Tugaskan PIMPASA").click()
    page.locator("select[name=officer]").select_option(label="Fajar")
    page.locator("input[name=decree_number]").fill("SINTETIS/PIMPASA/2025")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(workspace)

    # Liaison account, with the one-time password shown once.
    page.get_by_role("link", name="Buat akun perangkat desa / kader").click()
    assert_accessible_basics(page)
    page.locator("input[name=username]").fill("kasi.pagardewa")
    page.locator("input[name=first_name]").fill("Kasi")
    page.get_by_role("button", name="Simpan").click()
    password = page.locator("[data-testid=initial-password]").inner_text().strip()
    assert len(password) >= 12

    # The certificate downloads and names the SK.
    page.goto(workspace)
    with page.expect_download() as download:
        page.locator("[data-testid=certificate]").click()
    content = Path(download.value.path()).read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert SK_NUMBER in text
    assert village.name in text

    # The liaison logs in through the real form and sees only their village.
    page.context.clear_cookies()
    page.goto("/akun/masuk/")
    page.locator("input[name=username]").fill("kasi.pagardewa")
    page.locator("input[name=password]").fill(password)
    page.locator("main form:has(input[name=password]) button[type=submit]").first.click()
    page.wait_for_url("**/beranda/")
    page.goto("/desa-binaan/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    rows = page.locator("main tbody tr")
    assert rows.count() == 1
    assert village.name in rows.first.inner_text()
    assert world.tebat_monok.name not in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Usulkan desa").count() == 0

    rows.first.get_by_role("link").first.click()
    assert page.get_by_role("link", name="Ubah status").count() == 0
    page.get_by_role("link", name="Catat kegiatan").click()
    assert_accessible_basics(page)
    page.locator("select[name=kind]").select_option("counselling")
    page.locator("input[name=place]").fill("Balai kelurahan")
    page.locator("input[name=participants]").fill("35")
    page.locator("textarea[name=notes]").fill("Penyuluhan bahaya calo PMI")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(workspace)
    activities = page.locator("[data-testid=activities]").inner_text()
    assert "Balai kelurahan" in activities and "penyuluhan" in activities

    # Another village stays out of reach (asked without navigating, so the 404 is not a console error).
    other = page.request.get(f"{live_server.url}/desa-binaan/{world.tebat_monok.desa_binaan.pk}/")
    assert other.status == 404
