"""Passport flows in a browser: the public guide on a phone, a liaison's readiness check, a collective request."""

import datetime as dt
import importlib
import re

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from desabinaan.people.models import Consent
from tests.personas import PASSWORD

from .helpers import assert_accessible_basics, assert_fits_phone


@pytest.fixture
def passport_rules(world):
    """The default rules the passport data migrations load.

    Live-server tests run in transactional tests, whose database flush removes migration data; load it again.
    """
    from desabinaan.passport.models import FeeSchedule, MoratoriumRule

    if not FeeSchedule.objects.exists():
        importlib.import_module("desabinaan.passport.migrations.0002_fill_rules").fill(apps, None)
    if not MoratoriumRule.objects.exists():
        importlib.import_module("desabinaan.passport.migrations.0004_fill_route_rules").fill(apps, None)


def register(name, village, birth_date=dt.date(1996, 4, 12), sex="F"):
    from desabinaan.people.services import person_create

    person = person_create(
        actor=None, name=name, birth_date=birth_date, sex=sex, village=village, allow_probable_duplicates=True
    )
    # A readiness check asks for the passport-assistance consent first.
    Consent.objects.create(person=person, purpose="passport", lawful_basis="consent", given_at=timezone.now())
    return person


def test_the_public_guide_on_a_phone_gives_documents_fee_and_a_shareable_link(page, passport_rules):
    page.goto("/")
    # The home page leads with the guide and links it again lower down: either opens the same page.
    page.get_by_role("link", name="Panduan paspor: dokumen, biaya, dan langkah").first.click()
    page.wait_for_url("**/paspor/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    page.locator("input[name=purpose][value=tourism]").check()
    page.locator("input[name=case][value=new]").check()
    page.locator("input[name=birth_date]").fill("1990-01-01")
    page.locator("input[name=product][value=epassport]").check()
    page.locator("input[name=validity_years][value='10']").check()
    page.locator("input[name=on]").fill("2025-06-01")
    page.get_by_role("button", name="Lihat panduan").click()
    page.wait_for_url("**/paspor/?*#hasil")
    assert "birth_date" not in page.url and "1990-01-01" not in page.url
    # The result is the first thing seen on a phone: its heading inside the first screen, and focused.
    heading = page.locator("#hasil-judul")
    expect(heading).to_be_focused()
    box = heading.bounding_box()
    assert page.viewport_size == {"width": 360, "height": 740}
    # Scrolled to the heading: a sub-pixel offset (y = -0.016) is rounding, not a cut-off heading.
    assert box is not None and box["y"] >= -1 and box["y"] + box["height"] <= 740
    result = page.locator("#hasil")
    text = result.inner_text()
    assert "e-KTP (KTP elektronik) yang masih berlaku" in text
    assert "Kartu Keluarga (KK)" in text
    assert "Rp950.000" in text
    assert_fits_phone(page)

    share_url = result.locator("[data-testid=share-link]").get_attribute("href")
    assert share_url is not None and "birth_date" not in share_url and "1990" not in share_url
    assert re.search(r"[?&]age=35(&|$)", share_url)
    page.goto(share_url)
    assert page.locator("#hasil").inner_text() == text


def test_a_liaison_records_a_readiness_check(page, world, passport_rules):
    register("Siti Aminah", world.tebat_monok)
    register("Siti Urai", world.other_village)

    page.goto("/akun/masuk/")
    page.locator("input[name=username]").fill("budi")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form:has(input[name=password]) button[type=submit]").first.click()
    page.wait_for_url("**/beranda/")
    page.get_by_role("link", name="Kesiapan paspor").click()
    page.get_by_role("link", name="Catat pemeriksaan kesiapan").click()
    page.wait_for_url("**/paspor/kesiapan/baru/")
    assert_accessible_basics(page)
    assert_fits_phone(page)

    # The person: searched among the liaison's own village only (HTMX swaps the choices).
    page.locator("#person-q").press_sequentially("siti", delay=20)
    page.locator("#id_person[data-q=siti]").wait_for(state="attached")
    option = page.locator("#id_person option", has_text="Siti Aminah")
    assert page.locator("#id_person option", has_text="Siti Urai").count() == 0
    page.locator("#id_person").select_option(value=option.get_attribute("value"))

    page.locator("input[name=purpose][value=work]").check()
    page.locator("select[name=destination_country]").select_option("SA")
    page.locator("select[name=job_type]").select_option("housekeeper")
    page.locator("input[name=agency_name]").fill("PT Cepat Berangkat")
    page.locator("input[name=sponsor_name]").fill("Pak Udin")
    page.locator("input[name=paid_up_front]").check()
    page.locator("input[name=amount_paid_idr]").fill("3000000")
    page.locator("input[name=documents_in_hand][value=ktp]").check()
    page.locator("input[name=documents_in_hand][value=kk]").check()
    page.get_by_role("button", name="Periksa dan simpan").click()
    page.wait_for_url(re.compile(r".*/paspor/kesiapan/RC-[2-9A-Z]{4}-[2-9A-Z]{4}/$"))
    assert_accessible_basics(page)
    assert_fits_phone(page)

    reference = page.locator("[data-testid=reference]").inner_text().strip()
    assert page.url.endswith(f"/{reference}/")
    warnings = page.locator("[data-testid=warnings] li")
    codes = [warnings.nth(i).get_attribute("data-code") for i in range(warnings.count())]
    assert codes == ["agency_unverified", "no_disnaker_recommendation", "moratorium", "paid_up_front"]
    assert "Kepmenaker 260/2015" in page.locator("[data-testid=warnings]").inner_text()
    missing = page.locator("[data-testid=missing-documents]").inner_text()
    assert "Akta kelahiran, akta/buku nikah" in missing and "Dinas Tenaga Kerja" in missing

    page.get_by_role("link", name="Versi cetak untuk warga").click()
    assert reference in page.locator("main").inner_text()
    assert "Siti Aminah" in page.locator("main").inner_text()


def test_a_liaison_assembles_a_collective_request_and_the_office_accepts(
    page, world, sign_in, passport_rules
):
    from desabinaan.passport.models import CollectiveServiceRule

    # A configured minimum of 2 instead of 50 keeps the test short; the rule is data.
    CollectiveServiceRule.objects.update(min_applicants=2)
    for name in ("Andi Saputra", "Rahmat Hidayat"):
        register(name, world.tebat_monok, sex="M")
    page.on("dialog", lambda dialog: dialog.accept())
    soon = (timezone.localdate() + dt.timedelta(days=21)).isoformat()

    sign_in(page, world.budi)
    page.goto("/paspor/kolektif/")
    assert_accessible_basics(page)
    page.get_by_role("link", name="Buat permohonan kolektif").click()
    assert_accessible_basics(page)
    assert_fits_phone(page)
    page.locator("input[name=proposed_date]").fill(soon)
    page.locator("input[name=place]").fill("Balai Desa Tebat Monok")
    page.locator("input[name=contact_name]").fill("Budi")
    page.locator("input[name=contact_phone]").fill("081234000111")
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_url("**/pemohon/")
    assert_accessible_basics(page)
    for box in page.locator("input[name=person]").all():
        box.check()
    page.get_by_role("button", name="Tambahkan yang dipilih").click()
    page.wait_for_url(re.compile(r".*/paspor/kolektif/\d+/$"))
    workspace = page.url
    assert page.locator("[data-testid=applicants] tbody tr").count() == 2
    page.get_by_role("button", name="Ajukan ke kantor imigrasi").click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=status]").inner_text() == "diajukan"

    page.context.clear_cookies()
    sign_in(page, world.fajar)
    page.goto(workspace)
    page.locator("input[name=decision][value=accepted]").check()
    page.locator("input[name=service_date]").fill(soon)
    page.get_by_role("button", name="Simpan keputusan").click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=status]").inner_text() == "diterima"

    page.context.clear_cookies()
    sign_in(page, world.budi)
    page.goto(workspace)
    assert page.locator("[data-testid=status]").inner_text() == "diterima"
    assert page.locator("[data-testid=service-date]").is_visible()
    assert page.get_by_role("button", name="Simpan keputusan").count() == 0
