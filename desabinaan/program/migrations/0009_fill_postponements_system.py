"""Postponements by cause are counted by the system from the readiness outcomes officers record with their cause
(events plugs the sources in), no longer typed in (docs/rules.md §1)."""

from django.db import migrations

CODES = ["penundaan_dokumen", "penundaan_indikasi_tppo"]


def fill(apps, schema_editor):
    apps.get_model("program", "EvaluationIndicator").objects.filter(code__in=CODES).update(source="system")


def empty(apps, schema_editor):
    apps.get_model("program", "EvaluationIndicator").objects.filter(code__in=CODES).update(source="manual")


class Migration(migrations.Migration):
    dependencies = [("program", "0008_fill_cases_referred_system")]

    operations = [migrations.RunPython(fill, empty)]
