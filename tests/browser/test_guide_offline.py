"""The passport guide without a connection (issue 15): the page keeps the rules document in the browser, the browser
computes the guide from it, and its answer equals the server's on every case of the guide's test table
(desabinaan/passport/tests/test_guide_rules.py: documents, fees and validity, whose expected values come from the
cited sources in docs/rules.md §2), also for an office that issues only electronic passports."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from desabinaan.passport import selectors
from desabinaan.passport.tests import test_guide_rules as table
from desabinaan.passport.tests.conftest import BASE_ANSWERS
from tests.browser.conftest import PHONE, PROBLEMS, REPORT_CSP, TIMEOUT_MS

TABLES = (
    table.test_it_lists_the_documents_of_each_case,
    table.test_it_composes_the_fee,
    table.test_it_grants_the_validity,
)
COMPARED = (
    "validity_years",
    "requested_validity_years",
    "age",
    "applicant",
    "on",
    "fee",
    "documents",
    "not_needed",
    "warnings",
    "notes",
    "citations",
    "office",
    "product",
    "products",
)


def table_cases() -> list[tuple[str, dict]]:
    cases = []
    for test in TABLES:
        for mark in test.pytestmark:
            if mark.name == "parametrize":
                cases += [(param.id, param.values[0]) for param in mark.args[1]]
    return cases


def _plain(answers: dict) -> dict:
    """The answers as the browser gets them: ISO dates, booleans, whole numbers."""
    return {
        name: value.isoformat() if isinstance(value, dt.date) else value
        for name, value in (BASE_ANSWERS | answers).items()
    }


def _server(answers: dict, office=None) -> dict:
    result = selectors.guide_out(
        selectors.guide_for(answers=selectors.answers_from(BASE_ANSWERS | answers), office=office),
        office=office,
    )
    return {name: result[name] for name in COMPARED}


def _keep_rules(page):
    page.goto("/paspor/")
    page.wait_for_function("() => window.guideOffline && window.guideOffline.kept() !== null")


def test_the_browser_and_the_server_agree_on_every_case_of_the_guide_table(page, world):
    _keep_rules(page)
    cases = table_cases()
    assert len(cases) >= 40  # the three tables, whole
    bengkulu_village = world.tebat_monok.code  # served by the e-passport-only Bengkulu office
    bandung_village = world.bandung_village.code.replace(".", "")  # default products; the code as typed
    offices = [
        (None, {}),
        (world.kanim_bkl, {"office_id": world.kanim_bkl.pk}),
        # Only the village given: the office serving it, as selectors.office_for finds it on the server.
        (selectors.office_for(village_code=bengkulu_village), {"village_code": bengkulu_village}),
        (selectors.office_for(village_code=bandung_village), {"village_code": bandung_village}),
    ]
    assert [office for office, _ in offices[2:]] == [world.kanim_bkl, world.kanim_bdg]
    compared = 0
    for office, extra in offices:
        for case_id, answers in cases:
            expected = _server(answers, office)
            computed = page.evaluate(
                "(answers) => window.guideOffline.compute(window.guideOffline.kept(), answers)",
                _plain(answers) | extra,
            )
            assert {name: computed[name] for name in COMPARED} == expected, (case_id, office)
            compared += 1
    assert compared == len(offices) * len(cases)


def _answer_offline(page):
    """Fill the guide for a 1990-born tourist's new e-passport, send it, and check the answer shown under the form is
    the server's."""
    page.locator("input[name=purpose][value=tourism]").check()
    page.locator("input[name=case][value=new]").check()
    page.locator("input[name=birth_date]").fill("1990-01-01")
    page.locator("input[name=product][value=epassport]").check()
    page.locator("input[name=validity_years][value='10']").check()
    page.get_by_role("button", name="Lihat panduan").click()
    result = page.locator("#hasil-offline")
    expect(result).to_be_visible()
    expect(result.get_by_role("heading", level=2)).to_be_focused()
    expected = _server(
        {
            "purpose": "tourism",
            "case": "new",
            "birth_date": "1990-01-01",
            "electronic": True,
            "on": dt.date.today().isoformat(),
        }
    )
    text = result.inner_text()
    assert f"Rp{expected['fee']['total_idr']:,}".replace(",", ".") in text
    for document in expected["documents"]:
        assert document["label"] in text
    assert "tanpa sambungan internet" in text


