"""A client_id names one attendee: a retry with the same data is idempotent, other data under it is a 409."""

import uuid

import pytest

from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance
from desabinaan.people.models import Person

from .conftest import attendee


def _post(client, event, **overrides):
    body = {"client_id": str(uuid.uuid4()), "village_code": event.village_id, **attendee(), **overrides}
    return client.post(f"/api/v1/events/{event.pk}/attendance", body, content_type="application/json")


@pytest.mark.parametrize(
    "changed",
    [{"name": "Budi Santoso"}, {"birth_year": 1980}, {"sex": "M", "name": "Ahmad"}],
)
def test_it_answers_409_naming_the_record_when_a_client_id_comes_back_with_other_data(
    world, login, event, changed
):
    client = login(world.ani)
    client_id = str(uuid.uuid4())
    first = _post(client, event, client_id=client_id)
    again = _post(client, event, client_id=client_id, **changed)
    assert first.status_code == 201
    assert again.status_code == 409
    record = first.json()["id"]
    assert again.json() == {
        "detail": str(v.CLIENT_ID_REUSED % {"id": record}),
        "field": "client_id",
        "code": services.attendance.CLIENT_ID_REUSED_CODE,
        "existing_id": record,
    }
    assert Attendance.objects.filter(event=event).count() == 1
    assert Person.objects.count() == 1


def test_the_same_data_with_other_spacing_stays_idempotent(world, login, event):
    client = login(world.ani)
    client_id = str(uuid.uuid4())
    first = _post(client, event, client_id=client_id)
    again = _post(client, event, client_id=client_id, name="  siti   AMINAH ")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]


def test_the_409_is_in_the_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/events/{event_id}/attendance"]["post"]
    assert "409" in operation["responses"]
    assert "client_id_reused" in operation["description"]
