"""The guide's wording: error and warning messages for lib.passport codes, notes, steps, the work-abroad route.

Messages that tests assert are the constants here, shared by code and tests.
"""

from django.utils.translation import gettext_lazy as _

from lib import passport as rules

from .models import Case, Country, JobType, Product, Purpose

MPASPOR_URL = "https://www.imigrasi.go.id/"

ERRORS = {
    rules.MISSING: _("Wajib diisi."),
    rules.UNKNOWN_PURPOSE: _("Tujuan perjalanan tidak dikenal. Pilih salah satu: %(choices)s."),
    rules.UNKNOWN_CASE: _("Jenis permohonan tidak dikenal. Pilih salah satu: %(choices)s."),
    rules.BAD_VALIDITY: _("Masa berlaku harus 5 atau 10 tahun."),
    rules.BAD_DATE: _("Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2008-05-17."),
    rules.BAD_BOOLEAN: _("Jawaban ini hanya bisa ya atau tidak."),
    "unknown_product": _("Jenis paspor tidak dikenal. Pilih salah satu: %(choices)s."),
    "office_unknown": _("Kantor imigrasi tidak ditemukan. Pilih kantor dari daftar."),
    "village_unknown": _("Kode desa/kelurahan tidak dikenal. Pilih dari daftar saran."),
    rules.BIRTH_AFTER_APPLICATION: _("Tanggal lahir tidak boleh sesudah tanggal permohonan."),
    rules.IMPLAUSIBLE_BIRTH_DATE: _("Tanggal lahir tidak masuk akal (usia lebih dari %(max_age)s tahun)."),
    rules.FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED: _(
        "Bencana atau kejadian di luar kemampuan Anda (keadaan kahar) hanya berlaku untuk paspor yang hilang atau "
        "rusak."
    ),
    rules.NO_FEE_SCHEDULE: _("Belum ada tarif paspor yang tercatat untuk tanggal %(on)s."),
    rules.NO_VALIDITY_RULE: _("Belum ada aturan masa berlaku paspor yang tercatat untuk tanggal %(on)s."),
    rules.FEE_ITEM_MISSING: _("Tarif %(schedule)s belum lengkap untuk pilihan ini. Hubungi kantor imigrasi."),
}
# The choices an error names, by field: their labels in the active language, never the codes.
CHOICE_LABELS = {"purpose": Purpose, "case": Case, "product": Product}

VALIDITY_REDUCED = _(
    "Anda meminta paspor %(asked)s tahun, tetapi yang dapat diberikan %(given)s tahun: pemohon berusia %(age)s tahun "
    "pada tanggal permohonan dan belum menikah. Masa berlaku 10 tahun hanya untuk pemohon yang berusia "
    "%(adult_age)s tahun ke atas atau sudah menikah (Permenkumham 18/2022)."
)
MIGRANT_FREE_WRONG_ANSWERS = _(
    "Paspor tanpa biaya untuk calon pekerja migran hanya untuk paspor pertama (baru), tujuan bekerja, "
    "non-elektronik, 5 tahun, tanpa layanan percepatan. Tarif biasa dihitung."
)
MIGRANT_FREE_NOT_IN_SCHEDULE = _(
    "Tarif %(schedule)s yang berlaku pada tanggal itu tidak memuat paspor tanpa biaya untuk calon pekerja migran. "
    "Tarif biasa dihitung."
)

WORK_UNDER_MIN_AGE = _(
    "Pemohon berusia %(age)s tahun. Calon pekerja migran harus berusia paling rendah %(min_age)s tahun "
    "(UU 18/2017 Pasal 5): tawaran kerja ke luar negeri untuk anak adalah tanda bahaya perdagangan orang."
)


E_PASSPORT_ONLY = _(
    "Kantor imigrasi ini hanya menerbitkan paspor elektronik pada tanggal tersebut, jadi panduan ini menghitung "
    "paspor elektronik dan biayanya."
)
PRODUCT_NOT_OFFERED = _(
    "Kantor imigrasi ini tidak mencantumkan %(asked)s pada tanggal tersebut; panduan ini menghitung jenis paspor yang "
    "diterbitkannya. Tanyakan kepada kantor imigrasi."
)


