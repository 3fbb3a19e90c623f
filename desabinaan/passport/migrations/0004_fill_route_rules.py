"""Default rules for readiness checks and collective requests (docs/rules.md §1, §4).

Later changes are new rows with a new effective date, entered in the admin — never edits of these rows.
"""

import datetime as dt

from django.db import migrations

KEPMENAKER_260_2015 = (
    "Kepmenaker 260/2015 tentang Penghentian dan Pelarangan Penempatan TKI pada Pengguna Perseorangan di "
    "Negara-Negara Kawasan Timur Tengah (berlaku 1 Juli 2015): penempatan pekerja rumah tangga pada pengguna "
    "perseorangan di negara-negara yang tercantum dihentikan."
)
KEPMENAKER_291_2018 = (
    "Kepmenaker 291/2018 tentang Pedoman Pelaksanaan Penempatan dan Perlindungan PMI di Kerajaan Arab Saudi "
    "melalui Sistem Penempatan Satu Kanal: enam jabatan rumah tangga (housekeeper, baby sitter, family cook, "
    "elderly caretaker, family driver, child care worker) pada perusahaan (syarikah) di Riyadh, Jeddah, Madinah, "
    "dan Provinsi Timur."
)
COUNTRY_LIST_NOTE = (
    "Daftar negara yang beredar berbeda (18, 19, atau 21 negara). Data ini memakai 19: 18 negara yang umum dikutip "
    "ditambah Suriah. Daftar 21 menambahkan Iran, Pakistan, dan Sudan Selatan; administrator dapat menambahkannya "
    "dengan baris aturan baru."
)
# Arab Saudi, Aljazair, Bahrain, Irak, Kuwait, Lebanon, Maroko, Mauritania, Mesir, Oman, Palestina, Qatar, Sudan,
# Tunisia, Uni Emirat Arab, Yaman, Yordania, Libya, Suriah.
COUNTRIES_19 = "SA,DZ,BH,IQ,KW,LB,MA,MR,EG,OM,PS,QA,SD,TN,AE,YE,JO,LY,SY"
DOMESTIC_JOBS = (
    "domestic_worker,housekeeper,baby_sitter,family_cook,elderly_caretaker,family_driver,child_care"
)
ONE_CHANNEL_JOBS = "housekeeper,baby_sitter,family_cook,elderly_caretaker,family_driver,child_care"

EAZY_PASSPORT = (
    "Program Eazy Passport Direktorat Jenderal Imigrasi: layanan paspor kolektif di lokasi pemohon, paling sedikit "
    "50 pemohon per hari (beberapa kantor menerima 30–50); tanpa jumlah minimal untuk kelompok rentan; hanya "
    "permohonan baru dan penggantian paspor habis masa berlaku atau penuh; diajukan dengan surat yang memuat nama, "
    "tanggal lahir, NIK, jenis permohonan, tempat, waktu, dan narahubung."
)


def fill(apps, schema_editor):
    apps.get_model("passport", "MoratoriumRule").objects.create(
        name="Kepmenaker 260/2015",
        citation=KEPMENAKER_260_2015,
        effective_from=dt.date(2015, 7, 1),
        countries=COUNTRIES_19,
        job_types=DOMESTIC_JOBS,
        one_channel_countries="SA",
        one_channel_job_types=ONE_CHANNEL_JOBS,
        one_channel_citation=KEPMENAKER_291_2018,
        note=COUNTRY_LIST_NOTE,
    )
    apps.get_model("passport", "CollectiveServiceRule").objects.create(
        citation=EAZY_PASSPORT,
        # The program's start date is not in the sources; this row applies to every request the system handles.
        effective_from=dt.date(2022, 1, 1),
        min_applicants=50,
        vulnerable_min_applicants=1,
        note="Kelompok rentan: lansia, penyandang disabilitas, anak, warga di daerah terpencil, dan sejenisnya.",
    )


def empty(apps, schema_editor):
    apps.get_model("passport", "MoratoriumRule").objects.all().delete()
    apps.get_model("passport", "CollectiveServiceRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("passport", "0003_readiness_collective")]

    operations = [migrations.RunPython(fill, empty)]
