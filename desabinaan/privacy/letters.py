"""Breach notification letters (UU PDP Art. 46): to the persons affected and to the authority (Komdigi in the
interim while the PDP authority is not formed, docs/rules.md §6). Generated from the register entry; the officer
signs and sends them."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from desabinaan.core.pdf import new_document, to_bytes, writer

from . import selectors
from .models import Breach


def _when(value) -> str:
    return date_format(timezone.localtime(value), "j F Y H:i") if value else "-"


def breach_letter_pdf(*, breach: Breach, to: str) -> bytes:
    title = _("Pemberitahuan Kegagalan Pelindungan Data Pribadi")
    pdf = new_document(title, author=settings.PRIVACY_CONTROLLER)
    heading, line = writer(pdf)
    line(title, size=14, bold=True)
    line(_("Dari: %(c)s") % {"c": settings.PRIVACY_CONTROLLER})
    if to == "authority":
        line(_("Kepada: Kementerian Komunikasi dan Digital (pengawas pelindungan data pribadi sementara)"))
    else:
        line(_("Kepada: Bapak/Ibu yang datanya terdampak"))
    line(_("Tanggal: %(d)s") % {"d": _when(timezone.now())})
    line(
        _(
            "Dasar: UU 27/2022 tentang Pelindungan Data Pribadi Pasal 46 (pemberitahuan paling lambat 3 x 24 jam)."
        )
    )
    heading(_("Apa yang terjadi"))
    line(breach.title)
    line(breach.description)
    line(
        _("Terjadi: %(a)s. Diketahui: %(b)s.")
        % {"a": _when(breach.occurred_at), "b": _when(breach.discovered_at)}
    )
    heading(_("Data pribadi yang terungkap"))
    line(breach.data_categories)
    affected = selectors.breach_persons(breach)
    if to == "authority":
        line(_("Perkiraan jumlah orang terdampak: %(n)s") % {"n": breach.persons_estimate})
    if affected:
        # Masked NIKs only: the letter itself must not spread the data it reports.
        heading(
            _("Orang terdampak yang sudah teridentifikasi (%(n)s, NIK disamarkan)") % {"n": len(affected)}
        )
        line(", ".join(p.nik_masked or _("tanpa NIK (#%(id)s)") % {"id": p.pk} for p in affected))
    heading(_("Apa yang telah dan akan kami lakukan"))
    line(breach.actions or _("Penanganan sedang berlangsung; pemberitahuan lanjutan akan dikirim."))
    heading(_("Kontak"))
    line(settings.PRIVACY_CONTACT)
    return to_bytes(pdf)