def warning_text(warning: rules.GuideWarning) -> str:
    if warning.code == rules.E_PASSPORT_ONLY:
        return str(E_PASSPORT_ONLY)
    if warning.code == rules.PRODUCT_NOT_OFFERED:
        asked = warning.params.get("asked", "")
        label = str(Product(asked).label).lower() if asked in Product.values else ""
        return str(PRODUCT_NOT_OFFERED) % {"asked": label}
    if warning.code == rules.VALIDITY_REDUCED:
        return str(VALIDITY_REDUCED) % warning.params
    if warning.code == rules.WORK_UNDER_MIN_AGE:
        return str(WORK_UNDER_MIN_AGE) % warning.params
    if warning.code == rules.MIGRANT_FREE_NOT_APPLICABLE:
        if warning.params.get("reason") == "schedule":
            return str(MIGRANT_FREE_NOT_IN_SCHEDULE) % warning.params
        return str(MIGRANT_FREE_WRONG_ANSWERS)
    return warning.code


def error_text(error: rules.PassportInputError) -> str:
    params = dict(error.params)
    choices = CHOICE_LABELS.get(error.field, Case)
    params.setdefault("choices", "; ".join(str(label) for label in choices.labels))
    if "on" in params and hasattr(params["on"], "strftime"):
        params["on"] = params["on"].strftime("%d-%m-%Y")
    message = ERRORS.get(error.code)
    return str(message) % params if message is not None else error.code


NOTES = {
    rules.NOTE_ORIGINALS: _(
        "Bawa dokumen asli; petugas memeriksanya di kantor. Unggah juga pindaiannya saat mendaftar di M-Paspor."
    ),
    rules.NOTE_CHILD_PARENTS: _(
        "Pemohon anak (di bawah 17 tahun dan belum menikah) datang bersama kedua orang tua. Jika hanya satu orang "
        "tua yang bisa hadir, bawa surat kuasa bermeterai dari orang tua yang lain."
    ),
    rules.NOTE_CHILD_TRAVEL_ALONE: _(
        "Anak yang akan bepergian tanpa orang tua memerlukan surat pernyataan bermeterai dari kedua orang tua, serta "
        "KTP dan paspor orang dewasa yang mendampingi."
    ),
    rules.NOTE_POLICE_REPORT: _(
        "Surat keterangan kehilangan dari polisi adalah surat yang Anda minta di kantor polisi (Polsek atau Polres) "
        "dengan melaporkan kapan dan di mana paspor hilang. Pembuatannya gratis."
    ),
    rules.NOTE_BAP_APPROVAL: _(
        "Untuk paspor yang hilang atau rusak dan masih berlaku, datanglah langsung ke kantor imigrasi (tanyakan dulu "
        "apakah perlu antre lewat M-Paspor). Petugas mewawancarai Anda tentang kejadiannya dan menuliskannya dalam "
        "berita acara pemeriksaan (BAP); penggantian paspor perlu persetujuan pejabat imigrasi, sehingga prosesnya "
        "bisa lebih lama."
    ),
    rules.NOTE_LOST_DEFERRAL: _(
        "Bila paspor hilang atau rusak karena kelalaian, penerbitan paspor pengganti dapat ditunda 6 bulan sampai "
        "2 tahun."
    ),
    rules.NOTE_MIGRANT_ASK_OFFICE: _(
        "Paspor pertama tanpa biaya untuk calon pekerja migran (Permenkumham 9/2020) adalah paspor 24 halaman "
        "non-elektronik, sedangkan kantor imigrasi ini hanya menerbitkan paspor elektronik: tanyakan kepada kantor "
        "imigrasi apakah paspor tanpa biaya itu masih dapat diberikan."
    ),
    rules.NOTE_EXPIRED_LOST_DAMAGED: _(
        "Paspor yang hilang atau rusak sesudah habis masa berlakunya dikenai tarif biasa tanpa biaya tambahan dan "
        "tanpa persetujuan Kantor Wilayah; petugas tetap membuat BAP."
    ),
    rules.NOTE_FORCE_MAJEURE: _(
        "Jika paspor hilang atau rusak karena bencana atau kejadian di luar kemampuan Anda (keadaan kahar), bawa "
        "surat keterangan dari instansi yang berwenang: biaya tambahan tidak dikenakan."
    ),
    rules.NOTE_WALK_IN: _(
        "Pemohon berusia 60 tahun ke atas, penyandang disabilitas, ibu hamil, dan anak di bawah 5 tahun boleh datang "
        "langsung tanpa antrean M-Paspor (tanyakan kantor imigrasi setempat)."
    ),
    rules.NOTE_WORK_ROUTE: _(
        "Anda berencana bekerja di luar negeri: lihat jalur resmi dan tanda bahaya di bawah."
    ),
}

