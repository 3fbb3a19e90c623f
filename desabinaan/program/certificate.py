"""The certificate (piagam) of a designated village: one A4 page in Indonesian, built with fpdf2's core fonts."""

from __future__ import annotations

from django.utils import formats, translation

from desabinaan.core.pdf import FONT, latin1, new_document, to_bytes

from .models import DesaBinaan

__all__ = ["certificate_pdf", "latin1"]


def _date(value) -> str:
    return formats.date_format(value, "j F Y", use_l10n=True) if value else "-"


def certificate_pdf(desa_binaan: DesaBinaan) -> bytes:
    db = desa_binaan
    village = db.village
    kanim = db.kanim
    kind = "Kelurahan" if village.kind == village.Kind.KELURAHAN else "Desa"
    with translation.override("id"):
        sk_date = _date(db.sk_date)
    pdf = new_document(
        f"Piagam Desa Binaan Imigrasi {village.name}", author=kanim.name, page_footer=False, break_margin=None
    )
    pdf.set_draw_color(11, 79, 138)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 190, 277)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, 182, 269)

    def line(text: str, size: float, style: str = "", gap: float = 4) -> None:
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(0, size * 0.5, latin1(text), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_left_margin(24)
    pdf.set_right_margin(24)
    pdf.set_y(34)
    # Letterhead: ministry, Directorate General, the regional office (Kanwil, as named in the offices data) and the
    # Kanim, as on the offices' own decrees.
    pdf.set_y(28)
    line("KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA", 11, "B", 1)
    line("DIREKTORAT JENDERAL IMIGRASI", 11, "B", 1)
    line(kanim.kanwil.name.upper(), 10, "B", 1)
    line(kanim.name.upper(), 10, "B", 2)
    pdf.set_line_width(0.6)
    pdf.line(30, pdf.get_y(), 180, pdf.get_y())
    pdf.ln(10)
    line("PIAGAM", 30, "B", 4)
    line("DESA BINAAN IMIGRASI", 18, "B", 14)
    line("Diberikan kepada", 12, "", 4)
    line(f"{kind} {village.name}", 22, "B", 4)
    line(
        f"Kecamatan {village.district.name}, {village.regency.name}, Provinsi {village.regency.province.name}",
        12,
        "",
        2,
    )
    line(f"Kode wilayah {village.code}", 10, "", 14)
    line(
        f"sebagai Desa Binaan Imigrasi {kanim.name}, dalam rangka pencegahan tindak pidana perdagangan orang "
        "dan penyelundupan manusia serta pelindungan warga yang akan bekerja ke luar negeri.",
        12,
        "",
        10,
    )
    issuer = "Kepala Kantor Wilayah" if db.sk_issuer == DesaBinaan.IssuingOffice.KANWIL else "Kepala Kantor"
    line(f"Berdasarkan Surat Keputusan {issuer}", 11, "", 2)
    line(f"Nomor {db.sk_number}", 12, "B", 2)
    line(f"tanggal {sk_date}", 11, "", 24)
    line(f"Kepala {kanim.name}", 11, "", 26)
    line(kanim.head_name or "(nama kepala kantor belum diisi)", 12, "B", 2)
    return to_bytes(pdf)
