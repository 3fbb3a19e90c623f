"""An anonymous report's times are stored to the hour, so a report cannot be matched to a server log line."""

import datetime as dt
import importlib

import time_machine
from django.apps import apps

from desabinaan.audit.models import AuditEntry
from desabinaan.protection.models import Report, ReportMessage
from desabinaan.protection.services import report_add_information, report_submit

AT = dt.datetime(2026, 3, 4, 10, 37, 12, 345678, tzinfo=dt.UTC)
HOUR = dt.datetime(2026, 3, 4, 10, 0, tzinfo=dt.UTC)


def test_a_report_is_stored_to_the_hour(world):
    with time_machine.travel(AT, tick=False):
        submitted = report_submit(category="recruiter", description="Ada calo", village=world.tebat_monok)
    stored = Report.objects.get(pk=submitted.report.pk)
    assert stored.created_at == HOUR and stored.updated_at == HOUR
    assert submitted.report.created_at == HOUR
    entry = AuditEntry.objects.get(target_type="protection.report", target_id=str(stored.pk))
    assert entry.at == HOUR


def test_the_reporters_additions_are_stored_to_the_hour(world, report):
    with time_machine.travel(AT + dt.timedelta(days=1), tick=False):
        message = report_add_information(report=report.report, body="Nomor baru sponsor")
    assert ReportMessage.objects.get(pk=message.pk).created_at == HOUR + dt.timedelta(days=1)
    assert Report.objects.get(pk=report.report.pk).updated_at == HOUR + dt.timedelta(days=1)


def test_the_migration_coarsens_existing_reports(world, report):
    message = report_add_information(report=report.report, body="Tambahan")
    Report.objects.filter(pk=report.report.pk).update(created_at=AT, updated_at=AT)
    ReportMessage.objects.filter(pk=message.pk).update(created_at=AT)
    migration = importlib.import_module("desabinaan.protection.migrations.0007_fill_report_hour")
    migration.fill(apps, None)
    stored = Report.objects.get(pk=report.report.pk)
    assert (stored.created_at, stored.updated_at) == (HOUR, HOUR)
    assert ReportMessage.objects.get(pk=message.pk).created_at == HOUR