STEPS = [
    (
        "booking",
        _(
            "Daftar antrean dan unggah dokumen lewat aplikasi M-Paspor (informasi di situs Direktorat Jenderal "
            "Imigrasi), pilih kantor imigrasi dan tanggal, lalu bayar dalam 2 jam dengan nomor pembayaran resmi "
            "(kode tagihan atau kode billing) yang diberikan aplikasi."
        ),
        MPASPOR_URL,
    ),
    ("document_check", _("Di kantor imigrasi: pemeriksaan dokumen asli."), ""),
    ("biometrics", _("Foto wajah dan perekaman sidik jari."), ""),
    (
        "interview",
        _(
            "Wawancara: jawab jujur tentang tujuan perjalanan. Keterangan palsu dapat membuat permohonan ditunda "
            "atau dihentikan hingga 2 tahun. Penundaan bukan penolakan: permohonan dilanjutkan setelah dokumen yang "
            "kurang dilengkapi."
        ),
        "",
    ),
    ("verification", _("Verifikasi data oleh petugas."), ""),
    ("adjudication", _("Pejabat imigrasi memutuskan paspor diterbitkan atau tidak (adjudikasi)."), ""),
    ("printing", _("Pencetakan paspor."), ""),
    ("pickup", _("Pengambilan paspor di kantor imigrasi (bawa tanda terima)."), ""),
]

WORK_ROUTE = [
    _(
        "Syarat calon pekerja migran (UU 18/2017 Pasal 5): berusia paling rendah 18 tahun, memiliki kompetensi, sehat "
        "jasmani dan rohani, terdaftar dan memiliki nomor kepesertaan jaminan sosial, dan memiliki dokumen lengkap."
    ),
    _(
        "Berangkat hanya melalui perusahaan penempatan yang berizin (P3MI, izinnya disebut SIP3MI, terdaftar di "
        "sistem Kementerian P2MI bernama SISKOP2MI), program pemerintah (G-to-G), atau perusahaan yang menempatkan "
        "pekerja untuk usahanya sendiri (UU 18/2017 Pasal 49). Lembaga pelatihan (LPK) tidak boleh menempatkan "
        "pekerja."
    ),
    _(
        "Minta surat rekomendasi paspor di Dinas Tenaga Kerja kabupaten/kota; daftar di Disnaker dan desa "
        "(izin suami/istri/orang tua/wali yang diketahui kepala desa, UU 18/2017 Pasal 13)."
    ),
    _("Pastikan terdaftar sebagai peserta jaminan sosial (BPJS Ketenagakerjaan) sebelum berangkat."),
    _(
        "Tanda tangani perjanjian penempatan dan perjanjian kerja sebelum berangkat, dan simpan salinannya; "
        "berangkat dengan visa kerja, bukan visa wisata atau umrah."
    ),
]
WORK_ROUTE_CITATION = _("UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia, Pasal 5 dan 13.")

RED_FLAGS = [
    _("Calo menawarkan gaji tinggi, tanpa keahlian, dan berangkat cepat."),
    _("Pemberi kerja atau alamat kerja di luar negeri tidak jelas."),
    _("Uang diberikan lebih dulu kepada keluarga (nantinya menjadi utang)."),
    _("Diminta berangkat dengan visa wisata, ziarah, atau umrah untuk bekerja."),
    _("Umur atau identitas dipalsukan (misalnya anak dibuat seolah dewasa)."),
    _("Diminta membayar di muka lalu ditampung di penampungan."),
    _("LPK menjanjikan penempatan kerja."),
    _("Tidak ada perjanjian kerja, rekomendasi Disnaker, atau jaminan sosial; perusahaan tidak berizin."),
    _(
        "Pekerjaan rumah tangga untuk majikan perseorangan di Timur Tengah (ditutup sejak 2015, Kepmenaker 260/2015), "
        "kecuali melalui Sistem Penempatan Satu Kanal (One Channel System) ke Arab Saudi."
    ),
    _("Tawaran kerja ke Kamboja, Myanmar, Vietnam, atau Malaysia lewat jalur tidak resmi (kasus terbaru)."),
]
RED_FLAGS_CITATION = _(
    "UU 21/2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang; UU 18/2017 (penempatan ilegal: pidana "
    "hingga 10 tahun dan denda hingga Rp15 miliar); Kepmenaker 260/2015; Kepmenaker 291/2018."
)


