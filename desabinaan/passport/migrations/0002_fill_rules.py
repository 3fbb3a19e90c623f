"""Default passport rules (docs/rules.md §2): fee schedules, document types and requirements, the validity rule.

Later changes are new rows with a new effective date, entered in the admin — never edits of these rows.
"""

import datetime as dt

from django.db import migrations

PP_28_2019 = (
    "PP 28/2019 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan HAM, Lampiran "
    "(pelayanan keimigrasian: paspor biasa 48 halaman Rp350.000, paspor elektronik Rp650.000 tanpa membedakan masa "
    "berlaku). Tanggal mulai berlaku pada data ini (29 April 2019) perlu dicocokkan dengan naskah resmi di JDIH."
)
PP_45_2024 = (
    "PP 45/2024 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan HAM, Lampiran "
    "(pelayanan keimigrasian); diundangkan 18 Oktober 2024, berlaku 60 hari kemudian. Sumber berbeda: 17 atau "
    "18 Desember 2024 — data ini memakai 17 Desember 2024."
)
PP_45_2024_SURCHARGE = "PP 45/2024, Lampiran: biaya tambahan paspor hilang Rp1.000.000 dan rusak Rp500.000 per buku."
PP_28_2019_SURCHARGE = "PP 28/2019, Lampiran: biaya tambahan paspor hilang Rp1.000.000 dan rusak Rp500.000 per buku."
FORCE_MAJEURE = (
    "Paspor hilang atau rusak karena bencana alam atau keadaan kahar (dengan surat keterangan instansi "
    "berwenang) tidak dikenakan biaya tambahan; tarif paspor tetap dibayar."
)
MIGRANT = (
    "Permenkumham 9/2020: paspor biasa 24 halaman, masa berlaku 5 tahun, tanpa biaya bagi calon pekerja migran "
    "Indonesia yang baru pertama kali mengajukan paspor."
)
PERMENKUMHAM_18_2022_VALIDITY = (
    "Permenkumham 18/2022 tentang Perubahan atas Permenkumham 8/2014 tentang Paspor Biasa dan SPLP, Pasal 2A: "
    "masa berlaku paling lama 10 tahun, hanya bagi WNI yang telah berusia 17 tahun atau sudah menikah "
    "(diundangkan dan berlaku 29 September 2022)."
)
PERMENKUMHAM_18_2022_DOCUMENTS = (
    "Permenkumham 18/2022 jo. Permenkumham 8/2014, Pasal 4: persyaratan permohonan paspor biasa (KTP, KK, akta "
    "kelahiran/akta perkawinan/ijazah/surat baptis, surat penetapan ganti nama, paspor lama)."
)
CHILD = (
    "Permenkumham 8/2014 jo. 18/2022 (paspor anak: KTP kedua orang tua, KK, akta kelahiran, akta perkawinan "
    "orang tua, paspor orang tua); praktik kantor imigrasi: kedua orang tua hadir atau surat kuasa bermeterai."
)
LOST_DAMAGED = (
    "Permenkumham 8/2014 jo. 18/2022 (penggantian paspor hilang/rusak): surat keterangan kehilangan dari "
    "kepolisian, berita acara pemeriksaan (BAP) oleh pejabat imigrasi, dan persetujuan Kepala Kantor Wilayah "
    "untuk paspor yang masih berlaku."
)
DISNAKER = (
    "Praktik kantor imigrasi 2023–2025: pemohon paspor untuk bekerja (calon PMI) diminta surat rekomendasi "
    "paspor dari Dinas Tenaga Kerja kabupaten/kota (UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia)."
)
SE_0252 = (
    "SE Dirjen Imigrasi IMI-GR.01.01-0252 (28 Agustus 2023): rekomendasi kementerian/lembaga tidak dipersyaratkan "
    "untuk calon PMI, magang, dan haji/umrah. Sumber ini bertentangan dengan praktik kantor; aturan ini dapat "
    "diubah administrator."
)
KEMENAG = (
    "Surat Dirjen Imigrasi IMI-GR.01.01-0070: sejak 22 Februari 2023 permohonan paspor untuk umrah/haji khusus "
    "tidak memerlukan rekomendasi Kementerian Agama; persyaratannya sama dengan paspor biasa."
)

SINCE_2022 = dt.date(2022, 9, 29)

