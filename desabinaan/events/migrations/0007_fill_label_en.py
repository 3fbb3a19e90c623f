"""English labels of the target groups and topics (issue 14): English pages show the data in English too.

Translations of the labels in 0002_fill_reference_data and 0005_fill_route_and_quiz_2026 (checked 3 Dec 2026);
no legal rule changes. Only empty English labels are filled: an administrator's own translation is kept.
"""

from django.db import migrations

TARGET_GROUPS = {
    "umum": "General public",
    "cpmi-keluarga": "Prospective migrant workers and their families",
    "pelajar-sma": "Senior high and vocational school students",
    "mahasiswa": "University students",
    "perangkat-desa": "Village officials",
    "tokoh-masyarakat": "Community leaders",
}
TOPICS = {
    "tppo": "Trafficking in persons and migrant smuggling",
    "paspor": "Passport procedure",
    "jalur-prosedural": "The legal route to work abroad",
    "visa-overstay": "Visas and overstay",
    "tempat-melapor": "Where to report",
    "hak-korban": "Victims' rights and the return of migrant workers",
}


def fill(apps, schema_editor):
    for model, labels in (("TargetGroup", TARGET_GROUPS), ("Topic", TOPICS)):
        Model = apps.get_model("events", model)
        for code, label_en in labels.items():
            Model.objects.filter(code=code, label_en="").update(label_en=label_en)


def empty(apps, schema_editor):
    for model, labels in (("TargetGroup", TARGET_GROUPS), ("Topic", TOPICS)):
        apps.get_model("events", model).objects.filter(code__in=list(labels)).update(label_en="")


class Migration(migrations.Migration):
    dependencies = [("events", "0006_label_en")]

    operations = [migrations.RunPython(fill, empty)]