# ---------------------------------------------------------------------------------------------------------------
# Readiness check: the procedural-route warnings (lib.passport.RC_*), with the citation used when the rule data does
# not supply one (the moratorium and the Disnaker rule cite their own data rows).
# ---------------------------------------------------------------------------------------------------------------

READINESS_MESSAGES = {
    rules.RC_UNDER_MIN_AGE: _(
        "Pemohon berusia %(age)s tahun. Calon pekerja migran harus berusia paling rendah %(min_age)s tahun: tawaran "
        "kerja ke luar negeri untuk anak adalah tanda bahaya perdagangan orang."
    ),
    rules.RC_AGENCY_UNVERIFIED: _(
        "Perusahaan/agen “%(agency)s” tidak ditemukan sebagai P3MI dengan izin yang berlaku: periksa izin SIP3MI "
        "di Kementerian P2MI sebelum memberikan dokumen atau uang."
    ),
    rules.RC_NO_DISNAKER: _(
        "Belum ada surat rekomendasi paspor dari Dinas Tenaga Kerja: daftar sebagai calon pekerja migran di Disnaker "
        "kabupaten/kota melalui jalur resmi."
    ),
    rules.RC_MORATORIUM: _(
        "Pekerjaan %(job_type)s di %(country)s termasuk penempatan yang ditutup (penghentian sementara atau moratorium "
        "pekerja rumah tangga yang bekerja untuk majikan pribadi, disebut pengguna perseorangan, di Timur Tengah). "
        "Satu-satunya jalur resmi untuk enam jabatan rumah tangga di Arab Saudi adalah Sistem Penempatan Satu Kanal "
        "melalui perusahaan penyalur di sana (syarikah)."
    ),
    rules.RC_VISIT_WITH_JOB: _(
        "Tujuan perjalanan %(purpose)s tetapi ada tawaran kerja: bekerja dengan visa wisata, kunjungan, atau umrah "
        "adalah jalur tidak resmi (nonprosedural) dan tanda bahaya perdagangan orang. Bekerja memerlukan visa kerja."
    ),
    rules.RC_PAID_UP_FRONT: _(
        "Sudah ada uang yang dibayarkan di muka kepada sponsor%(sponsor)s: calon pekerja migran tidak boleh "
        "dibebani biaya penempatan, dan uang di muka dapat menjadi jerat utang."
    ),
    rules.RC_NO_PLACEMENT_AGREEMENT: _(
        "%(country)s bukan negara tujuan penempatan resmi pekerja migran Indonesia (tidak ada perjanjian "
        "penempatan). Tawaran kerja ke sana tidak dapat lewat jalur resmi: tanyakan ke Disnaker atau BP3MI."
    ),
    rules.RC_SCAM_DESTINATION: _(
        "%(country)s%(area)s dikenal sebagai tujuan perekrutan ke pusat penipuan daring (online scam): banyak warga "
        "dijanjikan kerja kantoran lalu disekap dan dipaksa menipu. Jangan berangkat dengan visa turis."
    ),
    rules.RC_STUDY_WITH_WORK: _(
        "Tujuan perjalanan %(purpose)s tetapi ada pekerjaan berbayar: belajar atau magang yang sebenarnya bekerja "
        "adalah modus perdagangan orang (kasus magang mahasiswa 2024). Pastikan programnya resmi dan visanya sesuai."
    ),
    rules.RC_ONE_CHANNEL_NOT_DESIGNATED: _(
        "Penempatan lewat Sistem Penempatan Satu Kanal hanya melalui P3MI yang ditunjuk. “%(agency)s” tidak "
        "tercatat sebagai P3MI yang ditunjuk: periksa ke Disnaker atau BP3MI."
    ),
}

READINESS_CITATIONS = {
    rules.RC_UNDER_MIN_AGE: _(
        "UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia, Pasal 5 huruf a (usia paling rendah 18 tahun)."
    ),
    rules.RC_AGENCY_UNVERIFIED: _(
        "UU 18/2017: penempatan oleh Perusahaan Penempatan Pekerja Migran Indonesia (P3MI) yang memiliki izin "
        "SIP3MI; daftar P3MI berizin di Kementerian P2MI (SISKOP2MI), diperiksa terhadap daftar yang diimpor ke "
        "sistem ini."
    ),
    rules.RC_NO_DISNAKER: _(
        "Praktik kantor imigrasi 2023–2025: rekomendasi paspor Disnaker untuk calon PMI (UU 18/2017)."
    ),
    rules.RC_MORATORIUM: _("Kepmenaker 260/2015; Kepmenaker 291/2018."),
    rules.RC_VISIT_WITH_JOB: _(
        "SE Dirjen Imigrasi IMI-1308.GR.01.01 (20 Desember 2024) tentang pencegahan TPPO dalam penerbitan paspor; "
        "UU 18/2017 Pasal 13 (visa kerja dan perjanjian kerja)."
    ),
    rules.RC_PAID_UP_FRONT: _(
        "UU 18/2017 Pasal 30 (pekerja migran tidak dapat dibebani biaya penempatan); UU 21/2007 Pasal 1 angka 1 "
        "(jerat utang, memberi bayaran untuk memperoleh persetujuan)."
    ),
    rules.RC_ONE_CHANNEL_NOT_DESIGNATED: _(
        "Kepmenaker 291/2018 (Sistem Penempatan Satu Kanal, hanya melalui P3MI yang ditunjuk)."
    ),
}


