"""Sosialisasi on a phone: plan an event, record attendance (also offline), and run a pre/post quiz."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from desabinaan.events.models import Attendance, Choice, Event

from .conftest import PHONE, _new_context
from .helpers import assert_accessible_basics, assert_fits_phone


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """Live-server tests flush the tables between tests, data migrations' rows included: put them back."""
    from desabinaan.events.models import TargetGroup

    if not TargetGroup.objects.exists():
        importlib.import_module("desabinaan.events.migrations.0002_fill_reference_data").fill(apps, None)


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def _plan_event(page, village_code: str) -> str:
    page.goto("/sosialisasi/baru/")
    assert_accessible_basics(page)
    page.locator("input[name=title]").fill("Sosialisasi bahaya calo")
    widget = page.locator("[data-region-widget]").first
    widget.locator("input[type=search]").press_sequentially(village_code, delay=10)
    widget.locator(f'[data-region-code="{village_code}"]').click()
    page.locator("input[name=venue]").fill("Balai Desa")
    now = timezone.now()
    page.locator("input[name=starts_at]").fill(_local(now - dt.timedelta(minutes=10)))
    page.locator("input[name=ends_at]").fill(_local(now + dt.timedelta(hours=2)))
    page.get_by_label("Masyarakat umum").check()
    page.get_by_label("TPPO dan TPPM").check()
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/sosialisasi/*/")
    return page.url


def _fill_attendee(page, name: str, year: int, sex_label: str = "Perempuan") -> None:
    page.locator("input[name=name]").fill(name)
    page.get_by_label(sex_label, exact=True).check()
    page.locator("input[name=birth_year]").fill(str(year))
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Simpan kehadiran").click()


def test_an_officer_records_attendance_online_and_offline(page, world, sign_in):
    sign_in(page, world.ani)
    detail = _plan_event(page, world.tebat_monok.code)
    assert_fits_phone(page)
    event = Event.objects.get()
    assert page.locator("[data-status]").inner_text() == "direncanakan"

    page.get_by_role("link", name="Catat kehadiran").click()
    assert_accessible_basics(page)
    assert_fits_phone(page)
    status = page.locator("[data-sync-status]")
    _fill_attendee(page, "Siti Aminah", 1995)
    status.locator("[data-synced-count]").filter(has_text="1").wait_for()

    page.context.set_offline(True)
    status.locator("[data-online-state]").filter(has_text="tanpa sinyal").wait_for()
    for i, name in enumerate(["Rudi Hartono", "Wati", "Yanti"]):
        _fill_attendee(page, name, 1980 + i)
        status.locator("[data-queue-count]").filter(has_text=str(i + 1)).wait_for()
    assert Attendance.objects.filter(event=event).count() == 1

    page.context.set_offline(False)
    status.locator("[data-queue-count]").filter(has_text="0").wait_for()
    status.locator("[data-synced-count]").filter(has_text="4").wait_for()
    assert "belum pernah" not in status.locator("[data-last-sync]").inner_text()
    rows = Attendance.objects.filter(event=event)
    assert rows.count() == 4
    assert sorted(rows.filter(source="offline").values_list("person__name", flat=True)) == [
        "Rudi Hartono",
        "Wati",
        "Yanti",
    ]

    page.goto(detail)
    assert page.locator("[data-attendance-count]").inner_text() == "4"


def _answer(page, question_ids, right: int) -> None:
    for i, qid in enumerate(question_ids):
        choice = Choice.objects.filter(question_id=qid, is_correct=i < right).first()
        page.locator(f'input[name="q{qid}"][value="{choice.pk}"]').check()


def test_attendees_take_a_pre_and_post_quiz_and_the_officer_sees_the_gain(
    page, world, sign_in, browser, live_server, request
):
    sign_in(page, world.ani)
    detail = _plan_event(page, world.tebat_monok.code)
    event = Event.objects.get()
    question_ids = list(event.quiz_template.questions.order_by("order", "id").values_list("pk", flat=True))
    checkin_url = page.locator("[data-checkin-url]").inner_text()
    assert page.locator("img.qr").get_attribute("src").startswith("data:image/svg+xml")

    attendee_context = _new_context(browser, live_server, request, PHONE)
    try:
        phone = attendee_context.new_page()
        phone.goto(checkin_url)
        assert_accessible_basics(phone)
        phone.locator("input[name=name]").fill("Rina Marlina")
        phone.get_by_label("Perempuan", exact=True).check()
        phone.locator("input[name=birth_year]").fill("1999")
        phone.locator("input[name=consent]").check()
        phone.get_by_role("button", name="Daftar hadir").click()
        phone.locator("[data-checked-in]").wait_for()

        phone.get_by_role("link", name="Kerjakan pra-tes").click()
        assert_fits_phone(phone)
        _answer(phone, question_ids, right=3)
        phone.get_by_role("button", name="Kirim jawaban").click()
        assert "3 dari 10" in phone.locator("[data-quiz-score]").inner_text()

        phone.get_by_role("link", name="Kembali").click()
        phone.get_by_role("link", name="Kerjakan pasca-tes").click()
        _answer(phone, question_ids, right=9)
        phone.get_by_role("button", name="Kirim jawaban").click()
        assert "9 dari 10" in phone.locator("[data-quiz-score]").inner_text()
    finally:
        attendee_context.close()

    page.goto(detail)
    page.get_by_role("link", name="Hasil kuis").click()
    assert_fits_phone(page)
    assert page.locator("[data-pre]").inner_text().startswith("30,0%")
    assert page.locator("[data-post]").inner_text().startswith("90,0%")
    assert page.locator("[data-gain]").inner_text().startswith("+60,0 poin")


def test_the_capture_page_reopens_without_a_connection_through_the_service_worker(
    browser, world, live_server
):
    from django.conf import settings as django_settings
    from django.test import Client

    from desabinaan.events import services
    from tests.personas import verified_login

    event = services.event_create(
        actor=world.ani, title="Luring", village=world.tebat_monok, starts_at=timezone.now()
    )
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, service_workers="allow")
    try:
        cookie = verified_login(Client(), world.budi).cookies[django_settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"/sosialisasi/{event.pk}/hadir/")
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now controlled by the worker, which caches the page
        page.locator("[data-sync-status]").wait_for()
        context.set_offline(True)
        page.reload()
        assert page.locator("input[name=name]").is_visible()
        assert page.locator("[data-online-state]").inner_text() == "tanpa sinyal — disimpan di ponsel"
    finally:
        context.close()
