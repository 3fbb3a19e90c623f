"""Version 2 of the screening checklist (docs/rules.md §3–4, December 2026 review).

The "purpose" group now holds purposes of exploitation (UU 21/2007 Art. 1(1) and 1(7)); the two travel-purpose facts
that sat there move to the new "travel" group. Every indicator gets an English label (shown in English mode), in
version 1 too (a translation, not a rule change). Screenings keep the version they used; the new version (2 on a
fresh database) becomes active.
Age is never an indicator: a minor departing for work is a legal stop (protection.LegalStop, migration 0012).
"""

from django.db import migrations, models

NAME = "Indikator wawancara paspor (tinjauan Desember 2026)"

UU21 = "UU 21/2007 Pasal 1 angka 1"
UU21_EXPLOITATION = "UU 21/2007 Pasal 1 angka 7 (eksploitasi)"
SE = "SE Dirjen Imigrasi IMI-1308.GR.01.01/2024"
UU18 = "UU 18/2017"

ENGLISH = {
    "recruited_by_broker": "Recruited or brought by an individual broker/sponsor, not a licensed placement company",
    "sheltered_before_departure": "Kept in a shelter or at the sponsor's house while waiting to leave",
    "travel_arranged_by_others": "Tickets, costs or documents arranged and held by someone else",
    "upfront_money_or_debt": "The family received money in advance, or the applicant owes the recruiter",
    "inconsistent_identity": "Identity or documents inconsistent or suspected forged (e.g. age changed)",
    "unrealistic_promise": "Promised a high wage without skills and a quick departure",
    "documents_held_by_sponsor": "The applicant's identity documents are held by the sponsor/intermediary",
    "work_behind_visit_purpose": "Travelling as a tourist/pilgrim/visitor, but with signs of going to work",
    "closed_job_or_route": "Job or destination closed to placement (e.g. domestic work for individual employers in the Middle East)",
    "cannot_name_job_or_employer": "Cannot name the job, the workplace address and the person responsible abroad",
    "purpose_unclear": "Travel purpose unclear or changing during the interview",
    "answers_directed_by_intermediary": "Answers seem coached, or an intermediary comes along and answers",
    "holds_valid_passport": "Applies for a new passport while holding a valid one",
    "work_without_disnaker": "Going to work without a Disnaker recommendation / SISKOP2MI registration",
    "work_without_contract": "Going to work without a placement agreement and an employment contract",
    "unlicensed_agency": "The company arranging it is not a licensed P3MI, or a training centre (LPK) promises placement",
    "no_family_permission": "Going to work without the spouse's/parents'/guardian's permission acknowledged by the village head",
    "sexual_exploitation_risk": "The job offered points to sexual exploitation (e.g. karaoke hostess, 'massage', 'entertainment')",
    "online_scam_job": "Offered an online job (admin, operator, customer service) in a known scam-compound destination",
    "forced_labour_signs": "Told there will be no wage until a debt is repaid, no day off, or no going home or contacting family",
}

# (code, group, weight, label, citation) — version 1's indicators with the travel facts regrouped, plus the three
# purposes of exploitation.
INDICATORS_V2 = [
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
    ("sexual_exploitation_risk", "purpose", 4,
     "Pekerjaan yang ditawarkan mengarah ke eksploitasi seksual (mis. pemandu karaoke, \"pijat\", \"hiburan\")",
     f"{UU21_EXPLOITATION}; UU 21/2007 Pasal 1 angka 8"),
    ("online_scam_job", "purpose", 4,
     "Ditawari kerja daring (admin, operator, layanan pelanggan) di negara tujuan kasus penipuan daring",
     f"{UU21_EXPLOITATION} (kerja paksa)"),
    ("forced_labour_signs", "purpose", 3,
     "Dikatakan tidak digaji sampai utang lunas, tanpa hari libur, atau tidak boleh pulang/menghubungi keluarga",
     f"{UU21_EXPLOITATION} (kerja paksa, perbudakan)"),
    ("work_behind_visit_purpose", "travel", 4,
     "Tujuan wisata/ziarah/umrah/kunjungan, tetapi ada tanda akan bekerja", SE),
    ("closed_job_or_route", "travel", 3,
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
    for indicator in Indicator.objects.filter(label_en="", code__in=ENGLISH):
        indicator.label_en = ENGLISH[indicator.code]
        indicator.save(update_fields=["label_en"])
    if IndicatorSet.objects.filter(name=NAME).exists():
        return
    # The next free version number (2 on a fresh database; later if an office already added versions).
    version = (IndicatorSet.objects.aggregate(v=models.Max("version"))["v"] or 0) + 1
    IndicatorSet.objects.filter(is_active=True).update(is_active=False)
    indicator_set = IndicatorSet.objects.create(
        version=version,
        name=NAME,
        is_active=True,
        attention_threshold=3,
        high_threshold=7,
        notes=(
            "Kelompok tujuan memuat tujuan eksploitasi (UU 21/2007 Pasal 1 angka 1 dan 7); fakta tujuan perjalanan "
            "dipindah ke kelompok tersendiri. Umur bukan indikator: anak yang akan bekerja adalah batas hukum "
            "(UU 18/2017 Pasal 5 huruf a). Lihat docs/rules.md §3–4."
        ),
    )
    Indicator.objects.bulk_create(
        Indicator(indicator_set=indicator_set, code=code, group=group, weight=weight, label=label,
                  label_en=ENGLISH[code], citation=citation, order=(i + 1) * 10)
        for i, (code, group, weight, label, citation) in enumerate(INDICATORS_V2)
    )


def empty(apps, schema_editor):
    IndicatorSet = apps.get_model("protection", "IndicatorSet")
    IndicatorSet.objects.filter(name=NAME, screenings__isnull=True).delete()
    if not IndicatorSet.objects.filter(is_active=True).exists():
        IndicatorSet.objects.filter(version=1).update(is_active=True)


class Migration(migrations.Migration):
    dependencies = [("protection", "0010_help_lines_legal_stops_labels")]

    operations = [migrations.RunPython(fill, empty)]
