"""Passport rules as checked on 3 December 2026 (docs/rules.md §2, issue 13).

- Passport products per office and date: e-passport-only offices (Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024;
  Kanim Bengkulu from 1 March 2025 per its announcement). Offices without their own rows use the default rows; the
  default non-electronic passport is flagged "to be confirmed by the office" (officers only).
- Free first passport for migrant workers from Permenkumham 9/2020 (also under PP 28/2019), with its documents:
  the Disnaker letter stating first placement and the signed work contract (`work_contract`).
- Lost or damaged: the civil record is also required. Children: parents' passports only if they have one, the
  parents' statement of responsibility on meterai. Renewal of a passport issued in Indonesia since 2009 (SE
  M.HH-07.UM.01.01/2017): KK and civil record not needed (current practice to be confirmed).
- Curation notes move out of the public citations into `curation_note` (officers only); English labels.

Rules are never edited: superseded rows are closed with `effective_to`, new rows carry the new date. Only citation
wording (curation notes moved out) and labels are rewritten in place.
"""

import datetime as dt

from django.db import migrations

CHECKED = dt.date(2026, 12, 3)
BEFORE_CHECKED = dt.date(2026, 12, 2)
SINCE_2019 = dt.date(2019, 4, 29)
SINCE_2022 = dt.date(2022, 9, 29)
# Permenkumham 9/2020: the exact date of promulgation was not checked against JDIH; the data uses 1 January 2020.
PERMENKUMHAM_9_2020_FROM = dt.date(2020, 1, 1)
KANIM_BENGKULU = "Kantor Imigrasi Kelas I TPI Bengkulu"
ALL_LOST_DAMAGED = "lost,damaged,lost_expired,damaged_expired"

IMI_263 = (
    "Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024: kantor imigrasi beralih bertahap hanya menerbitkan paspor "
    "elektronik."
)
BENGKULU_E_ONLY = (
    IMI_263
    + " Kantor Imigrasi Bengkulu hanya menerbitkan paspor elektronik sejak 1 Maret 2025 (pengumuman kantor, "
    "dikutip krsumsel.com, 27 Februari 2025)."
)
SCHEDULES = "PP 28/2019 dan PP 45/2024, Lampiran: paspor biasa non-elektronik dan paspor elektronik."
PERMENKUMHAM_9_2020 = (
    "Permenkumham 9/2020 tentang Syarat dan Tata Cara Pengenaan Tarif Nol Rupiah dan Nol Dollar Amerika terhadap "
    "Pelayanan Keimigrasian: paspor biasa 24 halaman, berlaku 5 tahun, tanpa biaya bagi calon pekerja migran yang "
    "baru pertama kali mengajukan paspor, dengan surat Disnaker yang menyatakan penempatan pertama dan perjanjian "
    "kerja yang sudah ditandatangani (Ditjen Imigrasi via kepri.antaranews.com, berita 165348, 30 Agustus 2023)."
)
LOST_CIVIL_RECORD = (
    "Permenkumham 8/2014 jo. 18/2022; imigrasi.go.id via tempo.co: penggantian paspor hilang atau rusak juga "
    "memerlukan akta kelahiran, ijazah, atau buku nikah."
)
CHILD_2023 = (
    "Permenkumham 8/2014 jo. 18/2022; Kantor Imigrasi Yogyakarta via Kompas, 4 Mei 2023: paspor orang tua bagi "
    "yang memiliki; surat pernyataan tanggung jawab orang tua bermeterai Rp10.000."
)
RENEWAL_2009 = (
    "SE Menkumham M.HH-07.UM.01.01/2017: penggantian paspor yang diterbitkan di Indonesia sejak 2009 cukup dengan "
    "paspor lama dan KTP (bengkulu.imigrasi.go.id, kemudahan pelayanan penggantian paspor)."
)
RENEWAL_NOTE = (
    "Praktik kantor saat ini belum dikonfirmasi (ulasan Desember 2026). Bila kantor meminta KK atau akta, ubah "
    "tingkatnya menjadi wajib dengan baris baru."
)
BAP_NOTE = (
    "Siapa yang menyetujui penggantian paspor hilang/rusak yang masih berlaku (Kepala Kantor atau Kepala Kantor "
    "Wilayah) berbeda antarsumber; pemohon umumnya datang langsung ke kantor tanpa antrean M-Paspor. Konfirmasi ke "
    "kantor."
)

