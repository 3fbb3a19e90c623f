"""Retention of readiness checks, screenings and uploaded files (docs/rules.md §6; DPIA.md §5).

The law sets no periods: each is a product default flagged `unconfirmed` until the controller's data protection officer
confirms it (a change is a new row with a later date). Signed decisions are never touched (official decisions, §3),
nor anything of a person with an open referral, an open request or a restriction.
"""

import datetime as dt

from django.db import migrations

IN_FORCE = dt.date(2024, 10, 17)
BASIS = "UU PDP 27/2022 Pasal 42 ayat (1) huruf b dan Pasal 43 (tujuan tercapai, akhir masa retensi)"

# (record_type, purpose, days, action, legal_basis)
RULES = [
    (
        "readiness_check",
        "Pendampingan kesiapan paspor",
        2 * 365,
        "anonymise",
        f"{BASIS}; masa 2 tahun setelah tanggal pemeriksaan: standar produk",
    ),
    (
        "screening",
        "Pencegahan TPPO pada penerbitan paspor (skrining wawancara)",
        5 * 365,
        "anonymise",
        f"{BASIS}; keputusan pejabat disimpan sebagai arsip keputusan (UU 6/2011, docs/rules.md §3); masa 5 tahun "
        "setelah skrining dan keputusan terakhir: standar produk",
    ),
    (
        "event_photo",
        "Dokumentasi sosialisasi",
        365,
        "delete",
        f"{BASIS}; foto memuat wajah peserta; masa 1 tahun setelah kegiatan: standar produk",
    ),
    (
        "activity_attachment",
        "Log kegiatan desa binaan (bukti kegiatan)",
        5 * 365,
        "delete",
        f"{BASIS}; baris kegiatan dan jumlah peserta tetap; masa 5 tahun setelah kegiatan: standar produk",
    ),
    (
        "sk_file",
        "Penetapan desa binaan (SK)",
        10 * 365,
        "delete",
        f"{BASIS}; nomor dan tanggal SK tetap dicatat; masa 10 tahun setelah desa mandiri: standar produk",
    ),
]


def fill(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for record_type, purpose, days, action, basis in RULES:
        RetentionRule.objects.get_or_create(
            record_type=record_type,
            effective_from=IN_FORCE,
            defaults={
                "purpose": purpose,
                "period_days": days,
                "action": action,
                "legal_basis": basis,
                "unconfirmed": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0007_retention_cases_and_files")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
