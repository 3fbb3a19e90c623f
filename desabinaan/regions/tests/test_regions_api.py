import pytest

from desabinaan.regions.api import (
    DISTRICT_NOT_FOUND,
    PROVINCE_NOT_FOUND,
    REGENCY_NOT_FOUND,
    VILLAGE_NOT_FOUND,
)
from tests.personas import TEBAT_MONOK

pytestmark = pytest.mark.django_db

API = "/api/v1/regions"


def test_it_returns_a_village_in_the_contracted_shape(client, regions):
    response = client.get(f"{API}/villages/{TEBAT_MONOK}")

    assert response.status_code == 200
    assert response.json() == {
        "code": "17.08.04.2002",
        "name": "Tebat Monok",
        "kind": "desa",
        "postal_code": "39372",
        "district": {"code": "17.08.04", "name": "Kepahiang"},
        "regency": {"code": "17.08", "name": "Kabupaten Kepahiang"},
        "province": {"code": "17", "name": "Bengkulu"},
    }


def test_it_derives_the_kind_from_the_code(client, regions):
    kelurahan = client.get(f"{API}/villages/17.71.01.1001").json()

    assert kelurahan["name"] == "Pagar Dewa"
    assert kelurahan["kind"] == "kelurahan"
    assert client.get(f"{API}/villages/{TEBAT_MONOK}").json()["kind"] == "desa"


def test_it_accepts_an_undotted_code(client, regions):
    assert client.get(f"{API}/villages/1708042002").json()["code"] == TEBAT_MONOK


def test_it_answers_404_in_indonesian_for_an_unknown_village(client, regions):
    response = client.get(f"{API}/villages/17.08.04.2999")

    assert response.status_code == 404
    assert response.json() == {"detail": str(VILLAGE_NOT_FOUND), "field": None, "code": None}


@pytest.mark.parametrize("q", ["tebat monok", "TEBAT-MONOK", "Tébat Monok", "1708042002", "17.08.04.2002"])
def test_it_searches_villages_by_name_or_code(client, regions, q):
    response = client.get(f"{API}/villages", {"q": q})

    assert response.status_code == 200
    assert [v["code"] for v in response.json()][0] == TEBAT_MONOK


def test_it_bounds_the_search_limit(db, client):
    from desabinaan.regions.services import regions_import

    regions_import(prefixes=["17.08"])  # 100+ villages, more than the largest page
    assert len(client.get(f"{API}/villages", {"q": "17"}).json()) == 20
    assert len(client.get(f"{API}/villages", {"q": "17", "limit": 50}).json()) == 50
    assert len(client.get(f"{API}/villages", {"q": "17", "limit": 3}).json()) == 3
    assert client.get(f"{API}/villages", {"q": "17", "limit": 51}).status_code == 422
    assert client.get(f"{API}/villages", {"q": "17", "limit": 0}).status_code == 422


def test_it_returns_nothing_for_a_one_letter_query(client, regions):
    assert client.get(f"{API}/villages", {"q": "t"}).json() == []


def test_it_searches_with_a_bounded_number_of_queries(client, regions, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the cache's generation counters (core.cache), then the search
        response = client.get(f"{API}/villages", {"q": "17", "limit": 50})
    assert len(response.json()) == 40  # every village of the three Bengkulu districts imported


def test_it_walks_the_hierarchy(client, regions, django_assert_max_num_queries):
    provinces = client.get(f"{API}/provinces").json()
    assert {"code": "17", "name": "Bengkulu"} in provinces

    regencies = client.get(f"{API}/provinces/17/regencies").json()
    assert {"code": "17.08", "name": "Kabupaten Kepahiang"} in regencies
    assert all(r["code"].startswith("17.") for r in regencies)

    districts = client.get(f"{API}/regencies/17.08/districts").json()
    assert districts == [{"code": "17.08.04", "name": "Kepahiang"}]

    with django_assert_max_num_queries(3):
        villages = client.get(f"{API}/districts/17.08.04/villages").json()
    assert TEBAT_MONOK in [v["code"] for v in villages]
    assert all(v["district"]["code"] == "17.08.04" for v in villages)
    assert len(villages) > 10


@pytest.mark.parametrize(
    "path, message",
    [
        ("provinces/99/regencies", PROVINCE_NOT_FOUND),
        ("regencies/17.99/districts", REGENCY_NOT_FOUND),
        ("districts/17.08.99/villages", DISTRICT_NOT_FOUND),
    ],
)
def test_it_answers_404_for_unknown_parents(client, regions, path, message):
    response = client.get(f"{API}/{path}")

    assert response.status_code == 404
    assert response.json()["detail"] == str(message)


def test_it_validates_scope(client, world, login):
    # Region codes are public reference data: anonymous visitors and every persona get the same answer.
    anonymous = client.get(f"{API}/villages/{TEBAT_MONOK}")
    budi = login(world.budi).get(f"{API}/villages/{TEBAT_MONOK}")
    dewi = login(world.dewi).get(f"{API}/villages", {"q": "tebat monok"})

    assert anonymous.status_code == budi.status_code == dewi.status_code == 200
    assert anonymous.json() == budi.json() == dewi.json()[0]
