"""Validation messages of the person registry, shared by services, forms, the API and tests.

Each lib.nik error code maps to an Indonesian msgid; the API returns the code next to the translated message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from desabinaan.core.validators import clean_name
from desabinaan.regions.models import District
from lib import nik as nik_lib
from lib.phones import normalize_phone

NIK_MESSAGES = {
    nik_lib.NOT_DIGITS: _("NIK hanya boleh berisi angka."),
    nik_lib.WRONG_LENGTH: _("NIK harus terdiri dari 16 angka."),
    nik_lib.UNKNOWN_REGION: _("Enam angka pertama NIK bukan kode kecamatan yang dikenal."),
    nik_lib.BAD_DATE: _("Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) bukan tanggal yang sah."),
    nik_lib.BAD_SERIAL: _("Nomor urut NIK (empat angka terakhir) tidak boleh 0000."),
    nik_lib.SEX_MISMATCH: _(
        "NIK tidak sesuai dengan jenis kelamin: untuk perempuan tanggal lahir di NIK ditambah 40."
    ),
    nik_lib.BIRTH_DATE_MISMATCH: _("NIK tidak sesuai dengan tanggal lahir yang diisi."),
}

BIRTH_REQUIRED = _("Isi tanggal lahir atau setidaknya tahun lahir.")
BIRTH_YEAR_MISMATCH = _("Tahun lahir tidak sama dengan tahun pada tanggal lahir.")
BIRTH_IN_FUTURE = _("Tanggal lahir tidak boleh di masa depan.")
BIRTH_YEAR_RANGE = _("Tahun lahir tidak masuk akal.")
VILLAGE_UNKNOWN_CODE = _("Kode desa/kelurahan tidak dikenal.")
VILLAGE_OUT_OF_SCOPE = _("Anda hanya dapat mendaftarkan orang dari desa/kelurahan di wilayah kerja Anda.")
READ_ONLY = _("Akun Anda hanya dapat melihat data, tidak dapat mengubahnya.")
PURPOSE_REQUIRED = _("Centang sedikitnya satu tujuan.")
PURPOSE_TEXT_ONE_PURPOSE = _(
    "Teks lain hanya dapat dipakai untuk satu tujuan; kosongkan untuk memakai teks baku."
)
LAWFUL_BASIS_OFFICERS_ONLY = _(
    "Dasar pemrosesan ditetapkan otomatis menurut tujuan; hanya petugas Kantor Imigrasi yang dapat mengubahnya."
)
VERSION_CONFLICT = _(
    "Data orang ini sudah diubah oleh pengguna lain sejak Anda membukanya. "
    "Muat ulang halaman, periksa perubahannya, lalu simpan lagi."
)
NIK_ALREADY_REGISTERED = _("NIK ini sudah terdaftar.")
NIK_REGISTERED_ELSEWHERE = _("NIK ini sudah terdaftar untuk orang di luar wilayah kerja Anda.")
GUARDIAN_REQUIRED = _(
    "Orang ini belum berusia 18 tahun: nama dan hubungan orang tua/wali yang memberi persetujuan wajib diisi "
    "(UU PDP Pasal 25)."
)
NIK_REVEAL_DENIED = _("Peran Anda tidak berwenang melihat NIK lengkap.")
CONSENT_ALREADY_WITHDRAWN = _("Persetujuan ini sudah ditarik.")
MERGE_SAME_PERSON = _("Tidak dapat menggabungkan orang dengan dirinya sendiri.")
MERGE_ALREADY_MERGED = _("Salah satu data sudah digabung ke data lain.")
MERGE_TWO_NIKS = _("Kedua data memiliki NIK yang berbeda: periksa dulu apakah mereka memang orang yang sama.")
PHONE_INVALID = _(
    "Nomor telepon tidak dikenali. Tulis nomor lengkap dengan kode wilayah atau awalan 08, mis. 0812-3456-7890."
)


def district_exists(code: str) -> bool:
    return District.objects.filter(code=code).exists()


def nik_validate(
    raw: str,
    *,
    sex: str | None = None,
    birth_date: dt.date | None = None,
    birth_year: int | None = None,
    districts: Callable[[str], bool] = district_exists,
) -> nik_lib.Nik:
    """Parse a NIK against the region table; raise a ValidationError on field "nik" whose code is the lib code.

    `districts` answers whether a district code exists; bulk callers pass a cached one (one query per district).
    """
    try:
        return nik_lib.parse(
            raw, district_exists=districts, sex=sex, birth_date=birth_date, birth_year=birth_year
        )
    except nik_lib.NikError as error:
        # Never the NIK itself in the message: error texts end up in logs and API responses.
        raise ValidationError({"nik": ValidationError(NIK_MESSAGES[error.code], code=error.code)}) from None


def name_clean(raw: str | None, *, field: str = "name") -> str:
    """A person's name with spaces collapsed, in NFC; ValidationError on `field` for control, bidi-override or
    invisible-only characters (one control character in a name used to break every XLSX export of its scope)."""
    if not raw:  # an empty guardian, the usual case on an import row
        return ""
    try:
        return clean_name(" ".join(raw.split()))
    except ValidationError as error:
        raise ValidationError({field: error}) from None


def phone_clean(raw: str | None, *, field: str | None = "phone") -> str:
    """A phone number in one stored form, E.164 ("0812-3456-7890" → "+6281234567890"; Indonesia by default), so
    the attendance picker and duplicate checks find it however it was typed; "" when empty.

    ValidationError (on `field`, or plain when field is None: forms) when the text is not a phone number.
    """
    text = (raw or "").strip()
    if not text:
        return ""
    normalized = normalize_phone(text)
    if not normalized:
        error = ValidationError(PHONE_INVALID, code="phone_invalid")
        raise ValidationError({field: error}) if field else error
    return normalized
