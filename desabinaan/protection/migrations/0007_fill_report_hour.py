"""Existing anonymous reports and reporters' messages: their times to the hour, as report_submit and
report_add_information now store them (issue 12), so none can be matched to a server log line."""

from django.db import migrations


def _hour(value):
    return value.replace(minute=0, second=0, microsecond=0)


def fill(apps, schema_editor):
    Report = apps.get_model("protection", "Report")
    ReportMessage = apps.get_model("protection", "ReportMessage")
    reports = list(Report.objects.only("pk", "created_at", "updated_at"))
    for report in reports:
        report.created_at, report.updated_at = _hour(report.created_at), _hour(report.updated_at)
    Report.objects.bulk_update(reports, ["created_at", "updated_at"], batch_size=500)
    messages = list(ReportMessage.objects.filter(author_kind="reporter").only("pk", "created_at"))
    for message in messages:
        message.created_at = _hour(message.created_at)
    ReportMessage.objects.bulk_update(messages, ["created_at"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("protection", "0006_report_place_constraints")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