DOCUMENT_TYPES = [
    # code, label, description, provided_by_office
    ("ktp", "e-KTP (KTP elektronik) yang masih berlaku", "", False),
    ("kk", "Kartu Keluarga (KK)", "", False),
    (
        "civil_record",
        "Akta kelahiran, akta/buku nikah, ijazah, atau surat baptis",
        "Cukup salah satu, asalkan memuat nama lengkap, tempat dan tanggal lahir, serta nama orang tua.",
        False,
    ),
    (
        "name_change_decree",
        "Surat penetapan ganti nama atau surat pewarganegaraan",
        "Hanya bagi yang pernah ganti nama atau memperoleh kewarganegaraan Indonesia melalui pewarganegaraan.",
        False,
    ),
    ("old_passport", "Paspor lama (habis masa berlaku, penuh, atau rusak)", "", False),
    (
        "police_report",
        "Surat keterangan kehilangan dari kepolisian",
        "Dibuat di kantor polisi (Polsek/Polres) tempat paspor hilang atau tempat tinggal; gratis.",
        False,
    ),
    (
        "disaster_letter",
        "Surat keterangan bencana atau keadaan kahar dari instansi berwenang",
        "Misalnya dari kepala desa, BPBD, atau instansi lain yang berwenang menyatakan kejadian bencana.",
        False,
    ),
    (
        "bap",
        "Berita acara pemeriksaan (BAP)",
        "Dibuat oleh petugas imigrasi saat wawancara tentang hilang atau rusaknya paspor.",
        True,
    ),
    (
        "regional_approval",
        "Persetujuan Kepala Kantor Wilayah (Kanwil)",
        "Diurus oleh kantor imigrasi setelah BAP; bisa menambah waktu penyelesaian.",
        True,
    ),
    ("birth_certificate", "Akta kelahiran anak", "", False),
    ("parents_ktp", "e-KTP kedua orang tua", "", False),
    (
        "parents_marriage_certificate",
        "Akta/buku nikah orang tua",
        "Jika orang tua bercerai: akta cerai dan penetapan hak asuh anak.",
        False,
    ),
    ("parents_passports", "Paspor kedua orang tua", "", False),
    (
        "power_of_attorney",
        "Surat kuasa bermeterai dari orang tua yang tidak hadir",
        "Dibutuhkan bila hanya satu orang tua yang datang ke kantor imigrasi.",
        False,
    ),
    (
        "child_travel_statement",
        "Surat pernyataan bermeterai kedua orang tua, serta KTP dan paspor pendamping",
        "Dibutuhkan bila anak akan bepergian tanpa orang tua.",
        False,
    ),
    (
        "disnaker_recommendation",
        "Surat rekomendasi paspor dari Dinas Tenaga Kerja (Disnaker)",
        "Diminta di Disnaker kabupaten/kota setelah terdaftar sebagai calon pekerja migran melalui jalur resmi.",
        False,
    ),
    ("kemenag_recommendation", "Rekomendasi Kementerian Agama", "", False),
]

ALL_LOST_DAMAGED = "lost,damaged,lost_expired,damaged_expired"

REQUIREMENTS = [
    # document, level, cases, applicant, purposes, force_majeure, condition, citation, conflicting, from, order
    ("ktp", "required", "", "adult", "", "any", "", PERMENKUMHAM_18_2022_DOCUMENTS, "", SINCE_2022, 10),
    ("kk", "required", "", "any", "", "any", "", PERMENKUMHAM_18_2022_DOCUMENTS, "", SINCE_2022, 20),
    (
        "civil_record",
        "required",
        "new,replacement_expired",
        "adult",
        "",
        "any",
        "",
        PERMENKUMHAM_18_2022_DOCUMENTS,
        "",
        SINCE_2022,
        30,
    ),
    ("birth_certificate", "required", "", "child", "", "any", "", CHILD, "", SINCE_2022, 30),
    ("parents_ktp", "required", "", "child", "", "any", "", CHILD, "", SINCE_2022, 40),
    ("parents_marriage_certificate", "required", "", "child", "", "any", "", CHILD, "", SINCE_2022, 50),
    ("parents_passports", "required", "", "child", "", "any", "", CHILD, "", SINCE_2022, 60),
    (
        "old_passport",
        "required",
        "replacement_expired,damaged,damaged_expired",
        "any",
        "",
        "any",
        "",
        PERMENKUMHAM_18_2022_DOCUMENTS,
        "",
        SINCE_2022,
        70,
    ),
    ("police_report", "required", "lost,lost_expired", "any", "", "any", "", LOST_DAMAGED, "", SINCE_2022, 80),
    ("disaster_letter", "required", ALL_LOST_DAMAGED, "any", "", "yes", "", FORCE_MAJEURE, "", SINCE_2022, 85),
    ("bap", "required", ALL_LOST_DAMAGED, "any", "", "any", "", LOST_DAMAGED, "", SINCE_2022, 90),
    ("regional_approval", "required", "lost,damaged", "any", "", "any", "", LOST_DAMAGED, "", SINCE_2022, 95),
    ("disnaker_recommendation", "required", "", "any", "work", "any", "", DISNAKER, SE_0252, SINCE_2022, 100),
    (
        "name_change_decree",
        "conditional",
        "new,replacement_expired",
        "any",
        "",
        "any",
        "jika pernah ganti nama atau menjadi WNI melalui pewarganegaraan",
        PERMENKUMHAM_18_2022_DOCUMENTS,
        "",
        SINCE_2022,
        110,
    ),
    (
        "power_of_attorney",
        "conditional",
        "",
        "child",
        "",
        "any",
        "jika hanya satu orang tua yang hadir",
        CHILD,
        "",
        SINCE_2022,
        120,
    ),
    (
        "child_travel_statement",
        "conditional",
        "",
        "child",
        "",
        "any",
        "jika anak bepergian tanpa orang tua",
        CHILD,
        "",
        SINCE_2022,
        130,
    ),
    (
        "kemenag_recommendation",
        "not_required",
        "",
        "any",
        "umrah_hajj",
        "any",
        "",
        KEMENAG,
        "",
        dt.date(2023, 2, 22),
        140,
    ),
]


