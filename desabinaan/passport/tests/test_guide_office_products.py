"""Passport products per office and date (docs/rules.md §2): Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024 moves
offices to electronic passports only; Kanim Bengkulu issues only e-passports from 1 March 2025 (its announcement).
Fees from PP 45/2024, Lampiran: electronic 5 years Rp650,000, 10 years Rp950,000; non-electronic 10 years Rp650,000.
"""

import pytest

from desabinaan.offices.models import Kanim
from desabinaan.passport import texts
from lib import passport as rules

from .conftest import BASE_ANSWERS

URL = "/api/v1/passport/guide"
TEBAT_MONOK = "17.08.04.2002"  # Kabupaten Kepahiang, Bengkulu: served by Kanim Bengkulu


def post(client, **answers):
    return client.post(URL, BASE_ANSWERS | answers, content_type="application/json")


def fee_codes(body):
    return [item["code"] for item in body["fee"]["items"]]


def test_a_paper_passport_asked_at_bengkulu_becomes_an_e_passport_with_a_warning(client, world):
    body = post(client, village_code=TEBAT_MONOK, on="2025-06-01").json()
    assert body["office"]["name"] == "Kantor Imigrasi Kelas I TPI Bengkulu"
    assert [p["code"] for p in body["products"]] == ["epassport"]
    assert body["product"] == "epassport"
    assert fee_codes(body) == ["epassport_10"] and body["fee"]["total_idr"] == 950_000
    warning = next(w for w in body["warnings"] if w["code"] == rules.E_PASSPORT_ONLY)
    assert warning["message"] == str(texts.E_PASSPORT_ONLY)
    assert any("IMI-263.GR.01.02/2024" in c for c in body["citations"])


def test_an_e_passport_asked_at_bengkulu_changes_nothing(client, world):
    body = post(client, village_code=TEBAT_MONOK, electronic=True, validity_years=5).json()
    assert body["warnings"] == [] and body["fee"]["total_idr"] == 650_000


def test_bengkulu_still_issued_paper_passports_the_day_before(client, world):
    body = post(client, village_code="1708042002", on="2025-02-28").json()
    assert {p["code"] for p in body["products"]} == {"epassport", "passport", "migrant_worker_first"}
    assert body["product"] == "passport" and body["fee"]["total_idr"] == 650_000
    assert body["warnings"] == []


def test_an_office_without_its_own_rows_uses_the_default_products(client, world):
    bandung = Kanim.objects.get(name__contains="Bandung")
    body = post(client, office_id=bandung.pk).json()
    assert {p["code"] for p in body["products"]} == {"epassport", "passport", "migrant_worker_first"}
    assert body["product"] == "passport" and body["warnings"] == []


def test_the_office_id_wins_over_the_village(client, world):
    bandung = Kanim.objects.get(name__contains="Bandung")
    body = post(client, office_id=bandung.pk, village_code=TEBAT_MONOK).json()
    assert body["office"]["id"] == bandung.pk and body["product"] == "passport"


def test_without_an_office_the_guide_answers_as_before(client, world):
    body = post(client).json()
    assert body["office"] is None and body["products"] is None
    assert body["product"] == "passport" and fee_codes(body) == ["passport_10"]


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"office_id": 999_999}, "office_id", texts.ERRORS["office_unknown"]),
        ({"office_id": "Bengkulu"}, "office_id", texts.ERRORS["office_unknown"]),
        ({"village_code": "99.99.99.9999"}, "village_code", texts.ERRORS["village_unknown"]),
    ],
)
def test_an_unknown_office_or_village_is_a_plain_422(client, world, answers, field, message):
    response = post(client, **answers)
    assert response.status_code == 422
    assert (response.json()["field"], response.json()["detail"]) == (field, str(message))


def test_the_free_migrant_passport_at_an_e_passport_only_office_is_not_silently_dropped(client, world):
    body = post(client, village_code=TEBAT_MONOK, purpose="work", migrant_worker_first=True).json()
    codes = [w["code"] for w in body["warnings"]]
    assert codes == [rules.PRODUCT_NOT_OFFERED, rules.E_PASSPORT_ONLY]
    assert body["product"] == "epassport"
    assert str(texts.NOTES[rules.NOTE_MIGRANT_ASK_OFFICE]) in body["notes"]


def test_the_public_api_never_carries_officer_notes(client, world, login):
    for who in (client, login(world.ani)):
        body = post(who, village_code=TEBAT_MONOK, purpose="work").json()
        assert "officer_notes" not in body
        assert "bertentangan dengan praktik kantor" not in " ".join(body["citations"])


def test_a_guide_for_an_office_reads_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):
        assert post(client, village_code=TEBAT_MONOK, case="lost").status_code == 200
