"""POST /api/v1/people/search: the search that may carry a NIK, in the body; GET ?q= refuses a NIK."""

import pytest

from desabinaan.audit.models import AccessEntry

from .conftest import FEMALE_NIK, MALE_NIK

SEARCH = "/api/v1/people/search"


@pytest.fixture
def andi(make_person):
    make_person("Andi Lain")  # same village, no NIK: the NIK search must not return them
    return make_person("Andi", nik=MALE_NIK, sex="M")  # Tebat Monok


def _search(client, **body):
    return client.post(SEARCH, body, content_type="application/json")


def _ids(response):
    assert response.status_code == 200, response.content
    return [p["id"] for p in response.json()["items"]]


@pytest.mark.parametrize("persona", ["budi", "fajar", "admin"])
def test_it_finds_by_nik_within_scope(world, login, andi, persona):
    client = login(getattr(world, persona))
    assert _ids(_search(client, q="", nik=MALE_NIK)) == [andi.pk]
    assert _ids(_search(client, q="andi", nik="1771 0112 0590 0001")) == [andi.pk]
    assert _ids(_search(client, q="Rina", nik=MALE_NIK)) == []  # q narrows by name
    assert AccessEntry.objects.filter(person=andi, channel="api").exists()


def test_a_nik_in_q_is_taken_as_the_nik(world, login, andi):
    assert _ids(_search(login(world.budi), q=f"Andi {MALE_NIK}")) == [andi.pk]


@pytest.mark.parametrize("persona", ["citra", "dewi", "gita"])
def test_a_persona_out_of_jurisdiction_gets_nothing(world, login, andi, persona):
    response = _search(login(getattr(world, persona)), q="", nik=MALE_NIK)
    assert _ids(response) == [] and response.json()["count"] == 0
    assert not AccessEntry.objects.filter(person=andi).exists()


def test_an_unknown_nik_gets_nothing(world, login, andi):
    assert _ids(_search(login(world.budi), nik=FEMALE_NIK)) == []


def test_without_nik_it_is_the_name_search(world, login, andi):
    client = login(world.budi)
    assert sorted(_ids(_search(client, q="andi"))) == sorted(_ids(client.get("/api/v1/people?q=andi")))


@pytest.mark.parametrize(("nik", "code"), [("1771-0112", "wrong_length"), ("17710112059000ab", "not_digits")])
def test_a_malformed_nik_is_a_422_on_nik(world, login, nik, code):
    response = _search(login(world.budi), nik=nik)
    assert response.status_code == 422
    assert (response.json()["field"], response.json()["code"]) == ("nik", code)


def test_it_needs_authentication(client):
    assert _search(client, nik=MALE_NIK).status_code == 401


@pytest.mark.parametrize("q", [MALE_NIK, f"Andi {MALE_NIK}", "1771.0112.0590.0001"])
def test_get_with_a_nik_in_q_is_a_422_pointing_to_the_post(world, login, andi, q):
    response = login(world.budi).get("/api/v1/people", {"q": q})
    assert response.status_code == 422
    body = response.json()
    assert (body["field"], body["code"]) == ("q", "nik_in_query")
    assert "POST /api/v1/people/search" in body["detail"] and MALE_NIK not in body["detail"]


def test_get_name_search_still_works(world, login, andi):
    assert andi.pk in _ids(login(world.budi).get("/api/v1/people", {"q": "andi"}))


def test_the_search_is_in_the_schema(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/people/search"]["post"]
    assert set(operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1:]) == {
        "PersonSearchIn"
    }