def readiness_warning_text(code: str, params: dict) -> str:
    """The Indonesian message of a stored readiness warning (params hold codes; labels are looked up here)."""
    values = dict(params)
    if "country" in values:
        values["country"] = Country(values["country"]).label if values["country"] in Country.values else ""
    if "job_type" in values:
        values["job_type"] = (
            str(JobType(values["job_type"]).label).lower() if values["job_type"] in JobType.values else ""
        )
    if "purpose" in values:
        values["purpose"] = (
            str(Purpose(values["purpose"]).label).lower() if values["purpose"] in Purpose.values else ""
        )
    if "sponsor" in values:
        values["sponsor"] = f" ({values['sponsor']})" if values["sponsor"] else ""
    message = READINESS_MESSAGES.get(code)
    return str(message) % values if message is not None else code


READINESS_SUMMARY_NOTE = _(
    "Ringkasan ini bukan keputusan kantor imigrasi. Petugas memeriksa dokumen asli dan mewawancarai pemohon. "
    "Tunjukkan kode rujukan ini di kantor imigrasi atau kepada perangkat desa."
)
READINESS_PERSON_OUT_OF_SCOPE = _("Orang ini tidak ada di wilayah kerja Anda.")
READINESS_UNKNOWN_DOCUMENT = _("Kode dokumen tidak dikenal: %(codes)s.")
OUTCOME_OFFICE_ONLY = _("Hanya petugas kantor imigrasi yang dapat mencatat hasil permohonan.")
OUTCOME_NOT_ALLOWED = _("Hasil harus salah satu dari: %(choices)s.")
READ_ONLY = _("Akun Anda hanya dapat melihat data, tidak dapat mengubahnya.")
# Raised on the `confirm_without_consent` field with this code (API: 422 {field, code}).
CONSENT_MISSING_CODE = "consent_missing"
READINESS_CONSENT_MISSING = _(
    "Orang ini belum memberi persetujuan untuk pendampingan paspor. Catat persetujuannya dulu, atau centang "
    "konfirmasi bahwa pemeriksaan tetap dicatat tanpa persetujuan (misalnya atas dasar pelayanan publik)."
)
FOLLOW_UP_OFFICE_ONLY = _("Hanya petugas kantor imigrasi yang dapat menindaklanjuti pemeriksaan ini.")
FOLLOW_UP_NEEDS_SCREENING = _(
    "Rujukan dibuat dari skrining wawancara. Orang ini belum pernah diskrining di wilayah kerja Anda: "
    "mulai skrining dari pemeriksaan ini dulu."
)
# Starts of the notes/descriptions a follow-up is prefilled with; the check's reference code ties them together.
FOLLOW_UP_FROM_CHECK = _("Dari pemeriksaan kesiapan paspor %(reference)s (%(on)s).")

# ---------------------------------------------------------------------------------------------------------------
# Collective service (Eazy Passport).
# ---------------------------------------------------------------------------------------------------------------

