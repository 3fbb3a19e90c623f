"""Data-subject requests: who may record them, their statutory clock, minors, a person in two villages, the public
form that shows nothing, and escalation when the deadline is missed."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from desabinaan.privacy import selectors, services, tasks
from desabinaan.privacy.models import DataRequest

from .conftest import make_person


def create(actor, person, kind="access", **kw):
    return services.data_request_create(
        actor=actor, person=person, kind=kind, received_at=timezone.now(), **kw
    )


@pytest.mark.django_db
class TestDeadlines:
    @pytest.mark.parametrize("kind", ["access", "correction", "restriction", "withdrawal", "erasure"])
    def test_the_3x24_hour_kinds_are_due_72_hours_after_receipt(self, world, sari, kind):
        # UU PDP Art. 30, 32, 40, 41 (docs/rules.md §6): "paling lambat 3 x 24 jam".
        request = create(world.budi, sari, kind)
        assert request.due_at - request.received_at == dt.timedelta(hours=72)
        assert request.rule.citation.startswith("UU PDP 27/2022 Pasal")

    def test_the_access_deadline_cites_article_32(self, world, sari):
        assert "Pasal 32" in create(world.budi, sari).rule.citation

    def test_an_objection_has_the_office_standard_marked_as_not_statutory(self, world, sari):
        request = create(world.fajar, sari, "objection")
        assert request.due_at - request.received_at == dt.timedelta(days=14)
        assert not request.rule.statutory and request.rule.unconfirmed

    def test_the_clock_runs_from_when_the_request_was_received(self, world, sari):
        received = timezone.now() - dt.timedelta(hours=80)
        request = services.data_request_create(
            actor=world.budi, person=sari, kind="access", received_at=received
        )
        assert request.is_overdue
        assert list(selectors.data_requests_for(world.fajar, overdue=True)) == [request]
        assert list(selectors.data_requests_for(world.fajar, overdue=False)) == []

    def test_it_refuses_a_receipt_time_in_the_future(self, world, sari):
        with pytest.raises(ValidationError):
            services.data_request_create(
                actor=world.budi,
                person=sari,
                kind="access",
                received_at=timezone.now() + dt.timedelta(days=1),
            )


@pytest.mark.django_db
class TestWhoRecords:
    def test_the_liaison_records_for_a_person_of_the_village(self, world, sari):
        request = create(world.budi, sari)
        assert request.status == DataRequest.Status.OPEN and request.verified_by == world.budi

    def test_it_validates_scope(self, world, sari):
        # dewi (Kanim Bandung) and citra (another village) are outside Sari's jurisdiction; Kanwil staff only read.
        for outsider in (world.dewi, world.citra, world.eka, world.gita):
            with pytest.raises(PermissionDenied):
                create(outsider, sari)
        create(world.budi, sari)
        assert not selectors.data_requests_for(world.dewi).exists()
        assert not selectors.data_requests_for(world.gita).exists()

    def test_a_minor_needs_the_guardian_who_acts(self, world):
        child = make_person(
            world, name="Anak Sintetis", birth_date=timezone.localdate() - dt.timedelta(days=365 * 15)
        )
        with pytest.raises(ValidationError) as exc:
            create(world.budi, child)
        assert "guardian_name" in exc.value.message_dict
        request = create(world.budi, child, guardian_name="Ibu Sintetis", guardian_relation="ibu kandung")
        assert (request.guardian_name, request.guardian_relation) == ("Ibu Sintetis", "ibu kandung")


@pytest.mark.django_db
class TestPublicForm:
    def submit(self, world):
        return services.data_request_submit(
            kind="access",
            village=world.other_village,
            requester_name="Sari Sintetis",
            requester_contact="0812 0000 0000",
        )

    def test_it_records_a_request_without_a_person_until_verified(self, world):
        request = self.submit(world)
        assert request.person is None and request.status == DataRequest.Status.UNVERIFIED
        assert request.due_at - request.received_at == dt.timedelta(hours=72)

    def test_the_page_shows_no_data_and_says_where_to_verify(self, client, world, sari):
        page = client.get("/privasi/ajukan/")
        assert page.status_code == 200
        response = client.post(
            "/privasi/ajukan/",
            {
                "kind": "access",
                "village": world.tebat_monok.code,
                "requester_name": "Sari Sintetis",
                "requester_contact": "0812 0000 0000",
            },
            follow=True,
        )
        text = response.content.decode()
        assert "e-KTP" in text and "081234567890" not in text and "Sari" not in text
        assert DataRequest.objects.get().status == DataRequest.Status.UNVERIFIED

    def test_the_form_is_rate_limited_per_client(self, client, world):
        body = {
            "kind": "access",
            "village": world.tebat_monok.code,
            "requester_name": "A",
            "requester_contact": "1",
        }
        codes = [client.post("/privasi/ajukan/", body).status_code for _ in range(6)]
        assert codes == [302] * 5 + [429]
        assert DataRequest.objects.count() == 5

    def test_a_person_in_two_villages_is_seen_by_both_villages_staff(self, world, sari):
        # Sari lives in Tebat Monok (budi) and asked through Urai's office (citra); ani verifies at the Kanim.
        request = self.submit(world)
        assert list(selectors.data_requests_for(world.citra)) == [request]
        assert not selectors.data_requests_for(world.budi).exists()
        services.data_request_verify(
            actor=world.ani, request=request, person=sari, verification_note="e-KTP diperiksa di Kanim"
        )
        assert list(selectors.data_requests_for(world.budi)) == [request]
        assert list(selectors.data_requests_for(world.citra)) == [request]
        assert not selectors.data_requests_for(world.dewi).exists()

    def test_the_liaison_of_another_village_cannot_link_a_person_outside_it(self, world, sari):
        request = self.submit(world)
        with pytest.raises(PermissionDenied):
            services.data_request_verify(
                actor=world.citra, request=request, person=sari, verification_note="KTP"
            )


@pytest.mark.django_db
class TestEscalation:
    def test_a_missed_deadline_is_escalated_once_and_mailed_to_the_office(self, world, sari):
        create(world.budi, sari)
        assert tasks.escalate_overdue_requests.call() == {"escalated": 0, "sent": 0}
        with time_machine.travel(timezone.now() + dt.timedelta(hours=73)):
            result = tasks.escalate_overdue_requests.call()
            again = tasks.escalate_overdue_requests.call()
        # ani, fajar (Kanim Bengkulu) and admin; not dewi (Bandung).
        assert result == {"escalated": 1, "sent": 3}
        assert again == {"escalated": 0, "sent": 0}
        recipients = {m.to[0] for m in mail.outbox}
        assert recipients == {"ani@example.test", "fajar@example.test", "admin@example.test"}
        assert "Sari" not in mail.outbox[0].body
        assert DataRequest.objects.get().escalated_at is not None