# code: (label, description, label_en, description_en, provided_by_office) for new types
NEW_TYPES = {
    "disnaker_first_placement": (
        "Surat Disnaker yang menyatakan penempatan pertama",
        "Dari Dinas Tenaga Kerja kabupaten/kota: menyatakan bahwa ini penempatan kerja Anda yang pertama ke luar negeri.",
        "Labour office (Disnaker) letter stating first placement",
        "From the regency/city labour office: states that this is your first placement abroad.",
        False,
    ),
    "work_contract": (
        "Perjanjian kerja yang sudah ditandatangani",
        "Perjanjian kerja dengan pemberi kerja di luar negeri; simpan salinannya.",
        "Signed work contract",
        "The contract with the employer abroad; keep a copy.",
        False,
    ),
    "parents_statement": (
        "Surat pernyataan tanggung jawab orang tua bermeterai Rp10.000",
        "Ditandatangani kedua orang tua di atas meterai Rp10.000.",
        "Parents' statement of responsibility on a Rp10,000 duty stamp (meterai)",
        "Signed by both parents on a Rp10,000 duty stamp.",
        False,
    ),
}

# English labels of the existing types (label_en, description_en) and clearer Indonesian labels where needed.
TYPES_EN = {
    "ktp": ("Valid electronic identity card (e-KTP)", ""),
    "kk": ("Family card (Kartu Keluarga, KK)", ""),
    "civil_record": (
        "Birth certificate, marriage certificate or book, school diploma, or baptism certificate",
        "One is enough, if it shows full name, place and date of birth, and parents' names.",
    ),
    "name_change_decree": (
        "Name-change decree or naturalisation decree",
        "Only for those who changed their name or became Indonesian citizens by naturalisation.",
    ),
    "old_passport": ("Old passport (expired, full, or damaged)", ""),
    "police_report": (
        "Police loss report",
        "Made at the police station (Polsek/Polres) where the passport was lost or where you live; free of charge.",
    ),
    "disaster_letter": (
        "Letter from the competent authority on the disaster (force majeure)",
        "For example from the village head, the disaster agency (BPBD), or another competent authority.",
    ),
    "bap": (
        "Examination report (BAP)",
        "Made by the immigration officer in an interview about how the passport was lost or damaged.",
    ),
    "regional_approval": (
        "Approval of the replacement by an immigration official (head of office or regional office)",
        "Arranged by the immigration office after the BAP; it can take longer.",
    ),
    "birth_certificate": ("Child's birth certificate", ""),
    "parents_ktp": ("Both parents' e-KTP", ""),
    "parents_marriage_certificate": (
        "Parents' marriage certificate or book",
        "If the parents are divorced: the divorce deed and the custody order.",
    ),
    "parents_passports": ("Both parents' passports (if they have one)", ""),
    "power_of_attorney": (
        "Power of attorney on a duty stamp from the parent who is not present",
        "Needed when only one parent comes to the immigration office.",
    ),
    "child_travel_statement": (
        "Both parents' statement on a duty stamp, and the escort's KTP and passport",
        "Needed when the child travels without the parents.",
    ),
    "disnaker_recommendation": (
        "Passport recommendation letter from the labour office (Disnaker)",
        "Requested at the regency/city labour office after registering as a prospective migrant worker through the "
        "legal route.",
    ),
    "kemenag_recommendation": ("Recommendation of the Ministry of Religious Affairs", ""),
}
TYPE_LABELS_ID = {
    "parents_passports": "Paspor kedua orang tua (bagi yang memiliki)",
    "regional_approval": "Persetujuan penggantian oleh pejabat imigrasi (Kepala Kantor atau Kantor Wilayah)",
    "bap": "Berita acara pemeriksaan (BAP): wawancara dengan petugas imigrasi",
}

FEE_LABELS = {
    # code: (Indonesian label rewritten in plain words, or None; English label)
    "passport_5": (None, "Non-electronic ordinary passport, 5 years"),
    "passport_10": (None, "Non-electronic ordinary passport, 10 years"),
    "epassport_5": (None, "Electronic passport, 5 years"),
    "epassport_10": (None, "Electronic passport, 10 years"),
    "same_day": (None, "Same-day (express) passport service"),
    "surcharge_lost": (None, "Surcharge: passport lost (still valid)"),
    "surcharge_damaged": (None, "Surcharge: passport damaged (still valid)"),
    "surcharge_force_majeure": (
        "Biaya tambahan: hilang/rusak karena bencana (keadaan kahar)",
        "Surcharge: lost/damaged in a disaster (force majeure)",
    ),
    "migrant_worker_first": (None, "First passport of a prospective migrant worker, 24 pages, 5 years"),
}
FEE_LABELS_OLD_SCHEDULE = {
    "passport_5": "Ordinary 48-page passport (non-electronic), 5 years",
    "passport_10": "Ordinary 48-page passport (non-electronic), 10 years",
    "epassport_5": "Electronic 48-page passport, 5 years",
    "epassport_10": "Electronic 48-page passport, 10 years",
}

