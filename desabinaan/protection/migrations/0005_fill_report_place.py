"""Existing reports: fill the regency and province from the village, and give an owner to village reports that
came in without one (issue 11). Reports without any place stay in the triage queue."""

from django.db import migrations


def fill(apps, schema_editor):
    Report = apps.get_model("protection", "Report")
    Village = apps.get_model("regions", "Village")
    Regency = apps.get_model("regions", "Regency")
    WorkingAreaAssignment = apps.get_model("offices", "WorkingAreaAssignment")
    owners = dict(WorkingAreaAssignment.objects.filter(valid_to__isnull=True).values_list("regency_id", "kanim_id"))
    provinces = dict(Regency.objects.values_list("code", "province_id"))
    regencies = dict(
        Village.objects.filter(code__in=Report.objects.values("village_id")).values_list("code", "regency_id")
    )
    for report in Report.objects.filter(village__isnull=False).only("pk", "village_id", "kanim_id"):
        regency = regencies[report.village_id]
        report.regency_id = regency
        report.province_id = provinces[regency]
        report.kanim_id = report.kanim_id or owners.get(regency)
        report.save(update_fields=["regency", "province", "kanim"])


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0004_report_place"),
        ("offices", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
