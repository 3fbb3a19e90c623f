"""Messages of the events app shared by services, forms, views, the API and tests (msgids in Indonesian)."""

from django.utils.translation import gettext_lazy as _

from desabinaan.core.uploads import FILE_TOO_LARGE  # noqa: F401 (shared upload message, importable here as before)

EVENT_READ_ONLY = _("Akun Anda hanya dapat melihat kegiatan, tidak dapat mengubahnya.")
EVENT_VILLAGE_OUT_OF_SCOPE = _("Desa/kelurahan kegiatan berada di luar wilayah kerja Anda.")
EVENT_ENDS_BEFORE_START = _("Waktu selesai harus setelah waktu mulai.")
EVENT_VERSION_CONFLICT = _("Kegiatan ini sudah diubah pengguna lain. Muat ulang halaman lalu simpan lagi.")
EVENT_BAD_TRANSITION = _("Perubahan status ini tidak diizinkan.")
EVENT_NOT_STARTED = _("Kegiatan belum dimulai, jadi belum dapat ditandai terlaksana.")
EVENT_DONE_IN_FUTURE = _(
    "Kegiatan ini sudah tercatat terlaksana, jadi waktunya tidak boleh di masa depan. Periksa tanggal dan jamnya."
)
ATTENDANCE_EVENT_IN_FUTURE = _(
    "Kegiatan ini dijadwalkan di masa depan. Kehadiran baru dapat dicatat mulai hari kegiatan berlangsung."
)
REPORT_REQUIRED = _("Tulis laporan singkat kegiatan.")
FILE_TYPE_INVALID = _(
    "Materi harus berupa PDF, PowerPoint/Word (pptx/docx) atau gambar; foto harus JPEG, PNG atau WebP."
)

CONSENT_PURPOSE_TEXT = _(
    "Saya setuju nama, jenis kelamin, tahun lahir, desa, dan (bila diisi) NIK serta nomor telepon saya dicatat "
    "oleh Kantor Imigrasi sebagai daftar hadir sosialisasi Desa Binaan Imigrasi, untuk keperluan edukasi "
    "pencegahan TPPO dan pelaporan program. Data tidak dibagikan kepada pihak lain di luar tugas tersebut "
    "(UU 27/2022 tentang Pelindungan Data Pribadi)."
)
CONSENT_REQUIRED = _("Peserta harus menyetujui pencatatan data sebelum dicatat hadir.")
TARGET_GROUP_UNKNOWN = _("Kelompok sasaran tidak dikenal.")
ALREADY_ATTENDING = _("Orang ini sudah tercatat hadir di kegiatan ini.")
NIK_REGISTERED_ELSEWHERE = _(
    "NIK ini terdaftar untuk orang di luar wilayah kerja Anda; hubungi kantor imigrasi."
)
NAME_REQUIRED = _("Nama wajib diisi.")
PERSON_OUT_OF_SCOPE = _("Orang ini terdaftar di luar wilayah kerja Anda.")
PICKER_QUERY_SHORT = _("Ketik sedikitnya 2 huruf nama, nomor telepon, atau 16 angka NIK.")
PICKER_PARTIAL_NIK = _("NIK harus lengkap 16 angka; sebagian NIK tidak dicari.")
PICKER_NONE_FOUND = _(
    "Tidak ada orang terdaftar yang cocok di wilayah kerja Anda. Daftarkan sebagai peserta baru di bawah."
)
CLIENT_ID_REUSED = _(
    "client_id ini sudah dipakai untuk catatan kehadiran #%(id)s dengan data peserta yang berbeda. "
    "Gunakan client_id baru untuk setiap peserta."
)

# Import.
IMPORT_NOT_XLSX = _("Berkas bukan lembar kerja Excel (.xlsx).")
IMPORT_TOO_LARGE = _(
    "Berkas ini terlalu besar setelah dibuka (lebih dari %(mb)s MB) atau tidak wajar; berkas ditolak. "
    "Salin daftar hadir ke templat yang baru lalu unggah lagi."
)
IMPORT_MISSING_COLUMNS = _("Kolom wajib tidak ditemukan di baris judul: %(columns)s. Gunakan templat.")
IMPORT_BAD_SEX = _("Jenis kelamin harus L atau P.")
IMPORT_BAD_BIRTH = _("Tahun lahir (mis. 1990) atau tanggal lahir (hh-bb-tttt) tidak terbaca.")
IMPORT_VILLAGE_UNKNOWN = _(
    "Kode desa/kelurahan ini tidak ada dalam daftar Kemendagri. Periksa kodenya, atau tulis nama desanya saja."
)
IMPORT_VILLAGE_NAME_UNKNOWN = _(
    'Tidak ada desa/kelurahan bernama "%(name)s" di Kecamatan %(district)s. Periksa ejaannya atau tulis kode '
    "desanya."
)
IMPORT_VILLAGE_NAME_AMBIGUOUS = _(
    'Ada beberapa desa/kelurahan bernama "%(name)s" di Kecamatan %(district)s (%(codes)s). Tulis kode desanya.'
)
IMPORT_DUPLICATE_ROW = _("Orang yang sama sudah ada di baris %(row)s berkas ini.")
IMPORT_ALREADY_ATTENDING = _("Sudah ada di daftar hadir kegiatan ini (tidak ditambahkan lagi).")
# A re-run of an import (same import key) that finds this row already written by an earlier attempt.
IMPORT_ALREADY_IMPORTED = _("Sudah ada: diimpor oleh percobaan sebelumnya (tidak ditambahkan lagi).")
IMPORT_NO_CONSENT = _('Kolom persetujuan tidak diisi "ya": data tidak boleh dicatat.')

# Quizzes and self check-in.
NO_QUIZ = _("Kegiatan ini belum memiliki kuis.")
QUIZ_ALREADY_ANSWERED = _("Peserta ini sudah mengisi tes tahap ini.")
QUIZ_ATTENDANCE_OTHER_EVENT = _("Peserta tidak tercatat di kegiatan ini.")
CHECKIN_CLOSED = _("Pendaftaran mandiri hanya dibuka selama kegiatan berlangsung.")
RATE_LIMITED = _("Terlalu banyak permintaan dari jaringan ini. Coba lagi beberapa menit lagi.")
