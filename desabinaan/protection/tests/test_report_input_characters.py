"""The public report API: place codes in other digits and hostile characters are a 422 on their field."""

import pytest
from django.test import Client

from desabinaan.protection.models import Report
from lib import text as text_lib


def _api(payload):
    body = {"category": "recruiter", "description": "Ada calo", **payload}
    return Client().post("/api/v1/reports", body, content_type="application/json", REMOTE_ADDR="203.0.113.9")


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        ({"village_code": "١٧٠٨٠٤٢٠٠٢"}, "village_code", text_lib.NOT_ASCII_DIGITS),
        ({"regency_code": "17.0⁸"}, "regency_code", text_lib.NOT_ASCII_DIGITS),
        ({"province_code": "１７"}, "province_code", text_lib.NOT_ASCII_DIGITS),
        ({"description": "Ada\u202ecalo"}, "description", text_lib.BIDI_OVERRIDE),
        ({"description": "x" * 5001}, "description", "string_too_long"),
    ],
)
def test_it_answers_422_on_the_field(regions, payload, field, code):
    response = _api(payload)
    assert response.status_code == 422
    assert (response.json()["field"], response.json()["code"]) == (field, code)
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "involved",
    [
        [{"nama": "Pak Udin"}],  # a key the API does not know
        [{"name": "Pak Udin", "telepon": "0812 3456 7890"}],
    ],
)
def test_an_involved_person_in_another_shape_is_refused_not_dropped(client, involved):
    response = client.post(
        "/api/v1/reports",
        {"category": "recruiter", "description": "Perekrut menjanjikan kerja", "involved": involved},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] is not None