CONDITIONS_EN = {
    "jika pernah ganti nama atau menjadi WNI melalui pewarganegaraan": (
        "if you changed your name or became a citizen by naturalisation"
    ),
    "jika hanya satu orang tua yang hadir": "if only one parent is present",
    "jika anak bepergian tanpa orang tua": "if the child travels without the parents",
}
IF_PARENTS_HAVE = ("jika orang tua memiliki paspor", "if the parents have passports")
RENEWAL_CONDITION = (
    "tidak perlu bila paspor lama diterbitkan di Indonesia sejak 2009",
    "not needed if the old passport was issued in Indonesia in 2009 or later",
)

# Curation wording that had crept into public citations: (model, citation start, sentence to move to the note).
CURATION_MOVES = [
    (
        "FeeSchedule",
        "PP 28/2019 tentang",
        " Tanggal mulai berlaku pada data ini (29 April 2019) perlu dicocokkan dengan naskah resmi di JDIH.",
    ),
    (
        "FeeSchedule",
        "PP 45/2024 tentang",
        " Sumber berbeda: 17 atau 18 Desember 2024 — data ini memakai 17 Desember 2024.",
    ),
]
SE_0252_CURATION = " Sumber ini bertentangan dengan praktik kantor; aturan ini dapat diubah administrator."


def _requirement(DocumentRequirement, types, code, **fields):
    return DocumentRequirement.objects.create(document=types[code], **fields)


