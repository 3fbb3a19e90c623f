"""Every main page on a phone (360 × 740), per persona, with the demo data: the page answers 200, it never scrolls
sideways, no table cell is cut off at the screen's edge, its primary action (or, on a form, its first question) is inside the first screen and the submit button
is reachable, and axe-core finds no violation at all. The public guide's result heading is inside the first screen
after submitting, and the public report's receipt shows its passphrase in the first screen.

One browser context per persona; the pages of a persona are visited in one test so the demo is seeded once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse

from desabinaan.accounts.models import User
from desabinaan.events.models import Event
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.models import Person
from desabinaan.program.models import DesaBinaan
from desabinaan.protection.models import Referral, Report, Screening
from desabinaan.web.demo import TEBAT_MONOK, demo_seed

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SCREEN = {"width": 360, "height": 740}
RUN_AXE = """
async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 2).map(n => n.target.join(" "))}));
}
"""
# Overflow of the whole page: a positive number is sideways scrolling on a phone.
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
# Table cells cut off at the right edge of the screen (hidden inside a scrolling wrapper); a month calendar without
# events keeps its grid and scrolls on purpose, with its edge shadows as the cue.
CUT_OFF_CELLS = """
() => Array.from(document.querySelectorAll("main tbody td, main tbody th, main tfoot td"))
  .filter(cell => !cell.closest("table.month") && cell.getBoundingClientRect().width > 0)
  .filter(cell => cell.getBoundingClientRect().right > window.innerWidth + 1).length
