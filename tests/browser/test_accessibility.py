"""axe-core on every main page (tests/quality/pages.py), on a phone, in Indonesian: no serious or critical violation.

axe-core comes from npm (package.json pins it; `make test` runs `npm ci` when node_modules/axe-core is missing). It
is injected with page.evaluate, which the page's Content-Security-Policy does not apply to, so the pages are tested
under their real policy.
"""

from pathlib import Path

import pytest
from django.utils.text import slugify

from desabinaan.accounts.models import User
from desabinaan.web.demo import demo_seed
from tests.quality.pages import main_pages

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
RUN_AXE = """
async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n").slice(1, 2).join(""))
  }));
}
"""


@pytest.fixture
def demo(regions):
    demo_seed()
    return {user.username: user for user in User.objects.all()}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --no-audit --no-fund` (make test does)")
    return AXE.read_text()


def _violations(page, axe_source) -> list[dict]:
    page.evaluate(axe_source)
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in BLOCKING]


def test_no_main_page_has_serious_accessibility_violations(page, demo, sign_in, axe_source, screenshot):
    signed_in_as = None
    found: dict[str, list[dict]] = {}
    pages = sorted(main_pages(), key=lambda item: item[0].user or "")
    assert len(pages) >= 10, pages
    for main_page, url in pages:
        if main_page.user != signed_in_as:
            page.context.clear_cookies()
            if main_page.user:
                sign_in(page, demo[main_page.user])
            signed_in_as = main_page.user
        response = page.goto(url)
        assert response.status == 200, f"{main_page.label}: {url} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == "id", url
        screenshot(page, "main-" + slugify(main_page.label))
        violations = _violations(page, axe_source)
        if violations:
            found[f"{main_page.label} ({url})"] = violations
    assert not found, "\n".join(
        f"{where}:\n"
        + "\n".join(f"  [{v['impact']}] {v['id']}: {v['help']} — {v['nodes']}" for v in violations)
        for where, violations in found.items()
    )


def test_axe_reports_a_serious_violation_when_there_is_one(page, live_server, axe_source):
    # Guards the test above: the injected axe finds a real problem (an image button without a name).
    page.goto("/")
    page.evaluate(
        """() => { const b = document.createElement("button"); document.querySelector("main").appendChild(b); }"""
    )
    assert any(v["id"] == "button-name" for v in _violations(page, axe_source))