COLLECTIVE_LOST_DAMAGED_REFUSED = _(
    "Paspor hilang atau rusak tidak dapat dilayani secara kolektif (Eazy Passport): pemohon perlu diperiksa (BAP) "
    "di kantor imigrasi. Ajukan sendiri melalui M-Paspor."
)
COLLECTIVE_UNKNOWN_TYPE = _(
    "Jenis permohonan tidak dikenal. Pilih paspor pertama, atau penggantian paspor yang habis masa berlaku atau "
    "penuh."
)
COLLECTIVE_PERSON_NOT_FOUND = _("Orang tidak ditemukan di wilayah kerja Anda.")
COLLECTIVE_PERSON_OTHER_VILLAGE = _("Orang ini bukan warga desa/kelurahan permohonan ini.")
COLLECTIVE_PERSON_TWICE = _("Orang ini sudah tercantum dalam permohonan.")
COLLECTIVE_TOO_FEW = _(
    "Permohonan kolektif memerlukan paling sedikit %(min)s pemohon (sekarang %(count)s). Untuk kelompok rentan "
    "tidak ada jumlah minimal: centang “kelompok rentan” dan tuliskan alasannya."
)
COLLECTIVE_TOO_FEW_VULNERABLE = _("Permohonan memerlukan paling sedikit %(min)s pemohon.")
COLLECTIVE_NO_RULE = _("Belum ada aturan layanan paspor kolektif yang tercatat untuk tanggal ini.")
COLLECTIVE_NOT_DRAFT = _("Permohonan yang sudah diajukan tidak dapat diubah.")
COLLECTIVE_NOT_SUBMITTED = _("Hanya permohonan yang sudah diajukan yang dapat diputuskan.")
COLLECTIVE_DECISION_OFFICE_ONLY = _(
    "Hanya petugas kantor imigrasi yang dapat menerima atau menolak permohonan."
)
COLLECTIVE_SERVICE_DATE_REQUIRED = _("Isi tanggal layanan bila permohonan diterima.")
COLLECTIVE_REASON_REQUIRED = _("Tuliskan alasan bila permohonan ditolak.")
COLLECTIVE_VILLAGE_OUT_OF_SCOPE = _("Desa/kelurahan ini tidak ada di wilayah kerja Anda.")
COLLECTIVE_DATE_IN_PAST = _("Tanggal yang diusulkan tidak boleh sebelum hari ini.")
COLLECTIVE_OFFICIAL_COPY_DENIED = _(
    "Salinan resmi dengan NIK lengkap hanya untuk petugas kantor imigrasi, PIMPASA, dan administrator nasional."
)
COLLECTIVE_OFFICIAL_PURPOSE = "surat Eazy Passport (salinan resmi)"
READINESS_DETAIL_PURPOSE = "pemeriksaan kesiapan paspor"

# The glossary page (/paspor/istilah/): plain meanings of the words the guide and the readiness check use.
GLOSSARY = [
    (
        "BAP",
        _(
            "Berita acara pemeriksaan: catatan tertulis wawancara petugas imigrasi dengan Anda, misalnya tentang "
            "bagaimana paspor hilang atau rusak."
        ),
    ),
    (
        "P3MI",
        _(
            "Perusahaan Penempatan Pekerja Migran Indonesia: perusahaan swasta yang boleh merekrut dan memberangkatkan "
            "pekerja migran, asalkan berizin."
        ),
    ),
    (
        "SIP3MI",
        _(
            "Surat izin P3MI: izin resmi perusahaan penempatan. Tanpa izin ini perusahaan tidak boleh merekrut."
        ),
    ),
    (
        "SISKOP2MI",
        _(
            "Sistem data Kementerian Pelindungan Pekerja Migran Indonesia (dahulu BP2MI): di sana tercatat perusahaan "
            "berizin dan pekerja migran yang berangkat secara resmi."
        ),
    ),
    (
        _("Nonprosedural"),
        _(
            "Berangkat bekerja ke luar negeri tidak melalui jalur resmi, misalnya dengan visa wisata atau umrah, tanpa "
            "perjanjian kerja, atau lewat calo. Jalur ini berbahaya dan sering berujung pada perdagangan orang."
        ),
    ),
    (
        _("Syarikah"),
        _(
            "Perusahaan penyalur tenaga kerja di Arab Saudi. Dalam Sistem Penempatan Satu Kanal, pekerja rumah tangga "
            "bekerja melalui syarikah, bukan langsung untuk majikan pribadi."
        ),
    ),
    (
        _("Keadaan kahar"),
        _("Bencana atau kejadian di luar kemampuan Anda, misalnya banjir, gempa, atau kebakaran."),
    ),
    (
        _("Kode tagihan (kode billing)"),
        _(
            "Nomor pembayaran resmi dari M-Paspor untuk membayar biaya paspor di bank, kantor pos, atau aplikasi."
        ),
    ),
    (_("Adjudikasi"), _("Keputusan pejabat imigrasi apakah paspor diterbitkan.")),
    (
        _("Pengguna perseorangan"),
        _(
            "Majikan pribadi (perorangan), bukan perusahaan; misalnya keluarga yang mempekerjakan pekerja rumah tangga."
        ),
    ),
]
