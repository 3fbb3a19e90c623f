"""Version 1 of the screening checklist: behaviours, documents and routes only (docs/rules.md §3–4), never who a person is.

Weights are a starting point for the offices to tune in the admin (a change makes a new version).
"""

from django.db import migrations

UU21 = "UU 21/2007 Pasal 1 angka 1"
SE = "SE Dirjen Imigrasi IMI-1308.GR.01.01/2024"
UU18 = "UU 18/2017"

# (code, group, weight, label, citation)
INDICATORS = [
    ("recruited_by_broker", "process", 3,
     "Direkrut atau diantar calo/sponsor perorangan, bukan perusahaan penempatan berizin", f"{UU21} (perekrutan); {UU18} Pasal 49"),
    ("sheltered_before_departure", "process", 3,
     "Ditampung di penampungan atau rumah sponsor sambil menunggu keberangkatan", f"{UU21} (penampungan)"),
    ("travel_arranged_by_others", "process", 2,
     "Tiket, biaya atau dokumen diurus dan dipegang orang lain", f"{UU21} (pengiriman)"),
    ("upfront_money_or_debt", "means", 4,
     "Keluarga menerima uang di muka atau pemohon berutang kepada perekrut", f"{UU21} (jeratan utang, memberi bayaran)"),
    ("inconsistent_identity", "means", 4,
     "Identitas atau dokumen tidak konsisten atau diduga dipalsukan (mis. umur diubah)", f"{UU21} (pemalsuan); {SE}"),
    ("unrealistic_promise", "means", 2,
     "Dijanjikan gaji tinggi tanpa keahlian dan keberangkatan cepat", f"{UU21} (penipuan)"),
    ("documents_held_by_sponsor", "means", 3,
     "Dokumen identitas pemohon dipegang sponsor/perantara", f"{UU21} (penyalahgunaan posisi rentan)"),
    ("work_behind_visit_purpose", "purpose", 4,
     "Tujuan wisata/ziarah/umrah/kunjungan, tetapi ada tanda akan bekerja", SE),
    ("closed_job_or_route", "purpose", 3,
     "Jenis pekerjaan atau negara tujuan tertutup untuk penempatan (mis. PRT pada pengguna perseorangan di Timur Tengah)",
     "Kepmenaker 260/2015; Kepmenaker 291/2018"),
    ("cannot_name_job_or_employer", "interview", 3,
     "Tidak dapat menyebut pekerjaan, alamat tempat kerja dan penanggung jawab di luar negeri", SE),
    ("purpose_unclear", "interview", 2, "Tujuan perjalanan tidak jelas atau berubah-ubah selama wawancara", SE),
    ("answers_directed_by_intermediary", "interview", 2,
     "Jawaban tampak diarahkan, atau perantara ikut mendampingi dan menjawab", SE),
    ("holds_valid_passport", "interview", 2, "Mengajukan paspor baru padahal masih memegang paspor yang berlaku", SE),
    ("work_without_disnaker", "route", 3,
     "Akan bekerja tetapi belum ada rekomendasi Disnaker / pendaftaran SISKOP2MI", f"{UU18} Pasal 13; {SE}"),
    ("work_without_contract", "route", 2, "Akan bekerja tanpa perjanjian penempatan dan perjanjian kerja", f"{UU18} Pasal 13"),
    ("unlicensed_agency", "route", 3,
     "Perusahaan yang mengurus bukan P3MI berizin, atau LPK yang menjanjikan penempatan", f"{UU18} Pasal 49 dan 69"),
    ("no_family_permission", "route", 1,
     "Akan bekerja tanpa izin suami/istri/orang tua/wali yang diketahui kepala desa", f"{UU18} Pasal 13 huruf b"),
]


def fill(apps, schema_editor):
    IndicatorSet = apps.get_model("protection", "IndicatorSet")
    Indicator = apps.get_model("protection", "Indicator")
    indicator_set = IndicatorSet.objects.create(
        version=1,
        name="Indikator wawancara paspor (awal)",
        is_active=True,
        attention_threshold=3,
        high_threshold=7,
        notes="Disusun dari unsur TPPO UU 21/2007, SE IMI-1308.GR.01.01/2024 dan dokumen UU 18/2017 Pasal 13.",
    )
    Indicator.objects.bulk_create(
        Indicator(indicator_set=indicator_set, code=code, group=group, weight=weight, label=label, citation=citation,
                  order=(i + 1) * 10)
        for i, (code, group, weight, label, citation) in enumerate(INDICATORS)
    )


def empty(apps, schema_editor):
    apps.get_model("protection", "IndicatorSet").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("protection", "0002_decision_immutable")]

    operations = [migrations.RunPython(fill, empty)]