def fill(apps, schema_editor):
    FeeSchedule = apps.get_model("passport", "FeeSchedule")
    FeeItem = apps.get_model("passport", "FeeItem")
    DocumentType = apps.get_model("passport", "DocumentType")
    DocumentRequirement = apps.get_model("passport", "DocumentRequirement")
    PassportProduct = apps.get_model("passport", "PassportProduct")

    # Curation notes out of the public citations.
    for model, start, sentence in CURATION_MOVES:
        for row in apps.get_model("passport", model).objects.filter(citation__startswith=start):
            if sentence in row.citation:
                row.citation = row.citation.replace(sentence, "")
                row.curation_note = sentence.strip()
                row.to_be_confirmed = True
                row.save(update_fields=["citation", "curation_note", "to_be_confirmed"])
    for row in DocumentRequirement.objects.filter(conflicting_citation__contains=SE_0252_CURATION.strip()):
        row.conflicting_citation = row.conflicting_citation.replace(SE_0252_CURATION, "")
        row.curation_note = SE_0252_CURATION.strip()
        row.to_be_confirmed = True
        row.save(update_fields=["conflicting_citation", "curation_note", "to_be_confirmed"])

    # Labels: plain words and English.
    for item in FeeItem.objects.select_related("schedule"):
        label_id, label_en = FEE_LABELS.get(item.code, (None, ""))
        if item.schedule.name == "PP 28/2019" and item.code in FEE_LABELS_OLD_SCHEDULE:
            label_en = FEE_LABELS_OLD_SCHEDULE[item.code]
        item.label = label_id or item.label
        item.label_en = label_en
        item.save(update_fields=["label", "label_en"])
    for code, (label_en, description_en) in TYPES_EN.items():
        DocumentType.objects.filter(code=code).update(label_en=label_en, description_en=description_en)
    for code, label in TYPE_LABELS_ID.items():
        DocumentType.objects.filter(code=code).update(label=label)
    for condition, condition_en in CONDITIONS_EN.items():
        DocumentRequirement.objects.filter(condition=condition).update(condition_en=condition_en)
    DocumentRequirement.objects.filter(document__code__in=["bap", "regional_approval"]).update(
        to_be_confirmed=True, curation_note=BAP_NOTE
    )

    # The free first passport from Permenkumham 9/2020, also while PP 28/2019 was the fee schedule.
    old = FeeSchedule.objects.filter(name="PP 28/2019").first()
    if old is not None and not old.items.filter(code="migrant_worker_first").exists():
        FeeItem.objects.create(
            schedule=old,
            code="migrant_worker_first",
            label="Paspor pertama calon pekerja migran, 24 halaman, 5 tahun",
            label_en=FEE_LABELS["migrant_worker_first"][1],
            amount_idr=0,
            citation=PERMENKUMHAM_9_2020,
        )
    FeeItem.objects.filter(code="migrant_worker_first").update(citation=PERMENKUMHAM_9_2020)

    # Products per office and date.
    PassportProduct.objects.create(
        product="epassport", citation=SCHEDULES, effective_from=SINCE_2019, order=10
    )
    PassportProduct.objects.create(
        product="passport",
        citation=SCHEDULES,
        effective_from=SINCE_2019,
        order=20,
        to_be_confirmed=True,
        curation_note=(
            "Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024 memindahkan kantor ke paspor elektronik saja secara "
            "bertahap. Belum dikonfirmasi apakah kantor ini masih menerbitkan paspor non-elektronik: bila tidak, "
            "tambahkan baris untuk kantor ini (hanya paspor elektronik) dengan tanggal mulainya."
        ),
    )
    PassportProduct.objects.create(
        product="migrant_worker_first",
        citation=PERMENKUMHAM_9_2020,
        effective_from=PERMENKUMHAM_9_2020_FROM,
        order=30,
        to_be_confirmed=True,
        curation_note=(
            "Tanggal mulai Permenkumham 9/2020 belum dicocokkan dengan naskah resmi di JDIH; data memakai 1 Januari "
            "2020."
        ),
    )
    PassportProduct.objects.create(
        office_id=KANIM_BENGKULU,
        product="epassport",
        citation=BENGKULU_E_ONLY,
        effective_from=dt.date(2025, 3, 1),
        order=10,
        curation_note=(
            "Belum dikonfirmasi bagaimana paspor pertama tanpa biaya bagi calon pekerja migran (24 halaman, "
            "non-elektronik, Permenkumham 9/2020) dilayani di kantor yang hanya menerbitkan paspor elektronik; "
            "panduan meminta pemohon menanyakannya ke kantor."
        ),
    )

    # Documents.
    types = {t.code: t for t in DocumentType.objects.all()}
    for code, (label, description, label_en, description_en, by_office) in NEW_TYPES.items():
        types[code] = DocumentType.objects.create(
            code=code,
            label=label,
            description=description,
            label_en=label_en,
            description_en=description_en,
            provided_by_office=by_office,
        )
    for code, order in (("disnaker_first_placement", 102), ("work_contract", 104)):
        _requirement(
            DocumentRequirement,
            types,
            code,
            level="required",
            cases="new",
            purposes="work",
            products="migrant_worker_first",
            citation=PERMENKUMHAM_9_2020,
            effective_from=PERMENKUMHAM_9_2020_FROM,
            order=order,
        )
    _requirement(
        DocumentRequirement,
        types,
        "civil_record",
        level="required",
        cases=ALL_LOST_DAMAGED,
        applicant="adult",
        citation=LOST_CIVIL_RECORD,
        effective_from=SINCE_2022,
        order=30,
    )
    may_2023 = dt.date(2023, 5, 4)
    _requirement(
        DocumentRequirement,
        types,
        "parents_passports",
        level="conditional",
        applicant="child",
        condition=IF_PARENTS_HAVE[0],
        condition_en=IF_PARENTS_HAVE[1],
        citation=CHILD_2023,
        effective_from=may_2023,
        order=60,
    )
    _requirement(
        DocumentRequirement,
        types,
        "parents_statement",
        level="required",
        applicant="child",
        citation=CHILD_2023,
        effective_from=may_2023,
        order=65,
    )

    # Renewal of a passport issued in Indonesia since 2009: KK and civil record only conditional.
    for code, old_cases, applicant, new_cases in (
        ("kk", "", "any", "new," + ALL_LOST_DAMAGED),
        ("civil_record", "new,replacement_expired", "adult", "new"),
    ):
        current = DocumentRequirement.objects.filter(
            document__code=code, cases=old_cases, applicant=applicant, effective_to__isnull=True
        ).first()
        if current is None:
            continue
        current.effective_to = BEFORE_CHECKED
        current.save(update_fields=["effective_to"])
        _requirement(
            DocumentRequirement,
            types,
            code,
            level="required",
            cases=new_cases,
            applicant=applicant,
            citation=current.citation,
            effective_from=CHECKED,
            order=current.order,
        )
        _requirement(
            DocumentRequirement,
            types,
            code,
            level="conditional",
            cases="replacement_expired",
            applicant=applicant,
            condition=RENEWAL_CONDITION[0],
            condition_en=RENEWAL_CONDITION[1],
            citation=RENEWAL_2009,
            effective_from=CHECKED,
            order=current.order,
            to_be_confirmed=True,
            curation_note=RENEWAL_NOTE,
        )


def empty(apps, schema_editor):
    """Backwards: drop the rows added here and reopen the closed ones (labels and notes stay)."""
    DocumentRequirement = apps.get_model("passport", "DocumentRequirement")
    apps.get_model("passport", "PassportProduct").objects.all().delete()
    DocumentRequirement.objects.filter(effective_from=CHECKED).delete()
    DocumentRequirement.objects.filter(
        citation__in=[PERMENKUMHAM_9_2020, LOST_CIVIL_RECORD, CHILD_2023]
    ).delete()
    DocumentRequirement.objects.filter(effective_to=BEFORE_CHECKED).update(effective_to=None)
    apps.get_model("passport", "DocumentType").objects.filter(code__in=list(NEW_TYPES)).delete()
    apps.get_model("passport", "FeeItem").objects.filter(
        schedule__name="PP 28/2019", code="migrant_worker_first"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("passport", "0007_passport_products_and_flags")]

    operations = [migrations.RunPython(fill, empty)]
