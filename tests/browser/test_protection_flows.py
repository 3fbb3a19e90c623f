"""Protection in a browser: screening → postponement → referral → the village follows up → outcome recorded;
and an anonymous report answered by an officer and read back with the receipt code and passphrase."""

import datetime as dt

from desabinaan.people.models import Person
from desabinaan.protection.models import Referral, Report

from .helpers import assert_accessible_basics, assert_fits_phone


def _applicant(world):
    return Person.objects.create(
        name="Wati Sintetis",
        name_key="wati sintetis",
        sex="F",
        birth_date=dt.date(2000, 5, 1),
        birth_year=2000,
        village=world.tebat_monok,
    )


def test_screening_postponement_referral_and_the_villages_follow_up(
    page, world, sign_in, browser, live_server
):
    _applicant(world)
    sign_in(page, world.fajar)

    # The officer finds the applicant in the registry and opens a screening.
    page.goto("/perlindungan/skrining/baru/")
    assert_accessible_basics(page)
    page.locator("input[name=q]").fill("Wati")
    page.get_by_role("button", name="Cari").click()
    page.locator("[data-testid=pick-person]").first.click()
    assert_accessible_basics(page)
    page.locator("select[name=purpose]").select_option("tourism")
    page.locator("input[name=destination_country]").fill("Malaysia")
    page.locator("input[name=sponsor_name]").fill("Pak Sponsor")
    # The form comes in steps (one per indicator group) and ends with a summary before saving.
    while not page.locator("[data-testid=summary]").count():
        if page.locator("input[type=radio][name=a_work_behind_visit_purpose]").count():
            page.locator("input[name=a_work_behind_visit_purpose][value=yes]").check()
            page.locator("input[name=e_work_behind_visit_purpose]").fill(
                "Membawa surat tawaran kerja restoran"
            )
        if page.locator("input[type=radio][name=a_work_without_disnaker]").count():
            page.locator("input[name=a_work_without_disnaker][value=yes]").check()
        page.get_by_role("button", name="Lanjut").click()
    page.get_by_role("button", name="Simpan skrining").click()
    page.wait_for_url("**/perlindungan/skrining/*/")
    assert page.locator("[data-testid=advisory-level]").inner_text() == "Tinggi"
    breakdown = page.locator("[data-testid=breakdown]").inner_text()
    assert "tanda akan bekerja" in breakdown and "+4 poin" in breakdown
    assert "work_behind_visit_purpose" not in breakdown, "the breakdown shows labels, not codes"
    screening_url = page.url

    # Postpone pending the Disnaker recommendation.
    page.get_by_role("link", name="Putuskan").click()
    assert_accessible_basics(page)
    page.locator("input[name=kind][value=postpone]").check()
    page.locator("textarea[name=rationale]").fill("Akan bekerja; rekomendasi Disnaker belum ada")
    page.locator("textarea[name=pending_documents]").fill("Rekomendasi paspor dari Disnaker")
    page.get_by_role("button", name="Tandatangani keputusan").click()
    page.wait_for_url(screening_url)
    assert "Tunda sampai dokumen dilengkapi" in page.locator("[data-testid=decisions]").inner_text()

    # Refer back to the home village for a follow-up visit.
    page.get_by_role("link", name="Rujuk").click()
    assert page.locator("input[name=to_village]").is_checked()
    page.locator("select[name=action]").select_option("education")
    page.locator("textarea[name=reason]").fill("Mohon edukasi jalur prosedural kepada keluarga")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(screening_url)
    referral = Referral.objects.get()

    # The village liaison sees the follow-up, not the interview, and records the outcome.
    page.context.clear_cookies()
    sign_in(page, world.budi)
    page.goto("/perlindungan/rujukan/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    page.locator("[data-testid=referral-row] a").first.click()
    page.wait_for_url(f"**/perlindungan/rujukan/{referral.pk}/")
    main = page.locator("main").inner_text()
    assert "Wati Sintetis" in main
    assert "Mohon edukasi jalur prosedural" in main
    assert "surat tawaran kerja restoran" not in main and "Tinggi" not in main
    page.locator("select[name=status]").select_option("closed")
    page.locator("select[name=outcome]").select_option("procedural")
    page.locator("textarea[name=outcome_note]").fill("Keluarga mengurus rekom Disnaker")
    page.get_by_role("button", name="Simpan status").click()
    page.wait_for_url(f"**/perlindungan/rujukan/{referral.pk}/")
    assert (
        page.locator("[data-testid=outcome]").inner_text().startswith("Melanjutkan melalui jalur prosedural")
    )

    # The officer sees the closed loop on the screening.
    page.context.clear_cookies()
    sign_in(page, world.fajar)
    page.goto(screening_url)
    assert "Melanjutkan melalui jalur prosedural" in page.locator("main").inner_text()


def test_an_anonymous_report_is_answered_and_read_back(
    page, world, sign_in, browser, live_server, desktop_context
):
    # The reporter: no account, no contact details.
    page.goto("/lapor/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    page.locator("select[name=category]").select_option("recruiter")
    page.locator("textarea[name=description]").fill(
        "Sponsor menawarkan kerja di Kamboja dan meminta uang 10 juta"
    )
    widget = page.locator("[data-region-widget]").first
    widget.locator("input[type=search]").press_sequentially(world.tebat_monok.code, delay=10)
    widget.locator(f'[data-region-code="{world.tebat_monok.code}"]').click()
    page.locator("input[name=involved_0_name]").fill("Pak Sponsor")
    page.locator("input[name=involved_0_phone]").fill("0812 7777 6666")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**/lapor/tanda-terima/")
    assert_fits_phone(page)
    code = page.locator("[data-testid=receipt-code]").inner_text().strip()
    token = page.locator("[data-testid=passphrase]")
    passphrase = token.inner_text().strip()
    assert code.startswith("LPR-") and len(passphrase) >= 20
    # The passphrase stays one unbroken line inside the phone's screen.
    box = token.bounding_box()
    line = token.evaluate(
        "e => parseFloat(getComputedStyle(e).lineHeight) || e.getBoundingClientRect().height"
    )
    assert box is not None and box["height"] < 1.6 * line and box["x"] + box["width"] <= 360
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh sebagai berkas teks").click()
    assert passphrase in download.value.path().read_text()
    # A reload shows no secret again and files no second report.
    page.reload()
    assert page.locator("[data-testid=receipt-already-shown]").is_visible()
    assert Report.objects.count() == 1
    report = Report.objects.get(receipt_code=code)
    assert report.kanim == world.kanim_bkl

    # An officer of the Kanim serving the village replies.
    officer = desktop_context.new_page()
    sign_in(officer, world.fajar)
    officer.goto("/perlindungan/laporan/")
    officer.get_by_role("link", name=code).click()
    assert_accessible_basics(officer)
    officer.locator("textarea[name=r-body]").fill("Terima kasih. Tim kami sedang menelusuri sponsor ini.")
    officer.get_by_role("button", name="Kirim balasan").click()
    officer.wait_for_url(f"**/perlindungan/laporan/{report.pk}/")

    # The reporter comes back with the code and passphrase and reads the reply.
    page.goto("/lapor/status/")
    assert_accessible_basics(page)
    page.locator("input[name=receipt_code]").fill(code)
    page.locator("input[name=passphrase]").fill(passphrase)
    page.get_by_role("button", name="Lihat status").click()
    assert "sedang menelusuri sponsor ini" in page.locator("[data-testid=messages]").inner_text()

    # A wrong passphrase reveals nothing.
    page.goto("/lapor/status/")
    page.locator("input[name=receipt_code]").fill(code)
    page.locator("input[name=passphrase]").fill("tebak-tebak-saja")
    page.get_by_role("button", name="Lihat status").click()
    assert page.locator("[data-testid=status-error]").is_visible()
    text = page.locator("main").inner_text()
    assert "menelusuri" not in text and "Ditelaah" not in text

    # Repeated guesses are throttled: after five failures even the right passphrase is turned away for a while.
    for _ in range(4):
        page.locator("input[name=receipt_code]").fill(code)
        page.locator("input[name=passphrase]").fill("tebak-lagi")
        page.get_by_role("button", name="Lihat status").click()
    page.locator("input[name=receipt_code]").fill(code)
    page.locator("input[name=passphrase]").fill(passphrase)
    page.get_by_role("button", name="Lihat status").click()
    assert page.locator("[data-testid=status-error]").get_attribute("data-throttled") == "1"
    assert "menelusuri" not in page.locator("main").inner_text()
