"""Help lines and the minor-worker legal stop as dated, cited data (docs/rules.md §3–4), checked 3 Dec 2026.

A contact no official source confirmed carries needs_confirmation (officers see the flag, the public does not).
Where the start of a service is not known, its row takes effect on the day it was checked.
The immigration office's own contacts are not rows here: they come from the office record (offices.Kanim).
"""

import datetime as dt

from django.db import migrations

CHECKED = dt.date(2026, 12, 3)

# (order, code, kind, value, name, name_en, description, description_en, citation, effective_from, unconfirmed)
HELP_LINES = [
    (10, "emergency-110", "phone", "110", "Polisi — panggilan darurat", "Police — emergency call",
     "Bila ada orang dalam bahaya sekarang, atau sedang dibawa pergi dengan paksa.",
     "When someone is in danger now, or being taken away by force.",
     "Polri, layanan darurat 110 (bebas pulsa)", CHECKED, False),
    (20, "sapa-129", "phone", "129", "SAPA 129 (KemenPPPA)", "SAPA 129 (Ministry of Women and Children)",
     "Kekerasan atau perdagangan orang yang menimpa perempuan dan anak.",
     "Violence or trafficking affecting women and children.",
     "KemenPPPA, peluncuran SAPA 129 Terintegrasi, 21 Sep 2023 (Tribratanews Polri)", dt.date(2021, 1, 1), False),
    (21, "sapa-129-wa", "whatsapp", "08111-129-129", "SAPA 129 lewat WhatsApp", "SAPA 129 on WhatsApp",
     "Sama dengan SAPA 129, lewat pesan WhatsApp.", "Same as SAPA 129, by WhatsApp message.",
     "KemenPPPA, peluncuran SAPA 129 Terintegrasi, 21 Sep 2023 (Tribratanews Polri)", dt.date(2023, 9, 21), False),
    (30, "kp2mi-call-centre", "phone", "0800-1000", "KP2MI (dahulu BP2MI) — pusat panggilan, bebas pulsa",
     "KP2MI (formerly BP2MI) — call centre, toll-free",
     "Pekerja migran atau keluarganya yang butuh bantuan, atau untuk melaporkan penempatan ilegal.",
     "Migrant workers or their families needing help, or to report illegal placement.",
     "Pusat pengaduan BNP2TKI/BP2MI sejak 2011 (0800-1000, 24 jam); dikutip lagi 2025", dt.date(2011, 7, 1), False),
    (31, "kp2mi-abroad", "phone", "+62 21 2924 4800", "KP2MI — dari luar negeri", "KP2MI — from abroad",
     "Menelepon KP2MI dari luar negeri (tidak bebas pulsa).", "Calling KP2MI from abroad (not toll-free).",
     "Pusat pengaduan BNP2TKI/BP2MI sejak 2011; dikutip lagi 2025", dt.date(2011, 7, 1), False),
    (32, "kp2mi-wa", "whatsapp", "0811-8080-141", "KP2MI lewat WhatsApp", "KP2MI on WhatsApp",
     "Pengaduan pekerja migran lewat pesan WhatsApp.", "Migrant workers' complaints by WhatsApp message.",
     "Nomor yang beredar; sumber resmi KP2MI belum ditemukan", CHECKED, True),
    (40, "kemlu-peduli-wni", "web", "https://peduliwni.kemlu.go.id", "Portal Peduli WNI (Kemlu)",
     "Peduli WNI portal (Ministry of Foreign Affairs)",
     "Lapor diri sebelum tinggal lama di luar negeri, dan minta bantuan KBRI/KJRI bila keluarga di luar negeri dalam kesulitan.",
     "Register before a long stay abroad, and ask an Indonesian embassy or consulate for help when family abroad is in trouble.",
     "Kemlu, peluncuran portal Peduli WNI, 9 Jan 2018", dt.date(2018, 1, 9), False),
    (41, "kemlu-safe-travel", "app", "Safe Travel", "Aplikasi Safe Travel (Kemlu)", "Safe Travel app (Ministry of Foreign Affairs)",
     "Aplikasi di ponsel dengan tombol darurat ke KBRI/KJRI terdekat saat di luar negeri.",
     "Phone app with an emergency button to the nearest Indonesian embassy or consulate while abroad.",
     "Kemlu, peluncuran aplikasi Safe Travel, 14 Apr 2018", dt.date(2018, 4, 14), False),
]

LEGAL_STOPS = [
    ("minor-departing-for-work", "work", 18,
     "Pemohon belum berusia 18 tahun dan menyatakan akan bekerja di luar negeri: pekerja migran paling rendah berusia "
     "18 tahun. Ini batas hukum, bukan skor — jangan lanjutkan proses untuk bekerja; pertimbangkan rujukan "
     "perlindungan anak.",
     "The applicant is under 18 and states they will work abroad: a migrant worker must be at least 18. This is a "
     "legal limit, not a score — do not proceed for work; consider a child-protection referral.",
     "UU 18/2017 Pasal 5 huruf a", dt.date(2017, 11, 22)),
]


def fill(apps, schema_editor):
    HelpLine = apps.get_model("protection", "HelpLine")
    LegalStop = apps.get_model("protection", "LegalStop")
    for order, code, kind, value, name, name_en, desc, desc_en, citation, since, unconfirmed in HELP_LINES:
        HelpLine.objects.get_or_create(
            code=code,
            effective_from=since,
            defaults=dict(
                order=order, kind=kind, value=value, name=name, name_en=name_en, description=desc,
                description_en=desc_en, citation=citation, checked_on=CHECKED, needs_confirmation=unconfirmed,
            ),
        )
    for code, purpose, under_age, label, label_en, citation, since in LEGAL_STOPS:
        LegalStop.objects.get_or_create(
            code=code,
            effective_from=since,
            defaults=dict(purpose=purpose, under_age=under_age, label=label, label_en=label_en, citation=citation),
        )


def empty(apps, schema_editor):
    apps.get_model("protection", "HelpLine").objects.filter(code__in=[row[1] for row in HELP_LINES]).delete()
    apps.get_model("protection", "LegalStop").objects.filter(code__in=[row[0] for row in LEGAL_STOPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("protection", "0011_fill_indicators_v2")]

    operations = [migrations.RunPython(fill, empty)]
