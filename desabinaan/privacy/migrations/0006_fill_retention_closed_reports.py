"""Closed anonymous reports are anonymised 2 years after closure (docs/rules.md §6; DPIA.md §5): the description, the
persons named, messages and attachments go; category, place, dates and status stay for the statistics."""

import datetime as dt

from django.db import migrations

IN_FORCE = dt.date(2024, 10, 17)


def fill(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    RetentionRule.objects.get_or_create(
        record_type="closed_report",
        effective_from=IN_FORCE,
        defaults={
            "purpose": "Laporan masyarakat (peringatan dini TPPO)",
            "period_days": 2 * 365,
            "action": "anonymise",
            "legal_basis": "UU PDP 27/2022 Pasal 42 ayat (1) huruf a dan Pasal 43; masa 2 tahun setelah selesai: "
            "standar produk (DPIA.md)",
            "unconfirmed": True,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0005_retention_closed_reports")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
