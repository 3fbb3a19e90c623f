"""The minor-worker legal stop also applies when the purpose is declared as a visit but the officer saw signs of work
behind it (indicator work_behind_visit_purpose answered Yes): departing for work whatever the visa says
(UU 18/2017 Art. 5(a), docs/rules.md §3). A new dated row; the row of migration 0012 stays for earlier dates."""

import datetime as dt

from django.db import migrations

CODE = "minor-departing-for-work"
SINCE = dt.date(2026, 12, 3)


def fill(apps, schema_editor):
    LegalStop = apps.get_model("protection", "LegalStop")
    previous = LegalStop.objects.filter(code=CODE).order_by("-effective_from").first()
    if previous is None or LegalStop.objects.filter(code=CODE, effective_from=SINCE).exists():
        return
    LegalStop.objects.create(
        code=CODE,
        purpose=previous.purpose,
        also_when_yes="work_behind_visit_purpose",
        under_age=previous.under_age,
        label=previous.label,
        label_en=previous.label_en,
        citation=previous.citation,
        effective_from=SINCE,
    )


def empty(apps, schema_editor):
    apps.get_model("protection", "LegalStop").objects.filter(code=CODE, effective_from=SINCE).delete()


class Migration(migrations.Migration):
    dependencies = [("protection", "0013_legal_stop_also_when_yes")]

    operations = [migrations.RunPython(fill, empty)]
