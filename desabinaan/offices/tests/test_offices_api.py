import pytest

from desabinaan.offices.api import VILLAGE_UNKNOWN
from tests.personas import TEBAT_MONOK

pytestmark = pytest.mark.django_db

URL = "/api/v1/offices/kanims"


def test_it_returns_the_kanim_serving_a_village(client, world):
    world.kanim_bkl.address = "Jl. Hibrida Raya (sintetis)"
    world.kanim_bkl.phone = "0736-000000"
    world.kanim_bkl.save()

    response = client.get(URL, {"village_code": TEBAT_MONOK})

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": world.kanim_bkl.pk,
            "name": "Kantor Imigrasi Kelas I TPI Bengkulu",
            "office_class": "Kelas I TPI",
            "address": "Jl. Hibrida Raya (sintetis)",
            "phone": "0736-000000",
            "kanwil": {"id": world.kanwil_bkl.pk, "name": "Kanwil Bengkulu"},
        }
    ]


def test_it_finds_the_kanim_of_another_province(client, world):
    response = client.get(URL, {"village_code": world.bandung_village.code.replace(".", "")})

    assert [k["id"] for k in response.json()] == [world.kanim_bdg.pk]


def test_it_answers_an_empty_list_for_a_village_no_kanim_serves(client, world):
    from desabinaan.offices.models import WorkingAreaAssignment

    WorkingAreaAssignment.objects.filter(regency_id="17.08").delete()

    response = client.get(URL, {"village_code": TEBAT_MONOK})

    assert response.status_code == 200
    assert response.json() == []


def test_it_answers_404_for_an_unknown_village(client, world):
    response = client.get(URL, {"village_code": "17.08.04.2999"})

    assert response.status_code == 404
    assert response.json() == {"detail": str(VILLAGE_UNKNOWN), "field": None, "code": None}


def test_it_requires_the_village_code(client, world):
    assert client.get(URL).status_code == 422


def test_it_uses_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        assert client.get(URL, {"village_code": TEBAT_MONOK}).status_code == 200


def test_it_validates_scope(client, world, login):
    # Which office serves a village is public information: anonymous visitors and every persona get the same list.
    anonymous = client.get(URL, {"village_code": TEBAT_MONOK})
    citra = login(world.citra).get(URL, {"village_code": TEBAT_MONOK})
    dewi = login(world.dewi).get(URL, {"village_code": TEBAT_MONOK})

    assert anonymous.status_code == citra.status_code == dewi.status_code == 200
    assert anonymous.json() == citra.json() == dewi.json()
