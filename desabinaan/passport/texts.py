"""The guide's wording: error and warning messages for lib.passport codes, notes, steps, the work-abroad route.

Messages that tests assert are the constants here, shared by code and tests.
"""

from django.utils.translation import gettext_lazy as _

from lib import passport as rules

MPASPOR_URL = "https://www.imigrasi.go.id/"

ERRORS = {
    rules.MISSING: _("Wajib diisi."),
    rules.UNKNOWN_PURPOSE: _("Tujuan perjalanan tidak dikenal. Pilih salah satu: %(choices)s."),
    rules.UNKNOWN_CASE: _("Jenis permohonan tidak dikenal. Pilih salah satu: %(choices)s."),
    rules.BAD_VALIDITY: _("Masa berlaku harus 5 atau 10 tahun."),
    rules.BAD_DATE: _("Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2008-05-17."),
    rules.BAD_BOOLEAN: _("Isi dengan true atau false."),
    rules.BIRTH_AFTER_APPLICATION: _("Tanggal lahir tidak boleh sesudah tanggal permohonan."),
    rules.IMPLAUSIBLE_BIRTH_DATE: _("Tanggal lahir tidak masuk akal (usia lebih dari %(max_age)s tahun)."),
    rules.FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED: _(
        "Keadaan kahar (bencana) hanya berlaku untuk paspor yang hilang atau rusak."
    ),
    rules.NO_FEE_SCHEDULE: _("Belum ada tarif paspor yang tercatat untuk tanggal %(on)s."),
    rules.NO_VALIDITY_RULE: _("Belum ada aturan masa berlaku paspor yang tercatat untuk tanggal %(on)s."),
    rules.FEE_ITEM_MISSING: _("Tarif %(schedule)s tidak memuat butir %(item)s. Hubungi administrator."),
}

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


def warning_text(warning: rules.GuideWarning) -> str:
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
    params.setdefault("choices", ", ".join(rules.PURPOSES if error.field == "purpose" else rules.CASES))
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
        "Untuk paspor yang hilang atau rusak dan masih berlaku, petugas imigrasi membuat berita acara pemeriksaan "
        "(BAP) lewat wawancara, lalu meminta persetujuan Kepala Kantor Wilayah. Prosesnya bisa lebih lama."
    ),
    rules.NOTE_EXPIRED_LOST_DAMAGED: _(
        "Paspor yang hilang atau rusak sesudah habis masa berlakunya dikenai tarif biasa tanpa biaya tambahan dan "
        "tanpa persetujuan Kantor Wilayah; petugas tetap membuat BAP."
    ),
    rules.NOTE_FORCE_MAJEURE: _(
        "Jika paspor hilang atau rusak karena bencana (keadaan kahar), bawa surat keterangan dari instansi yang "
        "berwenang: biaya tambahan tidak dikenakan."
    ),
    rules.NOTE_WALK_IN: _(
        "Pemohon berusia 60 tahun ke atas, penyandang disabilitas, dan anak di bawah 5 tahun boleh datang langsung "
        "tanpa antrean M-Paspor (tanyakan kantor imigrasi setempat)."
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
            "Imigrasi), pilih kantor imigrasi dan tanggal, lalu bayar kode tagihan dalam 2 jam."
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
    ("adjudication", _("Adjudikasi: pejabat imigrasi memutuskan penerbitan paspor."), ""),
    ("printing", _("Pencetakan paspor."), ""),
    ("pickup", _("Pengambilan paspor di kantor imigrasi (bawa tanda terima)."), ""),
]

WORK_ROUTE = [
    _(
        "Syarat calon pekerja migran (UU 18/2017 Pasal 5): berusia paling rendah 18 tahun, memiliki kompetensi, sehat "
        "jasmani dan rohani, terdaftar dan memiliki nomor kepesertaan jaminan sosial, dan memiliki dokumen lengkap."
    ),
    _(
        "Berangkat hanya melalui perusahaan penempatan resmi (P3MI) yang memiliki izin SIP3MI dan terdaftar di "
        "Kementerian P2MI (SISKOP2MI). Lembaga pelatihan (LPK) tidak boleh menempatkan pekerja."
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
