"""The retention schedule: `apply_retention --dry-run` lists exactly what the real run then purges or anonymises,
per record type, and changes nothing; figures already counted stay."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from desabinaan.audit.models import AccessEntry
from desabinaan.audit.services import access_record
from desabinaan.people.models import Person
from desabinaan.privacy import retention, services
from desabinaan.privacy.models import DataRequest, RecordType
from desabinaan.protection.models import Report
from desabinaan.protection.services import report_submit
from desabinaan.stats.models import MonthlyFigure
from desabinaan.stats.services import stats_refresh

from .conftest import attend, make_person, screen_and_refer


def run(*args) -> str:
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def aged(world):
    """Four years ago: two education-only attendees, one screened attendee, a read; a public request closed 400 days
    ago (its contact is kept one year)."""
    four_years_ago = timezone.now() - dt.timedelta(days=4 * 365)
    with time_machine.travel(four_years_ago, tick=False):
        only_education = [make_person(world, name=f"Peserta {i}") for i in range(2)]
        for person in only_education:
            attend(world, person, days_ago=1)
        screened = make_person(world, name="Pemohon Paspor")
        attend(world, screened, days_ago=1)
        screen_and_refer(world, screened)
        access_record(actor=world.fajar, person=screened, purpose="uji")
    request = services.data_request_submit(
        kind="access", village=world.tebat_monok, requester_name="Pemohon", requester_contact="0812"
    )
    closed = timezone.now() - dt.timedelta(days=400)
    DataRequest.objects.filter(pk=request.pk).update(status="refused", closed_at=closed)
    recent = make_person(world, name="Peserta Baru")
    attend(world, recent)
    return only_education, screened, recent


@pytest.mark.django_db
class TestRetention:
    def test_the_dry_run_lists_exactly_what_the_real_run_changes(self, world, aged):
        only_education, screened, recent = aged
        planned = {line.record_type: line.ids for line in retention.plan()}
        assert planned[RecordType.EDUCATION_PERSON] == sorted(p.pk for p in only_education)
        assert len(planned[RecordType.ACCESS_LOG]) == 0  # 5-year period: not yet
        assert len(planned[RecordType.REQUEST_CONTACT]) == 1

        dry = run("--dry-run")
        assert Person.objects.filter(name__startswith="Peserta").count() == 3  # nothing changed
        real = run()
        assert dry.replace("[uji coba] ", "") == real
        for line in retention.plan():
            assert line.ids == []  # a second run finds nothing left
        anonymised = set(Person.objects.filter(name=services.ANONYMISED_NAME).values_list("pk", flat=True))
        assert anonymised == set(planned[RecordType.EDUCATION_PERSON])
        assert Person.objects.get(pk=screened.pk).name == "Pemohon Paspor"  # screened: kept
        assert Person.objects.get(pk=recent.pk).name == "Peserta Baru"
        assert not DataRequest.objects.exclude(requester_contact="").exists()

    def test_it_prints_per_record_type(self, world, aged):
        out = run("--dry-run")
        for record_type in RecordType.values:
            assert record_type in out
        assert "education_person (anonimkan): 2" in out

    def test_the_access_log_is_deleted_after_its_period(self, world, aged):
        with time_machine.travel(timezone.now() + dt.timedelta(days=2 * 365)):
            ids = {line.record_type: line.ids for line in retention.plan()}[RecordType.ACCESS_LOG]
            assert ids and run()
            assert not AccessEntry.objects.filter(pk__in=ids).exists()

    def test_the_dashboard_counts_stay(self, world, aged):
        stats_refresh()
        before = sorted(
            MonthlyFigure.objects.values_list("level", "area", "month", "metric", "dimension", "value")
        )
        run()
        stats_refresh()
        after = sorted(
            MonthlyFigure.objects.values_list("level", "area", "month", "metric", "dimension", "value")
        )
        assert after == before


@pytest.mark.django_db
class TestClosedReports:
    def test_a_closed_report_is_anonymised_two_years_on_and_keeps_what_the_statistics_count(self, world):
        submitted = report_submit(
            category="recruiter",
            description="Calo bernama Pak X menawarkan kerja di Kamboja",
            village=world.tebat_monok,
            involved=[{"name": "Pak X", "phone": "081200000001", "account": ""}],
            callback_contact="0812 0000 0002",
        )
        report = submitted.report
        open_report = report_submit(
            category="recruiter", description="Masih ditangani", village=world.tebat_monok
        )
        Report.objects.filter(pk=report.pk).update(status=Report.Status.CLOSED)
        assert {line.record_type: line.ids for line in retention.plan()}[RecordType.CLOSED_REPORT] == []
        with time_machine.travel(timezone.now() + dt.timedelta(days=2 * 365 + 1)):
            planned = {line.record_type: line.ids for line in retention.plan()}[RecordType.CLOSED_REPORT]
            assert planned == [report.pk]
            run()
        report.refresh_from_db()
        assert report.description == retention.REPORT_ANONYMISED and report.callback_contact == ""
        assert not report.involved.exists()
        assert (report.category, report.village_id, report.status) == (
            "recruiter",
            world.tebat_monok.pk,
            "closed",
        )
        assert Report.objects.get(pk=open_report.report.pk).description == "Masih ditangani"
