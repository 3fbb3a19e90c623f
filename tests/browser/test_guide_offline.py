"""The passport guide without a connection (issue 15): the page keeps the rules document in the browser, the browser
computes the guide from it, and its answer equals the server's on every case of the guide's test table
(desabinaan/passport/tests/test_guide_rules.py: documents, fees and validity, whose expected values come from the
cited sources in docs/rules.md §2), also for an office that issues only electronic passports."""

import datetime as dt

from playwright.sync_api import expect

from desabinaan.passport import selectors
from desabinaan.passport.tests import test_guide_rules as table
from desabinaan.passport.tests.conftest import BASE_ANSWERS

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
    offices = [(None, {}), (world.kanim_bkl, {"office_id": world.kanim_bkl.pk})]
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
    assert compared == 2 * len(cases)


def test_offline_the_form_answers_from_the_kept_rules(page, world):
    _keep_rules(page)
    page.context.set_offline(True)
    try:
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
    finally:
        page.context.set_offline(False)


def test_the_rules_document_names_its_generation_and_is_revalidated(client, world):
    from desabinaan.core.cache import generations
    from desabinaan.passport.models import FeeItem

    first = client.get("/paspor/aturan.json")
    assert first.status_code == 200
    assert first.json()["generation"] == generations().get("passport_rules", 0)
    assert client.get("/paspor/aturan.json", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    item = FeeItem.objects.first()
    item.amount_idr += 1
    item.save()
    second = client.get("/paspor/aturan.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert any(i["amount_idr"] == item.amount_idr for s in second.json()["fee_schedules"] for i in s["items"])
