"""Responses with personal data carry `Cache-Control: no-store`; public pages stay cacheable."""

import pytest

from desabinaan.core.middleware import PERSONAL_DATA_PATHS

PERSONAL = ["/orang/", "/paspor/kesiapan/", "/perlindungan/", "/dasbor/ekspor/orang.csv", "/api/v1/people"]


@pytest.mark.parametrize("path", PERSONAL)
def test_personal_data_responses_are_not_stored(world, login, path):
    response = login(world.admin).get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/", "/statistik/", "/api/v1/regions/provinces"])
def test_public_pages_are_not_marked(client, regions, path):
    assert "no-store" not in client.get(path).get("Cache-Control", "")


@pytest.mark.parametrize(
    "path",
    [
        "/orang/12/",
        "/lapor/status/",
        "/paspor/kolektif/3/",
        "/sosialisasi/4/peserta/",
        "/api/v1/screenings/5",
        "/api/v1/reports",
        "/api/v1/readiness-checks/AB12",
        "/riwayat/orang/3/",
    ],
)
def test_the_personal_data_paths_cover_people_protection_passport_and_attendance(path):
    assert PERSONAL_DATA_PATHS.match(path)


@pytest.mark.parametrize(
    "path", ["/paspor/", "/sosialisasi/belajar/", "/api/v1/regions/provinces", "/statistik/"]
)
def test_the_personal_data_paths_leave_public_pages_alone(path):
    assert not PERSONAL_DATA_PATHS.match(path)
