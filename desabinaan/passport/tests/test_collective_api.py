"""/api/v1/collective-requests: create with per-applicant reasons, the minimum rule, the decision, scope."""

import datetime as dt

import pytest
from django.utils import timezone

from desabinaan.passport import texts
from desabinaan.passport.models import CollectiveRequest, CollectiveServiceRule
from desabinaan.people.models import Person

URL = "/api/v1/collective-requests"
SOON = (timezone.localdate() + dt.timedelta(days=10)).isoformat()


def post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


@pytest.fixture
def fifty(world):
    """50 residents of Tebat Monok (bulk-created: the registry's own create path is tested in the people app)."""
    Person.objects.bulk_create(
        [
            Person(
                name=f"Warga {n:02d}",
                name_key=f"warga {n:02d}",
                birth_year=1990,
                sex="M",
                village=world.tebat_monok,
            )
            for n in range(50)
        ]
    )
    return list(Person.objects.filter(village=world.tebat_monok).order_by("id"))


def payload(world, people, **fields):
    return {
        "village_code": world.tebat_monok.code,
        "proposed_date": SOON,
        "place": "Balai Desa",
        "contact_name": "Budi",
        "contact_phone": "0812",
        "applicants": [{"person_id": p.pk, "type": "new"} for p in people],
    } | fields


def test_fifty_applicants_are_submitted_and_the_office_accepts(world, login, fifty):
    response = post(login(world.budi), URL, payload(world, fifty, submit=True))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "submitted" and len(body["applicants"]) == 50
    decision = post(
        login(world.fajar), f"{URL}/{body['id']}/decision", {"decision": "accepted", "service_date": SOON}
    )
    assert decision.status_code == 200
    seen = login(world.budi).get(f"{URL}/{body['id']}").json()
    assert (seen["status"], seen["service_date"]) == ("accepted", SOON)


def test_fewer_than_the_minimum_cannot_be_submitted(world, login, fifty):
    response = post(login(world.budi), URL, payload(world, fifty[:49], submit=True))
    assert response.status_code == 422
    assert response.json()["field"] == "applicants"
    assert "paling sedikit 50" in response.json()["detail"]
    assert not CollectiveRequest.objects.exists()
    draft = post(login(world.budi), URL, payload(world, fifty[:49]))
    assert draft.status_code == 201 and draft.json()["status"] == "draft"


def test_a_vulnerable_group_is_exempt(world, login, fifty):
    response = post(
        login(world.budi),
        URL,
        payload(
            world, fifty[:2], submit=True, vulnerable_group=True, vulnerable_reason="Penyandang disabilitas"
        ),
    )
    assert response.status_code == 201 and response.json()["status"] == "submitted"


def test_it_answers_422_with_a_reason_per_refused_applicant(world, login, fifty):
    applicants = [
        {"person_id": fifty[0].pk, "type": "new"},
        {"person_id": fifty[1].pk, "type": "lost"},
        {"person_id": fifty[2].pk, "type": "damaged"},
        {"person_id": 999_999, "type": "new"},
    ]
    response = post(login(world.budi), URL, payload(world, []) | {"applicants": applicants})
    assert response.status_code == 422
    problems = response.json()["applicants"]
    assert [(p["index"], p["field"]) for p in problems] == [(1, "type"), (2, "type"), (3, "person_id")]
    assert problems[0]["message"] == str(texts.COLLECTIVE_LOST_DAMAGED_REFUSED)


def test_it_validates_scope(client, world, login, fifty):
    created = post(login(world.budi), URL, payload(world, fifty[:3])).json()
    url = f"{URL}/{created['id']}"
    assert client.get(url).status_code == 401
    assert post(client, URL, payload(world, fifty[:3])).status_code == 401
    for user in (world.citra, world.dewi, world.gita):
        assert login(user).get(url).status_code == 404
    assert login(world.eka).get(url).status_code == 200
    assert login(world.ani).get(url).status_code == 200
    assert post(login(world.eka), URL, payload(world, fifty[:3])).status_code == 403
    assert post(login(world.citra), URL, payload(world, fifty[:3])).status_code == 403
    assert (
        post(login(world.dewi), f"{url}/decision", {"decision": "declined", "reason": "x"}).status_code == 404
    )


def test_the_decision_needs_a_submitted_request_and_an_office_role(world, login, fifty):
    CollectiveServiceRule.objects.update(min_applicants=3)
    created = post(login(world.budi), URL, payload(world, fifty[:3])).json()
    url = f"{URL}/{created['id']}"
    assert (
        post(login(world.fajar), f"{url}/decision", {"decision": "declined", "reason": "x"}).status_code
        == 422
    )
    assert post(login(world.budi), f"{url}/submit", {}).status_code == 200
    assert (
        post(login(world.budi), f"{url}/decision", {"decision": "declined", "reason": "x"}).status_code == 403
    )
    no_reason = post(login(world.fajar), f"{url}/decision", {"decision": "declined"})
    assert no_reason.status_code == 422 and no_reason.json()["field"] == "reason"
    declined = post(login(world.fajar), f"{url}/decision", {"decision": "declined", "reason": "Kuota penuh"})
    assert declined.json()["decline_reason"] == "Kuota penuh"
    assert login(world.budi).get(url).json()["status"] == "declined"
