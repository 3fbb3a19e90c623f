"""Route advisory data for readiness checks (docs/rules.md §4, checked 2026-12-03): destinations without a placement
agreement and known online-scam destinations, study or internship as cover for work, and the moratorium's status.

No P3MI designated for the One Channel System is entered: the list was not found in a public source, so until an
administrator enters it a One Channel claim keeps the moratorium warning (the officer decides).
"""

import datetime as dt

from django.db import migrations

MINISTER_2025 = (
    "Menteri P2MI Abdul Kadir Karding, 17 April 2025 (tribratanews.polri.go.id): Indonesia tidak memiliki kerja sama "
    "penempatan PMI dengan Kamboja, Thailand, dan Myanmar."
)
BP3MI_SULUT_2025 = (
    "BP3MI Sulawesi Utara, 8 September 2025 (manado.tribunnews.com): Kamboja, Myanmar, Laos, Thailand, dan Filipina "
    "tidak memiliki perjanjian kerja sama penempatan PMI; di Kamboja dan Myanmar marak pusat penipuan dan judi daring."
)
BP2MI_2022 = (
    "BP2MI, konferensi pers Agustus 2022 (mandalika.antaranews.com 3074121): calon PMI korban penipuan daring di "
    "Kamboja direkrut lewat media sosial; 241 orang dipulangkan."
)
FERIENJOB_2024 = (
    "Bareskrim Polri, Maret 2024: 1.047 mahasiswa dari 33 perguruan tinggi diberangkatkan ke Jerman dengan kedok "
    "magang (ferienjob) lalu dipekerjakan sebagai buruh; UU 21/2007 Pasal 4."
)
MORATORIUM = "Kepmenaker 260/2015 (berlaku 1 Juli 2015), daftar 19 negara (docs/rules.md §4)"
SAUDI = (
    "Kepmenaker 260/2015; Kepmenaker 291/2018; pemberitaan Maret 2025 (pembukaan kembali disetujui secara prinsip) "
    "dan Februari 2026 (masih rencana)"
)
D_MINISTER = dt.date(2025, 4, 17)
D_SULUT = dt.date(2025, 9, 8)

# kind, country, area, status, citation, effective_from, to_confirm, officer_note
ROWS = [
    ("no_placement_agreement", "KH", "", "", MINISTER_2025, D_MINISTER, False, ""),
    ("no_placement_agreement", "TH", "", "", MINISTER_2025, D_MINISTER, False, ""),
    ("no_placement_agreement", "MM", "", "", MINISTER_2025, D_MINISTER, False, ""),
    (
        "no_placement_agreement",
        "LA",
        "",
        "",
        BP3MI_SULUT_2025,
        D_SULUT,
        True,
        "Sumber: kantor daerah, bukan teks resmi.",
    ),
    (
        "no_placement_agreement",
        "PH",
        "",
        "",
        BP3MI_SULUT_2025,
        D_SULUT,
        True,
        "Sumber: kantor daerah, bukan teks resmi.",
    ),
    ("scam_destination", "KH", "", "", f"{BP2MI_2022} {BP3MI_SULUT_2025}", dt.date(2022, 8, 12), False, ""),
    ("scam_destination", "MM", "", "", BP3MI_SULUT_2025, D_SULUT, False, ""),
    (
        "scam_destination",
        "LA",
        "",
        "",
        BP3MI_SULUT_2025,
        D_SULUT,
        True,
        "Laos disebut dalam kajian domain; cek kasus.",
    ),
    (
        "scam_destination",
        "PH",
        "",
        "",
        BP3MI_SULUT_2025,
        D_SULUT,
        True,
        "Filipina disebut dalam kajian domain; cek kasus.",
    ),
    (
        "scam_destination",
        "TH",
        "daerah perbatasan Thailand–Myanmar",
        "",
        f"{MINISTER_2025} {BP3MI_SULUT_2025}",
        D_SULUT,
        True,
        "Yang berisiko adalah daerah perbatasan; pekerjaan lain di Thailand juga tanpa perjanjian penempatan.",
    ),
    ("study_cover", "", "", "", FERIENJOB_2024, dt.date(2024, 3, 20), False, ""),
    (
        "moratorium_status",
        "",
        "",
        "Berlaku untuk 19 negara Timur Tengah",
        MORATORIUM,
        dt.date(2015, 7, 1),
        False,
        "",
    ),
    (
        "moratorium_status",
        "SA",
        "",
        "Moratorium masih berlaku; pembukaan kembali disetujui secara prinsip Maret 2025, masih rencana Februari 2026",
        SAUDI,
        dt.date(2025, 3, 1),
        True,
        "Belum dikonfirmasi sejak Februari 2026. Daftar P3MI yang ditunjuk untuk Sistem Penempatan Satu Kanal belum "
        "dimasukkan: tambahkan dari pengumuman Kemnaker/KP2MI (jenis data “P3MI yang ditunjuk”).",
    ),
]


def fill(apps, schema_editor):
    RouteAdvisory = apps.get_model("passport", "RouteAdvisory")
    for kind, country, area, status, citation, since, to_confirm, note in ROWS:
        RouteAdvisory.objects.get_or_create(
            kind=kind,
            country=country,
            effective_from=since,
            defaults={
                "area": area,
                "status": status,
                "citation": citation,
                "to_confirm": to_confirm,
                "officer_note": note,
            },
        )


def empty(apps, schema_editor):
    apps.get_model("passport", "RouteAdvisory").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("passport", "0009_route_advisory")]

    operations = [migrations.RunPython(fill, empty)]
