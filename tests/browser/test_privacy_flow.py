"""UU PDP in a browser: a village liaison records an access request for a resident; the Kanim officer produces the
access document; its text lists the resident's attendances and the referral to the partner agency."""

import datetime as dt
import io
from pathlib import Path

from django.utils import timezone
from pypdf import PdfReader

from desabinaan.events.models import Attendance
from desabinaan.events.services import event_create
from desabinaan.people.models import Person
from desabinaan.protection.services import referral_create, screening_create

from .helpers import assert_accessible_basics, assert_fits_phone


def _resident(world):
    person = Person.objects.create(
        name="Wati Sintetis",
        name_key="wati sintetis",
        sex="F",
        birth_date=dt.date(2000, 5, 1),
        birth_year=2000,
        village=world.tebat_monok,
    )
    event = event_create(
        actor=world.fajar,
        title="Sosialisasi Migrasi Aman",
        village=world.tebat_monok,
        starts_at=timezone.now() - dt.timedelta(days=20),
    )
    Attendance.objects.create(event=event, person=person, recorded_by=world.budi)
    screening = screening_create(
        actor=world.fajar,
        person=person,
        answers={},
        evidence={},
        notes="",
        purpose="work",
        destination_country="Malaysia",
    )
    referral_create(
        actor=world.fajar, screening=screening, agency=world.agency, action="assessment", reason="Agen"
    )
    return person


def test_a_liaison_records_an_access_request_and_the_officer_produces_the_document(
    page, world, sign_in, browser, live_server
):
    _resident(world)
    sign_in(page, world.budi)

    # The liaison finds the resident and records the request she made at the village office.
    page.goto("/privasi/permintaan/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    page.locator("input[name=q]").fill("Wati")
    page.get_by_role("button", name="Cari").click()
    page.get_by_role("link", name="Wati Sintetis").click()
    assert_accessible_basics(page)
    page.locator("select[name=kind]").select_option("access")
    page.get_by_role("button", name="Catat permintaan").click()
    page.wait_for_url("**/privasi/permintaan/*/")
    assert "Pasal 32" in page.content()
    request_url = page.url
    # The liaison follows the request but does not produce the document.
    assert page.locator("[data-testid=access-document]").count() == 0

    # The officer of the Kanim sees it in the inbox and produces the access document.
    officer = browser.new_context(
        base_url=live_server.url.rstrip("/"), viewport={"width": 1280, "height": 800}
    )
    desk = officer.new_page()
    sign_in(desk, world.fajar)
    desk.goto("/beranda/")
    desk.get_by_role("link", name="Permintaan data pribadi terbuka").first.click()
    desk.wait_for_url("**/privasi/permintaan/?open=1")
    desk.goto(request_url)
    assert_accessible_basics(desk)
    with desk.expect_download() as download:
        desk.locator("[data-testid=access-document]").click()
    content = Path(download.value.path()).read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Dokumen Akses Data Pribadi" in text
    assert "Sosialisasi Migrasi Aman" in text
    assert "Disnaker Provinsi Bengkulu" in text
    officer.close()


def test_the_public_notice_and_request_form_show_no_data(page, world, live_server):
    _resident(world)
    page.goto("/")
    page.get_by_role("link", name="Pemberitahuan privasi").click()
    page.wait_for_url("**/privasi/")
    assert_accessible_basics(page)
    assert_fits_phone(page)
    assert "Direktorat Jenderal Imigrasi" in page.content()
    page.get_by_role("link", name="Ajukan permintaan").click()
    assert_accessible_basics(page)
    assert_fits_phone(page)
    page.locator("select[name=kind]").select_option("access")
    page.locator("input[name=requester_name]").fill("Wati Sintetis")
    page.locator("input[name=requester_contact]").fill("0812 0000 0000")
    page.evaluate(
        "code => { const f = document.querySelector('[name=village]'); f.value = code; }",
        world.tebat_monok.code,
    )
    page.get_by_role("button", name="Kirim").click()
    page.wait_for_url("**/privasi/ajukan/terkirim/")
    assert "Wati" not in page.content() and "e-KTP" in page.content()
