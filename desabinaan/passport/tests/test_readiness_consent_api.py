"""/api/v1/readiness-checks for a person without passport-assistance consent: 422 `consent_missing` unless the
body says `"confirm_without_consent": true`."""

from desabinaan.passport import texts
from desabinaan.passport.models import ReadinessCheck

API = "/api/v1/readiness-checks"


def test_it_answers_422_with_the_code_unless_confirmed(world, login, make_person):
    yanti = make_person("Yanti Tanpa Persetujuan", consent=False)
    client = login(world.budi)
    payload = {"person_id": yanti.pk, "purpose": "tourism"}
    refused = client.post(API, payload, content_type="application/json")
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == texts.CONSENT_MISSING_CODE and body["field"] == "confirm_without_consent"
    assert not ReadinessCheck.objects.exists()
    confirmed = client.post(API, payload | {"confirm_without_consent": True}, content_type="application/json")
    assert confirmed.status_code == 201