def test_offline_the_form_answers_from_the_kept_rules(page, world):
    _keep_rules(page)
    page.context.set_offline(True)
    try:
        _answer_offline(page)
    finally:
        page.context.set_offline(False)


@pytest.fixture
def worker_context(browser, live_server, request, django_db_serialized_rollback):
    """A phone context that lets service workers run (the shared fixtures block them: their request routing and a
    worker do not mix). No routing here: the page only asks the live server, which the recorded requests check."""
    problems: list[str] = request.node.stash.setdefault(PROBLEMS, [])
    origin = live_server.url.rstrip("/")
    context = browser.new_context(
        viewport=PHONE,
        locale="id-ID",
        base_url=origin,
        service_workers="allow",
        extra_http_headers={"Accept-Language": "id"},
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(REPORT_CSP)

    def check(req):
        if not (req.url == origin or req.url.startswith(origin + "/")):
            problems.append(f"request to another host: {req.url}")

    def console(page, msg):
        # The one request meant to fail: the glossary, asked without a connection, is not kept by the worker.
        if msg.type == "error" and msg.location.get("url") != f"{origin}/paspor/istilah/":
            problems.append(f"console error on {page.url}: {msg.text} ({msg.location.get('url')})")

    def on_page(page):
        page.on("request", check)
        page.on("console", lambda msg: console(page, msg))
        page.on("pageerror", lambda exc: problems.append(f"script error on {page.url}: {exc}"))

    context.on("page", on_page)
    yield context
    context.close()


def _controlled_by_the_worker(page):
    """Deterministic: the worker is installed (its copies kept) and active, and it controls this page. A page loaded
    before the worker activated is only controlled from its next load: reload once then."""
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("() => navigator.serviceWorker.controller !== null"):
        page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def test_a_guide_visited_once_opens_again_without_a_connection(worker_context, world):
    page = worker_context.new_page()
    page.goto("/paspor/")
    page.wait_for_function("() => window.guideOffline && window.guideOffline.kept() !== null")
    _controlled_by_the_worker(page)
    kept = page.evaluate(
        """(urls) => Promise.all(urls.map((url) => caches.match(url, {ignoreVary: true}).then((r) => !!r)))""",
        ["/paspor/", "/paspor/aturan.json"],
    )
    assert kept == [True, True]
    worker_context.set_offline(True)
    try:
        page.reload()
        expect(page.get_by_role("heading", level=1, name="Panduan membuat paspor")).to_be_visible()
        _answer_offline(page)
        # A new tab, and a shared result's address: the kept guide opens (a result needs the server; the form
        # answers in the browser). No #hasil proves the copy answered, not the network.
        other = worker_context.new_page()
        other.goto("/paspor/?purpose=tourism&case=new&age=30&product=epassport&validity_years=10")
        expect(other.locator("form.passport-form")).to_be_visible()
        expect(other.locator("#hasil")).to_have_count(0)
        _answer_offline(other)
        # Only the guide is kept: another page is not there without a connection.
        assert (
            other.evaluate("() => fetch('/paspor/istilah/').then(() => 'online', () => 'offline')")
            == "offline"
        )
    finally:
        worker_context.set_offline(False)


def test_the_service_worker_is_scoped_to_the_guide_and_fits_the_policy(client, world):
    response = client.get("/paspor/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/paspor/"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    body = response.content.decode()
    for url in ("/paspor/", "/paspor/aturan.json", "/static/js/guide-offline.js", "/static/css/app.css"):
        assert f'"{url}"' in body
    assert "kesiapan" not in body  # officers' pages with personal data are never kept


def test_the_rules_document_names_its_generation_and_is_revalidated(client, world):
    from desabinaan.core.cache import generations
    from desabinaan.passport.models import FeeItem

    first = client.get("/paspor/aturan.json")
    assert first.status_code == 200
    assert first.json()["generation"] == generations().get("passport_rules", 0)
    # A village's office offline: by its regency, as on the server (Tebat Monok, 17.08 → Bengkulu).
    assert first.json()["regency_offices"][world.tebat_monok.code[:5]] == world.kanim_bkl.pk
    assert first.json()["regency_offices"][world.bandung_village.code[:5]] == world.kanim_bdg.pk
    assert client.get("/paspor/aturan.json", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    item = FeeItem.objects.first()
    item.amount_idr += 1
    item.save()
    second = client.get("/paspor/aturan.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert any(i["amount_idr"] == item.amount_idr for s in second.json()["fee_schedules"] for i in s["items"])
