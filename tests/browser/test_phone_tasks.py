"""The daily tasks scripted on a phone (360 × 740) with the demo data, each counting the steps a person makes.

A step is one navigation, click, choice or submit the user makes; typing into a field is not a step, and neither is
the page reacting by itself (HTMX search results). Each task records its steps and its scripted run time into
var/usability/phone-tasks.json (and prints them); docs/usability.md puts them next to the figures before issue 14.

Run: .venv/bin/pytest -q -p no:randomly -s tests/browser/test_phone_tasks.py
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from desabinaan.accounts.models import User
from desabinaan.events.models import Attendance, Event
from desabinaan.events.services import event_create
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.models import Person
from desabinaan.protection.models import Report
from desabinaan.regions.models import Village
from desabinaan.web.demo import TEBAT_MONOK, demo_seed
from desabinaan.web.demo_people import PEOPLE

from .helpers import assert_fits_phone

RESULTS = Path(__file__).resolve().parents[2] / "var" / "usability" / "phone-tasks.json"
# The most steps each task may take; docs/usability.md has the figures before and after issue 14.
BUDGET = {
    "register a person and record their attendance": 8,
    "record ten attendances of registered people": 12,
    "a passport readiness check": 10,
    "a public report and its status check": 8,
}


class Task:
    """Drives the page like a user and counts the steps; `done()` records them."""

    def __init__(self, page, name: str):
        self.page, self.name, self.steps, self.typed, self.log = page, name, 0, 0, []
        self.started = time.monotonic()

    def _step(self, what: str) -> None:
        self.steps += 1
        self.log.append(what)

    def go(self, url: str) -> None:
        self.page.goto(url)
        self._step(f"open {url}")

    def click(self, locator, what: str) -> None:
        locator.click()
        self._step(what)

    def choose(self, locator, value: str, what: str) -> None:
        locator.select_option(value)
        self._step(what)

    def check(self, locator, what: str) -> None:
        locator.check()
        self._step(what)

    def type(self, locator, text: str) -> None:  # typing is not a step; the fields typed are counted apart
        locator.fill(text)
        self.typed += 1

    def type_slowly(self, locator, text: str) -> None:  # key by key, for a search that reacts to each key
        locator.press_sequentially(text, delay=10)
        self.typed += 1

    def done(self) -> dict:
        seconds = round(time.monotonic() - self.started, 1)
        record = {
            "steps": self.steps,
            "typed_fields": self.typed,
            "seconds": seconds,
            "log": self.log,
            "measured_on": str(dt.date.today()),
        }
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results[self.name] = record
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(
            f"\n{self.name}: {self.steps} steps, {self.typed} fields typed, {seconds} s: "
            + " → ".join(self.log)
        )
        assert self.steps <= BUDGET[self.name], f"{self.name} took {self.steps} steps: {self.log}"
        return record


@pytest.fixture
def demo(regions):
    """The demo, plus a sosialisasi in Tebat Monok that started half an hour ago: attendance is recorded on the day."""
    demo_seed()
    users = {user.username: user for user in User.objects.all()}
    event_create(
        actor=users["kanim.bengkulu"],
        title="Sosialisasi hari ini (uji)",
        village=Village.objects.get(code=TEBAT_MONOK),
        starts_at=timezone.now() - dt.timedelta(minutes=30),
        venue="Balai Desa Tebat Monok",
    )
    return users


def _todays_event() -> Event:
    return Event.objects.get(title="Sosialisasi hari ini (uji)")


def test_register_a_person_and_record_their_attendance(page, demo, sign_in):
    sign_in(page, demo["desa.tebatmonok"])
    task = Task(page, "register a person and record their attendance")
    task.go("/beranda/")
    task.click(page.get_by_role("link", name="Catat kehadiran").first, "home: Catat kehadiran")
    page.wait_for_url("**/hadir/")
    event_id = int(page.url.rstrip("/").split("/")[-2])
    assert event_id == _todays_event().pk
    form = page.locator("form[data-offline-form]")
    task.type(form.locator("input[name=name]"), "Rina Wulandari Uji")
    task.check(form.locator("input[name=sex][value=F]"), "sex")
    task.type(form.locator("input[name=birth_year]"), "2001")
    task.check(form.locator("input[name=consent]"), "consent read and ticked")
    task.click(form.get_by_role("button", name="Simpan kehadiran"), "submit")
    page.locator(".msg.success").first.wait_for()
    assert_fits_phone(page)
    task.done()
    # The form sends through the API from the phone (it works offline too): wait until the phone has its answer.
    expect(page.locator("[data-synced-count]")).to_have_text("1")
    page.goto("about:blank")  # nothing left syncing when the test's database is flushed
    person = Person.objects.get(name="Rina Wulandari Uji")
    assert person.village_id == TEBAT_MONOK
    assert Attendance.objects.filter(person=person, event_id=event_id).exists()


def test_record_ten_attendances_of_registered_people(page, demo, sign_in):
    event = _todays_event()
    residents = [
        Person.objects.get(village_id=TEBAT_MONOK, name=name)
        for name, _sex, _born, code in PEOPLE[:10]
        if code == TEBAT_MONOK
    ]
    assert len(residents) == 10
    registered = Person.objects.count()
    sign_in(page, demo["desa.tebatmonok"])
    task = Task(page, "record ten attendances of registered people")
    task.go("/beranda/")
    task.click(page.get_by_role("link", name="Catat kehadiran").first, "home: Catat kehadiran")
    page.wait_for_url(f"**/{event.pk}/hadir/")
    for person in residents:
        task.type(page.locator("form[data-picker-search] input[name=q]"), person.name)
        candidate = page.locator(f"#picker-results [data-candidate='{person.pk}']")
        candidate.wait_for()
        group = candidate.locator("select[name=target_group][required]")  # optional when the event has none
        if group.count():
            task.choose(group, index_value(group), "target group")
        consent = candidate.locator("input[name=consent]")
        if consent.count():
            task.check(consent, "consent read and ticked")
        task.click(candidate.locator("[data-pick]"), f"Catat hadir: {person.name}")
        page.locator(".msg.success", has_text=person.name).wait_for()
        page.wait_for_load_state("load")  # htmx is ready for the next search
    assert_fits_phone(page)
    task.done()
    assert Attendance.objects.filter(event=event, person__in=residents).count() == 10
    assert Person.objects.count() == registered, "nobody was registered twice"


def index_value(select) -> str:
    """The first real option of a select (after the empty '— pilih —')."""
    return select.locator("option").nth(1).get_attribute("value")


def test_a_passport_readiness_check(page, demo, sign_in):
    name = PEOPLE[1][0]
    sign_in(page, demo["desa.tebatmonok"])
    task = Task(page, "a passport readiness check")
    task.go("/beranda/")
    task.click(
        page.locator("header nav").get_by_role("link", name="Kesiapan paspor"), "menu: Kesiapan paspor"
    )
    task.click(page.get_by_role("link", name="Catat pemeriksaan kesiapan"), "Catat pemeriksaan kesiapan")
    page.wait_for_url("**/paspor/kesiapan/baru/")
    task.type_slowly(page.locator("#person-q"), name.split()[0].lower())
    page.locator(f"#id_person option:has-text('{name}')").wait_for(state="attached")
    option = page.locator("#id_person option", has_text=name).first.get_attribute("value")
    task.choose(page.locator("#id_person"), option, "person")
    task.check(page.locator("input[name=purpose][value=work]"), "purpose: work")
    task.choose(page.locator("select[name=destination_country]"), "MY", "destination")
    task.check(page.locator("input[name=documents_in_hand][value=ktp]"), "document: KTP")
    task.check(page.locator("input[name=documents_in_hand][value=kk]"), "document: KK")
    confirm = page.locator("input[name=confirm_without_consent]")
    if confirm.count() and confirm.is_visible():
        task.check(confirm, "confirm without consent")
    task.click(page.get_by_role("button", name="Periksa dan simpan"), "submit")
    page.locator("[data-testid=reference]").wait_for()
    assert_fits_phone(page)
    task.done()
    assert ReadinessCheck.objects.filter(person__name=name).exists()


def test_a_public_report_and_its_status_check(page, demo):
    task = Task(page, "a public report and its status check")
    task.go("/")
    task.click(page.locator("main").get_by_role("link", name="Laporkan perekrut"), "home: Laporkan perekrut")
    task.choose(page.locator("select[name=category]"), "recruiter", "category")
    task.type(
        page.locator("textarea[name=description]"),
        "Ada sponsor menawarkan kerja di luar negeri tanpa kontrak",
    )
    task.click(page.get_by_role("button", name="Kirim laporan"), "submit the report")
    page.wait_for_url("**/lapor/tanda-terima/")
    code = page.locator("[data-testid=receipt-code]").inner_text().strip()
    passphrase = page.locator("[data-testid=passphrase]").inner_text().strip()
    assert_fits_phone(page)
    # Days later: the reporter opens the status page from the menu and types the code and passphrase.
    task.go("/")
    task.click(page.get_by_role("link", name="Laporkan perekrut").first, "menu: Laporkan perekrut")
    task.click(
        page.get_by_role("link", name="Sudah melapor? Baca balasan"), "link: Sudah melapor? Baca balasan"
    )
    task.type(page.locator("input[name=receipt_code]"), code)
    task.type(page.locator("input[name=passphrase]"), passphrase)
    task.click(page.get_by_role("button", name="Lihat status"), "Lihat status")
    page.locator("[data-testid=report-status]").wait_for()
    assert_fits_phone(page)
    task.done()
    assert Report.objects.filter(receipt_code=code).exists()
