"""/api/v1/readiness-checks: the contract fields, scope, the outcome by officers, access log."""

import datetime as dt

import pytest

from desabinaan.audit.models import AccessEntry
from desabinaan.passport import texts
from desabinaan.passport.models.requests import RouteAdvisory
from desabinaan.protection.models import LicensedAgency
from lib import passport as rules
from lib.fuzzy import normalize_agency_name

URL = "/api/v1/readiness-checks"


def post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


@pytest.fixture
def created(world, login, siti):
    response = post(
        login(world.budi),
        URL,
        {
            "person_id": siti.pk,
            "purpose": "work",
            "destination_country": "SA",
            "job_type": "domestic_worker",
            "agency_name": "PT Cepat",
            "sponsor_name": "Pak Udin",
            "sponsor_phone": "0812",
            "paid_up_front": True,
            "one_channel": False,
            "documents_in_hand": ["ktp", "kk"],
        },
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_it_returns_the_reference_missing_documents_and_cited_warnings(created):
    assert created["reference"].startswith("RC-")
    assert [d["code"] for d in created["missing_documents"]] == ["civil_record", "disnaker_recommendation"]
    codes = [w["code"] for w in created["warnings"]]
    assert codes == [
        rules.RC_AGENCY_UNVERIFIED,
        rules.RC_NO_DISNAKER,
        rules.RC_MORATORIUM,
        rules.RC_PAID_UP_FRONT,
    ]
    for warning in created["warnings"]:
        assert warning["message"] and warning["citation"]


def test_the_one_channel_route_lifts_the_moratorium_through_a_designated_p3mi(world, login, siti):
    # Kepmenaker 291/2018: only P3MI designated for the One Channel System place these jobs in Saudi Arabia.
    LicensedAgency.objects.create(
        name="PT Satu Kanal Resmi",
        name_normalized=normalize_agency_name("PT Satu Kanal Resmi"),
        licence_number="SIP3MI-1",
        valid_until=dt.date(2030, 1, 1),
        status="licensed",
    )
    RouteAdvisory.objects.create(
        kind=RouteAdvisory.Kind.ONE_CHANNEL_AGENCY,
        agency_name="PT Satu Kanal Resmi",
        citation="Kepmenaker 291/2018",
        effective_from=dt.date(2018, 1, 1),
    )
    response = post(
        login(world.fajar),
        URL,
        {
            "person_id": siti.pk,
            "purpose": "work",
            "destination_country": "SA",
            "job_type": "housekeeper",
            "one_channel": True,
            "agency_name": "PT Satu Kanal Resmi",
            "documents_in_hand": ["disnaker_recommendation"],
        },
    )
    assert response.status_code == 201
    assert response.json()["warnings"] == []


def test_bad_input_gets_422_with_the_field(world, login, siti):
    client = login(world.budi)
    bad_doc = post(client, URL, {"person_id": siti.pk, "purpose": "work", "documents_in_hand": ["sim"]})
    assert bad_doc.status_code == 422 and bad_doc.json()["field"] == "documents_in_hand"
    bad_purpose = post(client, URL, {"person_id": siti.pk, "purpose": "holiday"})
    assert bad_purpose.status_code == 422 and bad_purpose.json()["field"] == "purpose"
    bad_country = post(client, URL, {"person_id": siti.pk, "purpose": "work", "destination_country": "XX"})
    assert bad_country.status_code == 422 and bad_country.json()["field"] == "destination_country"


def test_it_validates_scope(client, world, login, created, siti, make_person):
    reference = created["reference"]
    assert client.get(f"{URL}/{reference}").status_code == 401
    assert post(client, URL, {"person_id": siti.pk, "purpose": "work"}).status_code == 401
    for user in (world.citra, world.dewi, world.gita):
        assert login(user).get(f"{URL}/{reference}").status_code == 404
    assert login(world.eka).get(f"{URL}/{reference}").status_code == 200
    assert post(login(world.eka), URL, {"person_id": siti.pk, "purpose": "work"}).status_code == 403
    assert post(login(world.gita), URL, {"person_id": siti.pk, "purpose": "work"}).status_code == 403
    outsider = make_person("Warga Urai", village=world.other_village)
    assert post(login(world.budi), URL, {"person_id": outsider.pk, "purpose": "work"}).status_code == 404
    detail = login(world.budi).get(f"{URL}/{reference.lower()}")
    assert detail.status_code == 200 and detail.json()["reference"] == reference


def test_the_detail_read_is_access_logged(world, login, created, siti):
    login(world.ani).get(f"{URL}/{created['reference']}")
    entry = AccessEntry.objects.get(person=siti, channel="api")
    assert entry.actor == world.ani and entry.purpose == texts.READINESS_DETAIL_PURPOSE


def test_only_officers_record_the_outcome_and_the_village_sees_it(world, login, created):
    url = f"{URL}/{created['reference']}/outcome"
    payload = {"status": "issued", "on": "2025-07-01", "note": "Paspor diambil"}
    assert post(login(world.budi), url, payload).status_code == 403
    assert post(login(world.eka), url, payload).status_code == 403
    assert post(login(world.dewi), url, payload).status_code == 404
    assert post(login(world.fajar), url, payload | {"status": "open"}).status_code == 422
    response = post(login(world.fajar), url, payload)
    assert response.status_code == 200 and response.json()["status"] == "issued"
    seen = login(world.budi).get(f"{URL}/{created['reference']}").json()
    assert seen["status"] == "issued"
    assert seen["outcomes"] == [
        {"status": "issued", "postponement_cause": "", "on": "2025-07-01", "note": "Paspor diambil"}
    ]


def test_a_postponement_is_recorded_with_its_cause(world, login, created):
    url = f"{URL}/{created['reference']}/outcome"
    payload = {"status": "postponed", "on": "2025-07-01"}
    missing = post(login(world.fajar), url, payload)
    assert missing.status_code == 422 and missing.json()["field"] == "postponement_cause"
    response = post(login(world.fajar), url, payload | {"postponement_cause": "trafficking_concern"})
    assert response.json()["outcomes"][0]["postponement_cause"] == "trafficking_concern"


def test_the_response_carries_no_full_nik(created, siti):
    assert created["nik_masked"] == siti.nik_masked
    assert "nik" not in {k for k in created if k != "nik_masked"}
