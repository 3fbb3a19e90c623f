"""The record of processing activities (UU PDP Art. 31), generated from the system's own data so it stays current:
purposes with their lawful bases as recorded, the data categories each purpose holds, recipients (partner agencies
that received referrals), the retention schedule and the safeguards the code applies."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from desabinaan.offices.models import PartnerAgency
from desabinaan.people.models import Consent, LawfulBasis, Purpose

from . import selectors

# The data each purpose holds, by the models that hold it (kept with the models: a new field means a new line here).
CATEGORIES = {
    Purpose.EDUCATION: _(
        "nama, tahun/tanggal lahir, jenis kelamin, desa asal, nomor telepon; kehadiran dan kuis"
    ),
    Purpose.PASSPORT: _(
        "identitas dan NIK (terenkripsi); tujuan, negara, pekerjaan, dokumen; hasil pemeriksaan kesiapan"
    ),
    Purpose.PROTECTION: _(
        "identitas dan NIK; jawaban skrining wawancara, keputusan, rujukan dan catatan kasus; data anak dan korban "
        "(data spesifik, UU PDP Pasal 4 ayat 2)"
    ),
}
SAFEGUARDS = [
    _("NIK dienkripsi (Fernet) dan dicari lewat hash berkunci; ditampilkan tersamar"),
    _("Setiap pembacaan data orang dicatat di log akses; setiap perubahan di jejak audit"),
    _(
        "Akses menurut wilayah kerja (desa, kantor imigrasi, provinsi); instansi mitra hanya melihat rujukannya"
    ),
    _("Autentikasi dua langkah untuk petugas kantor; data pribadi tidak ditulis ke log server atau URL"),
    _("Skor saran skrining tidak memakai atribut demografis; petugas yang memutuskan (DPIA.md)"),
    _("Permintaan subjek data dengan tenggat undang-undang; jadwal retensi diterapkan setiap malam"),
]


def purposes() -> list[dict]:
    """Each purpose with the lawful bases recorded for it (counts of standing records)."""
    counts: dict[str, dict[str, int]] = {}
    for row in (
        Consent.objects.filter(withdrawn_at__isnull=True)
        .values("purpose", "lawful_basis")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts.setdefault(row["purpose"], {})[row["lawful_basis"]] = row["n"]
    labels = dict(LawfulBasis.choices)
    return [
        {
            "purpose": label,
            "categories": CATEGORIES.get(value, ""),
            "bases": [(labels.get(basis, basis), n) for basis, n in sorted(counts.get(value, {}).items())],
        }
        for value, label in Purpose.choices
    ]


def recipients() -> list[tuple[str, str, int]]:
    """Partner agencies that have received referrals: (name, kind, number of referrals)."""
    return [
        (a.name, a.get_kind_display(), a.n)
        for a in PartnerAgency.objects.annotate(n=Count("referrals")).filter(n__gt=0).order_by("name")
    ]


def retention() -> list:
    return selectors.retention_rules_in_force()


def processing_record() -> dict:
    return {
        "purposes": purposes(),
        "recipients": recipients(),
        "retention": retention(),
        "safeguards": SAFEGUARDS,
    }
