"""The login redirect's `?next=` never carries a NIK or a phone number from the requested URL's query."""

from urllib.parse import parse_qs, urlsplit

from desabinaan.core.middleware import without_personal_next

NIK = "1708041205990009"


def _next(response) -> str:
    return parse_qs(urlsplit(response["Location"]).query)["next"][0]


def test_a_search_with_a_nik_is_dropped_from_next(client, regions):
    response = client.get(f"/orang/?q={NIK}")
    assert response.status_code == 302
    assert NIK not in response["Location"] and _next(response) == "/orang/"


def test_a_phone_number_is_dropped_from_next(client, regions):
    response = client.get("/orang/?q=%2B62%20812-3456-7890")
    assert "3456" not in response["Location"] and _next(response) == "/orang/"


def test_other_queries_stay_in_next(client, regions):
    assert _next(client.get("/orang/?consent=missing&page=2")) == "/orang/?consent=missing&page=2"


def test_locations_without_next_are_left_alone():
    assert without_personal_next(f"/orang/5/?q={NIK}") == f"/orang/5/?q={NIK}"
    assert without_personal_next("/akun/masuk/?next=/orang/") == "/akun/masuk/?next=/orang/"
