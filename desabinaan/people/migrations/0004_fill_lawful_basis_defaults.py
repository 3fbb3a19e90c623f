"""The lawful basis preset on the consent form per purpose: docs/rules.md §6 (UU PDP 27/2022 Art. 20(2), in force
17 Oct 2024). Education and passport assistance rest on the person's consent (Art. 20(2)(a)); protection and case
handling on the office's official authority (Art. 20(2)(e)), the government's duty to prevent trafficking
(UU 21/2007 Art. 57). A product default, editable in the admin; officers may choose another basis per case."""

import datetime as dt

from django.db import migrations

EFFECTIVE = dt.date(2024, 10, 17)
ROWS = [
    ("education", "consent", "UU PDP 27/2022 Pasal 20 ayat (2) huruf a (persetujuan)", ""),
    ("passport", "consent", "UU PDP 27/2022 Pasal 20 ayat (2) huruf a (persetujuan)", ""),
    (
        "protection",
        "public_task",
        "UU PDP 27/2022 Pasal 20 ayat (2) huruf e (pelaksanaan kewenangan); UU 21/2007 Pasal 57",
        "Bawaan produk: dikonfirmasi oleh pejabat pelindungan data kantor.",
    ),
]


def fill(apps, schema_editor):
    LawfulBasisDefault = apps.get_model("people", "LawfulBasisDefault")
    for purpose, basis, source, note in ROWS:
        LawfulBasisDefault.objects.get_or_create(
            purpose=purpose,
            role="",
            effective_from=EFFECTIVE,
            defaults={"lawful_basis": basis, "source": source, "note": note},
        )


def empty(apps, schema_editor):
    apps.get_model("people", "LawfulBasisDefault").objects.filter(effective_from=EFFECTIVE, role="").delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0003_lawful_basis_default")]
    operations = [migrations.RunPython(fill, empty)]
