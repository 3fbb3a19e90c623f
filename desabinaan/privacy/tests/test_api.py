"""POST /api/v1/people/{id}/requests and GET /api/v1/data-requests: the contract fields, scope and query count."""

import datetime as dt

import pytest
from django.utils import timezone

from desabinaan.privacy import services

from .conftest import make_person


def post(client, person_id, **body):
    body.setdefault("kind", "access")
    body.setdefault("received_at", timezone.now().isoformat())
    return client.post(f"/api/v1/people/{person_id}/requests", body, content_type="application/json")


@pytest.mark.django_db
class TestRequestsApi:
    def test_it_creates_a_request_with_the_contract_fields(self, login, world, sari):
        received = timezone.now().replace(microsecond=0)
        response = post(
            login(world.budi), sari.pk, kind="erasure", received_at=received.isoformat(), notes="lisan"
        )
        assert response.status_code == 201, response.content
        body = response.json()
        assert {"id", "kind", "status", "due_at"} <= set(body)
        assert body["kind"] == "erasure" and body["status"] == "open"
        assert dt.datetime.fromisoformat(body["due_at"]) == received + dt.timedelta(hours=72)

    def test_it_refuses_an_unknown_kind(self, login, world, sari):
        response = post(login(world.budi), sari.pk, kind="forget")
        assert response.status_code == 422 and response.json()["field"] == "kind"

    def test_a_minor_without_guardian_is_refused_on_the_guardian_field(self, login, world):
        child = make_person(world, birth_date=timezone.localdate() - dt.timedelta(days=365 * 10))
        response = post(login(world.budi), child.pk)
        assert response.status_code == 422 and response.json()["field"] == "guardian_name"

    def test_it_validates_scope(self, login, world, sari):
        assert post(login(world.dewi), sari.pk).status_code == 404
        assert post(login(world.citra), sari.pk).status_code == 404
        assert post(login(world.eka), sari.pk).status_code == 403
        services.data_request_create(actor=world.budi, person=sari, kind="access", received_at=timezone.now())
        assert login(world.dewi).get("/api/v1/data-requests").json()["items"] == []
        assert login(world.gita).get("/api/v1/data-requests").json()["items"] == []
        assert len(login(world.ani).get("/api/v1/data-requests").json()["items"]) == 1

    def test_the_list_filters_overdue(self, login, world, sari):
        late = services.data_request_create(
            actor=world.budi, person=sari, kind="access", received_at=timezone.now() - dt.timedelta(days=4)
        )
        fresh = services.data_request_create(
            actor=world.budi, person=sari, kind="restriction", received_at=timezone.now()
        )
        client = login(world.fajar)
        overdue = client.get("/api/v1/data-requests?overdue=true").json()
        assert [r["id"] for r in overdue["items"]] == [late.pk] and overdue["items"][0]["overdue"] is True
        within = client.get("/api/v1/data-requests?overdue=false").json()
        assert [r["id"] for r in within["items"]] == [fresh.pk]
        assert client.get("/api/v1/data-requests").json()["count"] == 2

    def test_the_list_uses_a_bounded_number_of_queries(self, login, world, django_assert_max_num_queries):
        client = login(world.ani)
        for i in range(12):
            person = make_person(world, name=f"Orang {i}")
            services.data_request_create(
                actor=world.budi, person=person, kind="access", received_at=timezone.now()
            )
        client.get("/api/v1/data-requests")
        with django_assert_max_num_queries(12):
            response = client.get("/api/v1/data-requests?limit=50")
        assert response.json()["count"] == 12
