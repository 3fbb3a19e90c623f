"""Point the default criteria and indicators at docs/rules.md §1.

Databases migrated by an earlier 0003 hold the same two default citations naming the project's former briefing file;
a row whose citation still has a default's opening words and its "§1" ending gets the docs/rules.md text. A citation
an administrator rewrote (other words) stays as it is. New databases already hold the docs/rules.md text: no-op.
"""

from django.db import migrations

# (opening words of the default citation, the docs/rules.md text)
CITATIONS = [
    (
        "Kriteria yang disebut kantor imigrasi (tidak ada daftar nasional); lihat ",
        "Kriteria yang disebut kantor imigrasi (tidak ada daftar nasional); lihat docs/rules.md §1",
    ),
    (
        "Tidak ada indikator evaluasi nasional; bawaan yang wajar menurut ",
        "Tidak ada indikator evaluasi nasional; bawaan yang wajar menurut docs/rules.md §1",
    ),
]


def forwards(apps, schema_editor):
    for model in ("SelectionCriterion", "EvaluationIndicator"):
        manager = apps.get_model("program", model).objects
        for opening, new in CITATIONS:
            manager.filter(citation__startswith=opening, citation__endswith=" §1").exclude(citation=new).update(
                citation=new
            )


class Migration(migrations.Migration):
    dependencies = [("program", "0003_fill_criteria_and_indicators")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
