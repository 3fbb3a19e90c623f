"""Point the default criteria and indicators at docs/rules.md, which replaced the briefing 0003 cited (DOMAIN.md).

Only rows still holding 0003's text are changed; a citation an administrator rewrote stays as it is.
"""

from django.db import migrations

# (old text written by 0003, new text)
CITATIONS = [
    (
        "Kriteria yang disebut kantor imigrasi (tidak ada daftar nasional); lihat DOMAIN.md §1",
        "Kriteria yang disebut kantor imigrasi (tidak ada daftar nasional); lihat docs/rules.md §1",
    ),
    (
        "Tidak ada indikator evaluasi nasional; bawaan yang wajar menurut DOMAIN.md §1",
        "Tidak ada indikator evaluasi nasional; bawaan yang wajar menurut docs/rules.md §1",
    ),
]


def _rewrite(apps, pairs):
    for model in ("SelectionCriterion", "EvaluationIndicator"):
        manager = apps.get_model("program", model).objects
        for old, new in pairs:
            manager.filter(citation=old).update(citation=new)


def forwards(apps, schema_editor):
    _rewrite(apps, CITATIONS)


def backwards(apps, schema_editor):
    _rewrite(apps, [(new, old) for old, new in CITATIONS])


class Migration(migrations.Migration):
    dependencies = [("program", "0003_fill_criteria_and_indicators")]

    operations = [migrations.RunPython(forwards, backwards)]
