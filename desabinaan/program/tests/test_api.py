import pytest
from django.test import Client

from desabinaan.program.models import Activity, DesaBinaan
from desabinaan.program.services import TRANSITION_REFUSED

BASE = "/api/v1/desa-binaan"


def test_it_validates_scope_on_the_list(world, tebat, login, django_assert_max_num_queries):
    def codes(persona):
        response = login(getattr(world, persona)).get(BASE)
        assert response.status_code == 200
        return {item["village_code"] for item in response.json()["items"]}

    client = login(world.fajar)
    with django_assert_max_num_queries(10):
        assert client.get(BASE).json()["count"] == 2
    assert codes("fajar") == {world.tebat_monok.code, world.other_village.code}
    assert codes("budi") == {world.tebat_monok.code}
    assert codes("citra") == {world.other_village.code}
    assert codes("dewi") == set()
    assert codes("eka") == {world.tebat_monok.code, world.other_village.code}
    assert login(world.gita).get(BASE).status_code == 403
    assert Client().get(BASE).status_code == 401


def test_the_list_is_paginated_with_contract_fields(world, tebat, login):
    body = login(world.fajar).get(f"{BASE}?page=1").json()
    assert body["count"] == 2
    item = next(i for i in body["items"] if i["id"] == tebat.pk)
    assert item["status"] == "active"
    assert item["village_name"] == world.tebat_monok.name
    assert item["sk_number"] == tebat.sk_number


def test_an_officer_proposes_a_village(world, login):
    payload = {"village_code": world.kota_bengkulu_village.code, "criteria": ["kantong_pmi"], "notes": "Uji"}
    response = login(world.fajar).post(BASE, payload, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "proposed"
    assert body["criteria"] == ["kantong_pmi"]
    assert DesaBinaan.objects.get(pk=body["id"]).village == world.kota_bengkulu_village


def test_proposing_outside_scope_or_twice_is_refused(world, tebat, login):
    client = login(world.dewi)
    outside = {"village_code": world.kota_bengkulu_village.code, "criteria": [], "notes": ""}
    assert client.post(BASE, outside, content_type="application/json").status_code == 403
    again = {"village_code": world.tebat_monok.code, "criteria": [], "notes": ""}
    response = login(world.fajar).post(BASE, again, content_type="application/json")
    assert response.status_code == 409
    for persona in ("budi", "eka"):
        assert (
            login(getattr(world, persona)).post(BASE, outside, content_type="application/json").status_code
            == 403
        )
    assert Client().post(BASE, outside, content_type="application/json").status_code == 401


def test_detail_is_404_outside_scope(world, tebat, login):
    url = f"{BASE}/{tebat.pk}"
    assert login(world.fajar).get(url).json()["village_code"] == world.tebat_monok.code
    assert login(world.budi).get(url).status_code == 200
    assert login(world.eka).get(url).status_code == 200
    assert login(world.citra).get(url).status_code == 404
    assert login(world.dewi).get(url).status_code == 404
    assert login(world.gita).get(url).status_code == 403
    assert Client().get(url).status_code == 401


def test_transitions_through_the_api(world, proposed, login):
    url = f"{BASE}/{proposed.pk}/transitions"
    client = login(world.fajar)
    missing_sk = client.post(url, {"to": "designated", "reason": "SK"}, content_type="application/json")
    assert missing_sk.status_code == 422
    ok = client.post(
        url,
        {"to": "designated", "reason": "SK terbit", "sk_number": "W.8-1/2025", "sk_date": "2025-02-01"},
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert ok.json()["desa_binaan"]["status"] == "designated"
    impossible = client.post(url, {"to": "graduated", "reason": "x"}, content_type="application/json")
    assert impossible.status_code == 409
    assert impossible.json() == {
        "detail": TRANSITION_REFUSED % {"from": "ditetapkan", "to": "mandiri (lulus)"},
        "field": "to",
        "code": "transition",
    }


@pytest.mark.parametrize(
    ("persona", "expected"), [("budi", 403), ("eka", 403), ("dewi", 404), ("citra", 404), ("gita", 403)]
)
def test_transitions_validate_scope(world, tebat, login, persona, expected):
    response = login(getattr(world, persona)).post(
        f"{BASE}/{tebat.pk}/transitions", {"to": "suspended", "reason": "x"}, content_type="application/json"
    )
    assert response.status_code == expected
    tebat.refresh_from_db()
    assert tebat.status == "active"


def test_activities_through_the_api(world, tebat, login, django_assert_max_num_queries):
    url = f"{BASE}/{tebat.pk}/activities"
    payload = {
        "kind": "counselling",
        "date": "2025-04-02",
        "place": "Balai desa",
        "participants": 40,
        "notes": "",
    }
    created = login(world.budi).post(url, payload, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["author"] == "budi"
    assert created.json()["version"] == 1
    login(world.fajar).post(url, {**payload, "kind": "visit"}, content_type="application/json")
    client = login(world.eka)
    with django_assert_max_num_queries(12):
        listed = client.get(url)
    assert [a["kind"] for a in listed.json()["items"]] == ["visit", "counselling"]
    assert client.post(url, payload, content_type="application/json").status_code == 403  # Kanwil reads only
    assert login(world.citra).get(url).status_code == 404
    assert login(world.citra).post(url, payload, content_type="application/json").status_code == 404
    assert login(world.dewi).get(url).status_code == 404
    assert login(world.gita).get(url).status_code == 403
    assert Client().get(url).status_code == 401
    assert Activity.objects.filter(desa_binaan=tebat).count() == 2
