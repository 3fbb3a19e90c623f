import pytest

from desabinaan.passport import texts
from desabinaan.passport.models import FeeSchedule
from lib import passport as rules

from .conftest import BASE_ANSWERS

URL = "/api/v1/passport/guide"


def post(client, **answers):
    return client.post(URL, BASE_ANSWERS | answers, content_type="application/json")


def test_it_answers_without_login_in_the_contract_shape(client, db):
    response = post(client, case="lost", electronic=True, validity_years=10, on="2025-01-10")
    assert response.status_code == 200
    body = response.json()
    assert {"validity_years", "fee", "documents", "steps", "warnings", "citations"} <= set(body)
    assert body["validity_years"] == 10
    assert body["fee"]["total_idr"] == 1_950_000
    assert set(body["fee"]["items"][0]) >= {"code", "label", "amount_idr", "citation"}
    assert [i["code"] for i in body["fee"]["items"]] == ["epassport_10", "surcharge_lost"]
    assert {"code", "label"} <= set(body["documents"][0])
    assert "police_report" in {d["code"] for d in body["documents"]}
    assert body["citations"]


def test_on_defaults_to_today(client, db, time_machine):
    time_machine.move_to("2024-06-01 10:00+07:00")
    answers = BASE_ANSWERS | {"electronic": True}
    del answers["on"]
    body = client.post(URL, answers, content_type="application/json").json()
    assert body["on"] == "2024-06-01"
    assert body["fee"]["schedule"] == "PP 28/2019"


@pytest.mark.parametrize(
    ("answers", "field", "code"),
    [
        ({"purpose": "holiday"}, "purpose", rules.UNKNOWN_PURPOSE),
        ({"purpose": None}, "purpose", rules.MISSING),
        ({"case": "stolen"}, "case", rules.UNKNOWN_CASE),
        ({"validity_years": 7}, "validity_years", rules.BAD_VALIDITY),
        ({"validity_years": "sepuluh"}, "validity_years", rules.BAD_VALIDITY),
        ({"validity_years": None}, "validity_years", rules.MISSING),
        ({"birth_date": "17-08-1990"}, "birth_date", rules.BAD_DATE),
        ({"birth_date": None}, "birth_date", rules.MISSING),
        ({"birth_date": "2026-01-01", "on": "2025-06-01"}, "birth_date", rules.BIRTH_AFTER_APPLICATION),
        ({"birth_date": "1850-01-01"}, "birth_date", rules.IMPLAUSIBLE_BIRTH_DATE),
        ({"force_majeure": True, "case": "new"}, "force_majeure", rules.FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED),
        ({"married": "mungkin"}, "married", rules.BAD_BOOLEAN),
        ({"on": "2025-13-01"}, "on", rules.BAD_DATE),
        ({"on": "2018-01-01"}, "on", rules.NO_VALIDITY_RULE),
    ],
)
def test_it_rejects_bad_input_with_the_field_and_reason(client, db, answers, field, code):
    response = post(client, **answers)
    assert response.status_code == 422
    error = response.json()
    assert (error["field"], error["code"]) == (field, code)
    assert error["detail"] and error["detail"] != code


def test_the_reason_is_in_indonesian(client, db):
    error = post(client, force_majeure=True, case="new").json()
    assert error["detail"] == str(texts.ERRORS[rules.FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED])


@pytest.mark.parametrize(
    ("on", "name", "epassport_10"),
    [
        ("2024-06-01", "PP 28/2019", 650_000),
        ("2024-12-17", "PP 45/2024", 950_000),
        ("2030-01-01", "PP 45/2024", 950_000),
    ],
)
def test_it_lists_the_fee_schedule_in_force(client, db, on, name, epassport_10):
    response = client.get("/api/v1/passport/fees", {"on": on})
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == name and body["citation"].startswith(name)
    items = {i["code"]: i for i in body["items"]}
    assert items["epassport_10"]["amount_idr"] == epassport_10
    assert items["same_day"]["amount_idr"] == 1_000_000
    assert all(i["citation"] for i in body["items"])


def test_the_disputed_start_date_is_an_officer_note_not_a_public_citation(client, db):
    body = client.get("/api/v1/passport/fees", {"on": "2025-01-01"}).json()
    assert "17 atau 18 Desember 2024" not in body["citation"]
    assert body["effective_from"] == "2024-12-17"
    schedule = FeeSchedule.objects.get(name="PP 45/2024")
    assert schedule.to_be_confirmed and "17 atau 18 Desember 2024" in schedule.curation_note


def test_fees_reject_a_bad_date_and_answer_404_before_any_schedule(client, db):
    bad = client.get("/api/v1/passport/fees", {"on": "kemarin"})
    assert bad.status_code == 422
    assert (bad.json()["field"], bad.json()["code"]) == ("on", rules.BAD_DATE)
    assert client.get("/api/v1/passport/fees", {"on": "2010-01-01"}).status_code == 404


def test_it_validates_scope(client, db, world, login):
    # Public reference data: anonymous visitors and any signed-in persona get the same answer.
    anonymous = post(client).json()
    assert post(login(world.budi)).json() == anonymous
    assert client.get("/api/v1/passport/fees").status_code == 200


def test_it_reads_the_rules_in_a_bounded_number_of_queries(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        assert post(client, case="lost").status_code == 200
