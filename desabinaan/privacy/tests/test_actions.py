"""What each request does to the record: correction, erasure (and what must be kept), restriction, withdrawal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.core.errors import Conflict
from desabinaan.passport.services import readiness_check_create
from desabinaan.people.models import Person
from desabinaan.people.services import consent_record
from desabinaan.privacy import selectors, services
from desabinaan.privacy.models import DataRequest
from desabinaan.protection.models import Referral
from desabinaan.protection.services import screening_create
from desabinaan.stats.models import MonthlyFigure
from desabinaan.stats.services import stats_refresh

from .conftest import attend, make_person


def request(world, person, kind):
    return services.data_request_create(
        actor=world.budi, person=person, kind=kind, received_at=timezone.now()
    )


def figures():
    return sorted(MonthlyFigure.objects.values_list("level", "area", "month", "metric", "dimension", "value"))


@pytest.mark.django_db
class TestErasure:
    def test_erasing_an_attendee_leaves_the_dashboard_counts_unchanged(self, world, sari):
        attend(world, sari)
        attend(world, make_person(world, name="Budi Lain"), title="Sosialisasi kedua")
        stats_refresh()
        before = figures()
        assert before
        done = services.person_erase(actor=world.fajar, request=request(world, sari, "erasure"))
        assert done.status == DataRequest.Status.DONE
        stats_refresh()
        assert figures() == before

    def test_erasure_removes_what_identifies_the_person_even_from_the_audit_trail(self, world, sari):
        consent_record(
            actor=world.budi,
            person=sari,
            purpose="education",
            lawful_basis="consent",
            purpose_text="Sosialisasi",
        )
        services.person_erase(actor=world.fajar, request=request(world, sari, "erasure"))
        sari.refresh_from_db()
        assert (sari.name, sari.birth_date, sari.phone, sari.nik_hash) == (
            services.ANONYMISED_NAME,
            None,
            "",
            None,
        )
        trail = AuditEntry.objects.filter(target_type="people.person", target_id=str(sari.pk))
        assert not any("Sari" in str(e.changes) + e.summary for e in trail)

    def test_a_screened_person_is_kept_and_the_reason_is_shown(self, world, case):
        done = services.person_erase(actor=world.fajar, request=request(world, case.person, "erasure"))
        assert done.status == DataRequest.Status.REFUSED
        assert str(services.KEEP_SCREENING) in done.outcome
        assert str(services.KEEP_OPEN_REFERRAL) in done.outcome
        assert Person.objects.get(pk=case.person.pk).name == "Sari Sintetis"

    def test_only_offices_that_write_carry_it_out(self, world, sari):
        erasure = request(world, sari, "erasure")
        for persona in (world.budi, world.eka):
            with pytest.raises(PermissionDenied):
                services.person_erase(actor=persona, request=erasure)
        with pytest.raises(Http404):
            services.person_erase(actor=world.dewi, request=erasure)


@pytest.mark.django_db
class TestCorrectionRestrictionWithdrawal:
    def test_a_correction_goes_through_the_person_service_and_is_audited(self, world, sari):
        correction = request(world, sari, "correction")
        services.person_correct(
            actor=world.fajar, request=correction, version=sari.version, name="Sari Sintetika"
        )
        sari.refresh_from_db()
        assert sari.name == "Sari Sintetika" and sari.version == 2
        correction.refresh_from_db()
        assert correction.status == DataRequest.Status.DONE and "nama lengkap" in correction.outcome
        assert AuditEntry.objects.filter(target_type="people.person", action="update").exists()

    def test_a_restriction_marks_the_record_kept_but_not_used(self, world, sari):
        services.person_restrict(actor=world.fajar, request=request(world, sari, "restriction"))
        assert selectors.restriction_open(sari) is not None
        assert sari.pk in set(selectors.restricted_person_ids().values_list("person_id", flat=True))
        assert Person.objects.filter(pk=sari.pk).exists()

    def test_a_withdrawal_withdraws_every_standing_consent(self, world, sari):
        for purpose in ("education", "passport"):
            consent_record(
                actor=world.budi, person=sari, purpose=purpose, lawful_basis="consent", purpose_text="uji"
            )
        done = services.consents_withdraw_all(actor=world.fajar, request=request(world, sari, "withdrawal"))
        assert done.status == DataRequest.Status.DONE
        assert not sari.consents.filter(withdrawn_at__isnull=True).exists()

    def test_an_objection_is_closed_with_the_officers_review(self, world, sari):
        objection = request(world, sari, "objection")
        services.data_request_close(
            actor=world.fajar,
            request=objection,
            outcome="Keputusan ditinjau ulang oleh petugas; tidak otomatis.",
        )
        objection.refresh_from_db()
        assert objection.status == DataRequest.Status.DONE

    def test_a_closed_request_cannot_be_acted_on_twice(self, world, case):
        erasure = request(world, case.person, "erasure")
        services.person_erase(actor=world.fajar, request=erasure)
        with pytest.raises(Conflict):
            services.person_erase(actor=world.fajar, request=erasure)

    def test_erasure_is_allowed_once_the_case_is_closed_but_the_screening_still_keeps_it(self, world, case):
        Referral.objects.filter(pk=case.referral.pk).update(
            status=Referral.Status.CLOSED, outcome=Referral.Outcome.PROCEDURAL, closed_at=timezone.now()
        )
        assert services.erasure_blockers(case.person) == [str(services.KEEP_SCREENING)]


@pytest.mark.django_db
class TestRestrictionIsHonoured:
    def test_a_restricted_person_is_left_out_of_the_people_export(self, login, world, sari):
        other = make_person(world, name="Rudi Sintetis")
        services.person_restrict(actor=world.fajar, request=request(world, sari, "restriction"))
        response = login(world.fajar).get("/dasbor/ekspor/orang.csv")
        body = b"".join(response.streaming_content).decode()
        assert other.name in body and "Sari Sintetis" not in body

    def test_a_restricted_person_gets_no_new_screening_or_readiness_check(self, world, sari):
        restriction = services.person_restrict(actor=world.fajar, request=request(world, sari, "restriction"))
        with pytest.raises(ValidationError) as exc:
            screening_create(
                actor=world.fajar, person=sari, answers={}, purpose="work", destination_country="Malaysia"
            )
        assert "Pasal 41" in str(exc.value)
        with pytest.raises(ValidationError):
            readiness_check_create(
                actor=world.fajar, person=sari, purpose="work", confirm_without_consent=True
            )
        # Lifted: usable again.
        services.restriction_lift(actor=world.fajar, restriction=restriction)
        screening_create(
            actor=world.fajar, person=sari, answers={}, purpose="work", destination_country="Malaysia"
        )
