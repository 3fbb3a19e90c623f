"""The JSON contract: field names and status codes."""

import pytest
from django.test import Client

from desabinaan.protection.models import Decision, Screening
from desabinaan.protection.services import STALE_EDIT

from .conftest import RISKY


def _json(client, method, url, data=None):
    return getattr(client, method)(url, data, content_type="application/json")


def test_indicators_list_the_active_set(world, login):
    response = login(world.fajar).get("/api/v1/screening/indicators")
    assert response.status_code == 200
    first = response.json()[0]
    assert {"code", "label", "group", "weight", "citation"} <= first.keys()
    assert first["group"] in {"process", "means", "purpose", "interview", "route"}
    assert login(world.gita).get("/api/v1/screening/indicators").status_code == 403
    assert Client().get("/api/v1/screening/indicators").status_code == 401


def test_an_officer_creates_a_screening(world, applicant, login):
    payload = {
        "person_id": applicant.pk,
        "purpose": "umrah",
        "destination_country": "Arab Saudi",
        "answers": {**RISKY, "purpose_unclear": "no"},
        "sponsor_name": "Pak X",
        "sponsor_phone": "0812 3",
        "agency_name": "PT Entah",
    }
    response = _json(login(world.fajar), "post", "/api/v1/screenings", payload)
    assert response.status_code == 201
    body = response.json()
    assert body["advisory_level"] == "high"
    assert body["breakdown"][0] == {"code": "upfront_money_or_debt", "contribution": 4}
    assert Screening.objects.get(pk=body["id"]).agency_check == "not_licensed"


@pytest.mark.parametrize(("persona", "status"), [("eka", 403), ("dewi", 404), ("budi", 403), ("gita", 403)])
def test_it_validates_scope_on_screening_create(world, applicant, login, persona, status):
    payload = {"person_id": applicant.pk, "purpose": "work", "destination_country": "Malaysia", "answers": {}}
    assert _json(login(getattr(world, persona)), "post", "/api/v1/screenings", payload).status_code == status


def test_anonymous_cannot_create_a_screening(world, applicant):
    payload = {"person_id": applicant.pk, "purpose": "work", "destination_country": "Malaysia", "answers": {}}
    assert _json(Client(), "post", "/api/v1/screenings", payload).status_code == 401


def test_a_bad_answer_is_a_validation_error(world, applicant, login):
    payload = {
        "person_id": applicant.pk,
        "purpose": "work",
        "destination_country": "X",
        "answers": {"a": "maybe"},
    }
    assert _json(login(world.fajar), "post", "/api/v1/screenings", payload).status_code == 422


def test_decision_and_correction_over_the_api(world, screening, login):
    client = login(world.fajar)
    url = f"/api/v1/screenings/{screening.pk}/decision"
    first = _json(
        client, "post", url, {"kind": "postpone", "rationale": "Tunggu rekom", "pending_documents": "Rekom"}
    )
    assert first.status_code == 201 and first.json()["is_override"] is False
    assert _json(client, "post", url, {"kind": "proceed", "rationale": "x"}).status_code == 409
    fix = _json(
        client, "post", url, {"kind": "proceed", "rationale": "Rekom ada", "corrects_id": first.json()["id"]}
    )
    assert (
        fix.status_code == 201
        and fix.json()["corrects_id"] == first.json()["id"]
        and fix.json()["is_override"]
    )
    assert _json(client, "post", url, {"kind": "refuse", "rationale": "x"}).status_code in (409, 422)
    assert _json(login(world.dewi), "post", url, {"kind": "proceed", "rationale": "x"}).status_code == 404
    assert _json(login(world.eka), "post", url, {"kind": "proceed", "rationale": "x"}).status_code == 403
    assert Decision.objects.count() == 2
    detail = client.get(f"/api/v1/screenings/{screening.pk}").json()
    assert len(detail["answers"]) > 10 and len(detail["decisions"]) == 2


def test_referral_get_and_patch(world, village_referral, agency_referral, login):
    gita = login(world.gita)
    url = f"/api/v1/referrals/{agency_referral.pk}"
    assert gita.get(url).json()["status"] == "open"
    patched = _json(gita, "patch", url, {"status": "in_progress", "version": 1})
    assert patched.status_code == 200 and patched.json()["status"] == "in_progress"
    stale = _json(gita, "patch", url, {"status": "closed", "version": 1, "outcome": "victim"})
    assert stale.status_code == 409
    assert stale.json() == {"detail": str(STALE_EDIT), "field": "version", "code": "version"}
    assert _json(gita, "patch", url, {"status": "closed"}).status_code == 422  # no outcome
    closed = _json(gita, "patch", url, {"status": "closed", "outcome": "victim"})
    assert closed.json()["outcome"] == "victim"
    assert gita.get(f"/api/v1/referrals/{village_referral.pk}").status_code == 404
    assert (
        _json(
            login(world.eka), "patch", f"/api/v1/referrals/{village_referral.pk}", {"status": "in_progress"}
        ).status_code
        == 403
    )
    assert Client().get(url).status_code == 401


def test_a_screening_can_be_referred_over_the_api(world, screening, login):
    response = _json(
        login(world.fajar),
        "post",
        f"/api/v1/screenings/{screening.pk}/referrals",
        {"agency_id": world.agency.pk, "action": "assessment", "reason": "Periksa"},
    )
    assert response.status_code == 201
    assert response.json()["agency_name"] == world.agency.name