"""


@dataclass(frozen=True)
class PhonePage:
    label: str
    url: Callable[[], str]
    # Selector(s) of what must be visible without scrolling: the primary action or first question.
    first_screen: str | tuple[str, ...]
    submit: str | None = (
        None  # on a form: the submit button, reachable by scrolling and inside the screen's width
    )


def _to(name: str, *args: Callable[[], object]) -> Callable[[], str]:
    return lambda: reverse(name, args=[arg() for arg in args])


def _person() -> int:
    return Person.objects.filter(village_id=TEBAT_MONOK).order_by("pk").values_list("pk", flat=True)[0]


def _event() -> int:
    return Event.objects.filter(village_id=TEBAT_MONOK).order_by("pk").values_list("pk", flat=True)[0]


def _desa_binaan() -> int:
    return DesaBinaan.objects.get(village_id=TEBAT_MONOK).pk


def _screening() -> int:
    return Screening.objects.order_by("pk").values_list("pk", flat=True)[0]


def _referral() -> int:
    return Referral.objects.order_by("pk").values_list("pk", flat=True)[0]


def _report() -> int:
    return Report.objects.order_by("pk").values_list("pk", flat=True)[0]


def _readiness() -> str:
    return ReadinessCheck.objects.order_by("pk").values_list("reference", flat=True)[0]


def _button(text: str) -> str:
    return f'main button:has-text("{text}")'


def _link(text: str) -> str:
    return f'main a:has-text("{text}")'


FIRST_ROW = "main table tbody tr"

PUBLIC = [
    PhonePage("home", _to("web:home"), "main [data-primary] a.button"),
    PhonePage("passport guide", _to("passport:guide"), "input[name=purpose]", _button("Lihat panduan")),
    PhonePage("directory", _to("program:directory"), FIRST_ROW),
    PhonePage("statistics", _to("public_stats:index"), "main h2"),
    PhonePage("learn", _to("events:learn"), "main .card a"),
    # The notice (not a police report; call 110 when someone is in danger) and the first question both come first.
    PhonePage(
        "report form",
        _to("report:new"),
        ("[data-testid=not-police-report]", "select[name=category]"),
        _button("Kirim laporan"),
    ),
    PhonePage("report status", _to("report:status"), "input[name=receipt_code]", _button("Lihat status")),
    PhonePage("login", _to("accounts:login"), "input[name=username]", _button("Masuk")),
    PhonePage("village questions", _to("program:faq"), "main h1"),
    PhonePage("agency check", _to("report:agency_check"), "main form input"),
]
LIAISON = [
    PhonePage("home", _to("web:dashboard"), _link("Daftarkan warga")),
    PhonePage("people", _to("people:list"), _link("Daftarkan orang")),
    PhonePage("register a person", _to("people:create"), "input[name=name]", _button("Simpan")),
    PhonePage("person", _to("people:detail", _person), _link("Catat persetujuan")),
    PhonePage("consent", _to("people:consent", _person), "main h2", _button("Simpan persetujuan")),
    PhonePage("events", _to("events:list"), FIRST_ROW),
    PhonePage("event", _to("events:detail", _event), _link("Catat kehadiran")),
    PhonePage("record attendance", _to("events:attend", _event), "main form", _button("Simpan kehadiran")),
    PhonePage("attendance list", _to("events:attendance", _event), FIRST_ROW),
    PhonePage("village and activities", _to("program:detail", _desa_binaan), "main h1"),
    PhonePage("referrals", _to("protection:referrals"), FIRST_ROW),
    PhonePage("readiness checks", _to("passport:readiness_list"), _link("Catat pemeriksaan kesiapan")),
    PhonePage(
        "readiness check", _to("passport:readiness_create"), "input[name=q]", _button("Periksa dan simpan")
    ),
]
OFFICER = [
    PhonePage("inbox", _to("web:dashboard"), "main h2"),
    PhonePage("people", _to("people:list"), _link("Daftarkan orang")),
    PhonePage("person", _to("people:detail", _person), _link("Catat persetujuan")),
    PhonePage("events", _to("events:list"), _link("Rencanakan kegiatan")),
    PhonePage("plan an event", _to("events:create"), "input[name=title]", _button("Simpan")),
    PhonePage("event", _to("events:detail", _event), _link("Catat kehadiran")),
    PhonePage("attendance list", _to("events:attendance", _event), FIRST_ROW),
    PhonePage("village and activities", _to("program:detail", _desa_binaan), "main h1"),
    PhonePage("villages", _to("program:list"), _link("Usulkan desa")),
    PhonePage(
        "propose a village", _to("program:propose"), "input[name=village_search]", _button("Simpan usulan")
    ),
    PhonePage("proposal ranking", _to("program:candidates"), "main h1"),
    PhonePage("protection", _to("protection:index"), _link("Skrining baru")),
    PhonePage("new screening", _to("protection:screening_new"), "input[name=q]"),
    PhonePage("screening", _to("protection:screening", _screening), "[data-testid=advisory-level]"),
    PhonePage("referrals", _to("protection:referrals"), FIRST_ROW),
    PhonePage("referral", _to("protection:referral", _referral), "main h1"),
    PhonePage("public reports", _to("protection:reports"), FIRST_ROW),
    PhonePage("public report", _to("protection:report", _report), "main h1"),
    PhonePage("readiness checks", _to("passport:readiness_list"), "main form"),
    PhonePage("readiness result", _to("passport:readiness_detail", _readiness), "main h1"),
    PhonePage("dashboard", _to("stats:dashboard"), "main .stat"),
    PhonePage("official reports", _to("stats:reports"), _button("Buat laporan")),
    PhonePage("calendar", _to("events:calendar"), "main h1"),
    PhonePage("attendance import", _to("events:import", _event), _link("Unduh templat"), _button("Impor")),
    PhonePage("quiz results", _to("events:quiz_results", _event), "main h1"),
    PhonePage("quarterly evaluation", _to("program:evaluation", _desa_binaan), "main h1"),
    PhonePage("foreigner notes", _to("program:foreigner_notes"), "main h1"),
    PhonePage("possible duplicates", _to("people:duplicates"), "main h1"),
    PhonePage(
        "collective passport requests", _to("passport:collective_list"), _link("Buat permohonan kolektif")
    ),
    PhonePage("API tokens", _to("accounts:tokens"), "main h1"),
]
KANWIL = [
    PhonePage("inbox", _to("web:dashboard"), "main h2"),
    PhonePage("dashboard", _to("stats:dashboard"), "main .stat"),
    PhonePage("villages", _to("program:list"), FIRST_ROW),
    PhonePage("people", _to("people:list"), "input[name=q]"),
    PhonePage("events", _to("events:list"), FIRST_ROW),
    PhonePage("public reports", _to("protection:reports"), "main h1"),
]
NATIONAL = [
    PhonePage("inbox", _to("web:dashboard"), "main h2"),
    PhonePage("dashboard", _to("stats:dashboard"), "main .stat"),
    PhonePage("report triage", _to("protection:report_triage"), "main h1"),
    PhonePage("network signals", _to("protection:signals"), "main h1"),
    PhonePage("villages", _to("program:list"), FIRST_ROW),
    PhonePage("official reports", _to("stats:reports"), _button("Buat laporan")),
]
PERSONAS = {
    "public": (None, PUBLIC),
    "liaison": ("desa.tebatmonok", LIAISON),
    "officer": ("kanim.bengkulu", OFFICER),
    "kanwil": ("kanwil.bengkulu", KANWIL),
    "national": ("admin", NATIONAL),
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --no-audit --no-fund` (make test does)")
    return AXE.read_text()


def phone_problems(
    page, axe_source: str, *, first_screen: str | tuple[str, ...], submit: str | None = None
) -> list[str]:
    """What is wrong with the page now open, on a phone: sideways scroll, table cells cut off, primary action below
    the first screen or missing, an unreachable submit button, axe violations (any impact)."""
    problems = []
    overflow = page.evaluate(OVERFLOW)
    if overflow > 0:
        problems.append(f"scrolls sideways by {overflow}px")
    cut_off = page.evaluate(CUT_OFF_CELLS)
    if cut_off:
        problems.append(f"{cut_off} table cells cut off at the screen's edge")
    page.evaluate("() => window.scrollTo(0, 0)")
    for selector in (first_screen,) if isinstance(first_screen, str) else first_screen:
        target = page.locator(selector).first
        box = target.bounding_box() if target.count() else None
        if box is None or not target.is_visible():
            problems.append(f"{selector!r} is not on the page")
        elif (
            box["y"] < -1
            or box["y"] >= SCREEN["height"]
            or box["x"] + min(box["width"], 44) > SCREEN["width"]
        ):
            problems.append(f"{selector!r} is outside the first screen (at y={box['y']:.0f})")
    if submit is not None:
        button = page.locator(submit).last
        if not button.count():
            problems.append(f"{submit!r} is missing")
        else:
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            if (
                not button.is_enabled()
                or box is None
                or box["x"] < 0
                or box["x"] + box["width"] > SCREEN["width"]
            ):
                problems.append(f"{submit!r} cannot be reached (box {box})")
            page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate(axe_source)
    for violation in page.evaluate(RUN_AXE):
        problems.append(f"axe [{violation['impact']}] {violation['id']}: {violation['nodes']}")
    return problems


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_every_main_page_fits_a_phone(persona, page, regions, sign_in, axe_source):
    demo_seed()
    username, pages = PERSONAS[persona]
    if username:
        sign_in(page, User.objects.get(username=username))
    assert page.viewport_size == SCREEN
    found = {}
    for phone_page in pages:
        url = phone_page.url()
        response = page.goto(url)
        if response.status != 200:
            found[f"{phone_page.label} ({url})"] = [f"answered {response.status}"]
            continue
        problems = phone_problems(
            page, axe_source, first_screen=phone_page.first_screen, submit=phone_page.submit
        )
        if problems:
            found[f"{phone_page.label} ({url})"] = problems
    assert not found, f"{persona} on a phone:\n" + "\n".join(
        f"  {where}: " + "; ".join(problems) for where, problems in found.items()
    )


def test_the_guide_result_and_the_report_receipt_come_first_on_a_phone(page, regions, axe_source):
    demo_seed()
    page.goto(reverse("passport:guide"))
    page.locator("input[name=purpose][value=work]").check()
    page.locator("input[name=case][value=new]").check()
    page.locator("input[name=birth_date]").fill("1998-03-14")
    page.locator("input[name=product][value=epassport]").check()
    page.locator("input[name=validity_years][value='10']").check()
    page.get_by_role("button", name="Lihat panduan").click()
    page.wait_for_url("**/paspor/?*#hasil")
    heading = page.locator("#hasil-judul")
    box = heading.bounding_box()
    assert box is not None and box["y"] >= -1 and box["y"] + box["height"] <= SCREEN["height"], box
    assert phone_problems(page, axe_source, first_screen="#hasil-judul") == []

    page.goto(reverse("report:new"))
    # The first question is whole inside the first screen, under the notice that stays open; the intro opens.
    notice = page.locator("[data-testid=not-police-report]").bounding_box()
    question = page.locator("select[name=category]").bounding_box()
    assert notice is not None and question is not None
    assert (
        notice["y"] + notice["height"]
        <= question["y"]
        <= question["y"] + question["height"]
        <= SCREEN["height"]
    )
    page.locator("[data-testid=report-intro] summary").click()
    assert page.get_by_text("Anda tidak perlu akun dan tidak perlu menyebut nama", exact=False).is_visible()
    page.locator("select[name=category]").select_option("recruiter")
    page.locator("textarea[name=description]").fill("Ada yang menawarkan kerja ke luar negeri tanpa kontrak")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**/lapor/tanda-terima/")
    assert phone_problems(page, axe_source, first_screen="[data-testid=passphrase]") == []