def fill(apps, schema_editor):
    FeeSchedule = apps.get_model("passport", "FeeSchedule")
    FeeItem = apps.get_model("passport", "FeeItem")
    DocumentType = apps.get_model("passport", "DocumentType")
    DocumentRequirement = apps.get_model("passport", "DocumentRequirement")
    ValidityRule = apps.get_model("passport", "ValidityRule")

    old = FeeSchedule.objects.create(
        name="PP 28/2019",
        citation=PP_28_2019,
        effective_from=dt.date(2019, 4, 29),
        effective_to=dt.date(2024, 12, 16),
    )
    for code, label, amount, citation in [
        ("passport_5", "Paspor biasa 48 halaman (non-elektronik), 5 tahun", 350_000, ""),
        ("passport_10", "Paspor biasa 48 halaman (non-elektronik), 10 tahun", 350_000, ""),
        ("epassport_5", "Paspor elektronik 48 halaman, 5 tahun", 650_000, ""),
        ("epassport_10", "Paspor elektronik 48 halaman, 10 tahun", 650_000, ""),
        ("same_day", "Layanan percepatan paspor selesai hari yang sama", 1_000_000, ""),
        ("surcharge_lost", "Biaya tambahan: paspor hilang (masih berlaku)", 1_000_000, PP_28_2019_SURCHARGE),
        ("surcharge_damaged", "Biaya tambahan: paspor rusak (masih berlaku)", 500_000, PP_28_2019_SURCHARGE),
        ("surcharge_force_majeure", "Biaya tambahan: hilang/rusak karena keadaan kahar", 0, FORCE_MAJEURE),
    ]:
        FeeItem.objects.create(schedule=old, code=code, label=label, amount_idr=amount, citation=citation)

    new = FeeSchedule.objects.create(name="PP 45/2024", citation=PP_45_2024, effective_from=dt.date(2024, 12, 17))
    for code, label, amount, citation in [
        ("passport_5", "Paspor biasa non-elektronik, 5 tahun", 350_000, ""),
        ("passport_10", "Paspor biasa non-elektronik, 10 tahun", 650_000, ""),
        ("epassport_5", "Paspor elektronik, 5 tahun", 650_000, ""),
        ("epassport_10", "Paspor elektronik, 10 tahun", 950_000, ""),
        ("same_day", "Layanan percepatan paspor selesai hari yang sama", 1_000_000, ""),
        ("surcharge_lost", "Biaya tambahan: paspor hilang (masih berlaku)", 1_000_000, PP_45_2024_SURCHARGE),
        ("surcharge_damaged", "Biaya tambahan: paspor rusak (masih berlaku)", 500_000, PP_45_2024_SURCHARGE),
        ("surcharge_force_majeure", "Biaya tambahan: hilang/rusak karena keadaan kahar", 0, FORCE_MAJEURE),
        ("migrant_worker_first", "Paspor pertama calon pekerja migran, 24 halaman, 5 tahun", 0, MIGRANT),
    ]:
        FeeItem.objects.create(schedule=new, code=code, label=label, amount_idr=amount, citation=citation)

    types = {}
    for code, label, description, by_office in DOCUMENT_TYPES:
        types[code] = DocumentType.objects.create(
            code=code, label=label, description=description, provided_by_office=by_office
        )
    for (
        document,
        level,
        cases,
        applicant,
        purposes,
        force_majeure,
        condition,
        citation,
        conflicting,
        since,
        order,
    ) in REQUIREMENTS:
        DocumentRequirement.objects.create(
            document=types[document],
            level=level,
            cases=cases,
            applicant=applicant,
            purposes=purposes,
            force_majeure=force_majeure,
            condition=condition,
            citation=citation,
            conflicting_citation=conflicting,
            effective_from=since,
            order=order,
        )

    ValidityRule.objects.create(
        citation=PERMENKUMHAM_18_2022_VALIDITY,
        effective_from=SINCE_2022,
        adult_age=17,
        long_years=10,
        short_years=5,
        married_counts=True,
    )


def empty(apps, schema_editor):
    for name in ("DocumentRequirement", "DocumentType", "FeeItem", "FeeSchedule", "ValidityRule"):
        apps.get_model("passport", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("passport", "0001_initial")]

    operations = [migrations.RunPython(fill, empty)]
