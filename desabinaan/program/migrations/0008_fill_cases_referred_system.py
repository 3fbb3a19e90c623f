"""Cases detected and referred are counted by the system from the quarter's referrals (events plugs the source in),
no longer typed in (docs/rules.md §1)."""

from django.db import migrations


def fill(apps, schema_editor):
    apps.get_model("program", "EvaluationIndicator").objects.filter(code="kasus_terdeteksi_dirujuk").update(
        source="system", label="Kasus dari desa yang terdeteksi dan dirujuk (skrining atau laporan)"
    )


def empty(apps, schema_editor):
    apps.get_model("program", "EvaluationIndicator").objects.filter(code="kasus_terdeteksi_dirujuk").update(
        source="manual"
    )


class Migration(migrations.Migration):
    dependencies = [("program", "0007_fill_evaluation_detected_referred")]

    operations = [migrations.RunPython(fill, empty)]
