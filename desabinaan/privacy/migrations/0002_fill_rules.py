"""Deadlines of data-subject requests and breach notices, and the retention schedule (docs/rules.md §6).

UU PDP 27/2022 is in force from 17 Oct 2024. Rows the law does not fix are the office's service standard or product
defaults, flagged `unconfirmed` until the controller confirms them; a change is a new row with a later date.
"""

import datetime as dt

from django.db import migrations

IN_FORCE = dt.date(2024, 10, 17)

# (kind, hours, citation, statutory, unconfirmed)
REQUEST_RULES = [
    ("access", 72, "UU PDP 27/2022 Pasal 32 (akses dan salinan dalam 3 x 24 jam)", True, False),
    ("correction", 72, "UU PDP 27/2022 Pasal 6 dan Pasal 30 (perbaikan dalam 3 x 24 jam)", True, True),
    ("restriction", 72, "UU PDP 27/2022 Pasal 11 dan Pasal 41 (penundaan/pembatasan dalam 3 x 24 jam)", True, False),
    ("withdrawal", 72, "UU PDP 27/2022 Pasal 9 dan Pasal 40 (penghentian pemrosesan dalam 3 x 24 jam)", True, True),
    (
        "erasure",
        72,
        "UU PDP 27/2022 Pasal 8 dan Pasal 43 (penghapusan); jangka waktu mengikuti standar 3 x 24 jam kantor",
        False,
        True,
    ),
    (
        "objection",
        14 * 24,
        "UU PDP 27/2022 Pasal 10 (keberatan atas keputusan otomatis); undang-undang tidak menetapkan jangka waktu, "
        "standar layanan kantor 14 hari",
        False,
        True,
    ),
    ("breach_notice", 72, "UU PDP 27/2022 Pasal 46 (pemberitahuan tertulis dalam 3 x 24 jam)", True, False),
]

# (record_type, purpose, days, action, legal_basis, unconfirmed)
RETENTION_RULES = [
    (
        "education_person",
        "Edukasi / sosialisasi: peserta tanpa catatan paspor atau perlindungan",
        3 * 365,
        "anonymise",
        "UU PDP 27/2022 Pasal 42 ayat (1) huruf a dan Pasal 43 (akhir masa retensi); masa 3 tahun: standar produk",
        True,
    ),
    (
        "access_log",
        "Log pemrosesan (akuntabilitas pengendali)",
        5 * 365,
        "delete",
        "UU PDP 27/2022 Pasal 31 (rekaman pemrosesan); masa 5 tahun: standar produk",
        True,
    ),
    (
        "request_contact",
        "Menanggapi permintaan subjek data",
        365,
        "anonymise",
        "UU PDP 27/2022 Pasal 42 ayat (1) huruf b (tujuan tercapai); masa 1 tahun: standar produk",
        True,
    ),
]


def fill(apps, schema_editor):
    RequestRule = apps.get_model("privacy", "RequestRule")
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for kind, hours, citation, statutory, unconfirmed in REQUEST_RULES:
        RequestRule.objects.get_or_create(
            kind=kind,
            effective_from=IN_FORCE,
            defaults={"hours": hours, "citation": citation, "statutory": statutory, "unconfirmed": unconfirmed},
        )
    for record_type, purpose, days, action, basis, unconfirmed in RETENTION_RULES:
        RetentionRule.objects.get_or_create(
            record_type=record_type,
            effective_from=IN_FORCE,
            defaults={
                "purpose": purpose,
                "period_days": days,
                "action": action,
                "legal_basis": basis,
                "unconfirmed": unconfirmed,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
