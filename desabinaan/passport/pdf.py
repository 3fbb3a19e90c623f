"""The printable passport checklist as a PDF (fpdf2 core fonts, so every text is transliterated to Latin-1)."""

import unicodedata

from django.utils.translation import gettext as _
from fpdf import FPDF

from lib.passport import rupiah

# Characters the guide's texts use that Latin-1 lacks; anything else loses its accents or becomes "?".
_REPLACEMENTS = {
    "—": "-",
    "–": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "•": "-",
    "≥": ">=",
    "≤": "<=",
    "→": "->",
}


def latin1(text: str) -> str:
    out = []
    for char in str(text):
        char = _REPLACEMENTS.get(char, char)
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            try:
                stripped.encode("latin-1")
                out.append(stripped)
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


class _Checklist(FPDF):
    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(
            0, 6, latin1(_("Desa Binaan Imigrasi — halaman %(page)s") % {"page": self.page_no()}), align="C"
        )


def checklist_pdf(*, result: dict, summary: list[tuple[str, str]], kanims: list, link: str) -> bytes:
    """A one- or two-page checklist: the documents with tick boxes, the fee, the steps, notes and citations."""
    pdf = _Checklist(format="A4")
    pdf.set_title(latin1(_("Daftar periksa permohonan paspor")))
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()

    def heading(text: str) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", style="B", size=12)
        pdf.multi_cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)

    def line(text: str, *, size: int = 10) -> None:
        pdf.set_font("Helvetica", size=size)
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT", align="L")

    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, latin1(_("Daftar periksa permohonan paspor")), new_x="LMARGIN", new_y="NEXT")
    for label, value in summary:
        line(f"{label}: {value}")

    heading(_("Dokumen yang dibawa (asli)"))
    for document in result["documents"]:
        text = f"[  ] {document['label']}"
        if document["conditional"]:
            text += f" ({_('bersyarat')}: {document['condition']})"
        if document["by_office"]:
            text += f" ({_('dibuat/diurus kantor imigrasi')})"
        line(text)

    heading(_("Biaya"))
    for item in result["fee"]["items"]:
        line(f"{item['label']}: {rupiah(item['amount_idr'])}")
    pdf.set_font("Helvetica", style="B", size=10)
    pdf.multi_cell(
        0,
        6,
        latin1(f"{_('Jumlah')}: {rupiah(result['fee']['total_idr'])} ({result['fee']['schedule']})"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    line(_("Masa berlaku paspor: %(years)s tahun") % {"years": result["validity_years"]})

    if result["warnings"]:
        heading(_("Perhatian"))
        for warning in result["warnings"]:
            line(f"! {warning['message']}")

    heading(_("Langkah"))
    for number, step in enumerate(result["steps"], start=1):
        line(f"{number}. {step['text']}" + (f" ({step['url']})" if step["url"] else ""))

    if kanims:
        heading(_("Kantor imigrasi yang melayani desa Anda"))
        for kanim in kanims:
            line(" - ".join(part for part in (kanim.name, kanim.address, kanim.phone) if part))

    heading(_("Catatan"))
    for note in result["notes"]:
        line(f"- {note}")

    if result["work_route"]:
        heading(_("Bekerja ke luar negeri: jalur resmi"))
        for text in result["work_route"]["requirements"]:
            line(f"- {text}")
        heading(_("Tanda bahaya perekrutan ilegal"))
        for text in result["work_route"]["red_flags"]:
            line(f"- {text}")

    heading(_("Dasar hukum"))
    for citation in result["citations"]:
        line(f"- {citation}", size=8)
    line(_("Panduan ini: %(link)s") % {"link": link}, size=8)
    return bytes(pdf.output())


def _document(title: str) -> FPDF:
    pdf = _Checklist(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    return pdf


def _writer(pdf: FPDF):
    def heading(text: str) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", style="B", size=12)
        pdf.multi_cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)

    def line(text: str, *, size: int = 10, bold: bool = False) -> None:
        pdf.set_font("Helvetica", style="B" if bold else "", size=size)
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT", align="L")

    return heading, line


def readiness_summary_pdf(
    *,
    reference: str,
    facts: list[tuple[str, str]],
    missing: list[dict],
    warnings: list[dict],
    outcome: str,
    note: str,
) -> bytes:
    """The resident's printable summary: the reference code, name and masked NIK only, what is missing, warnings."""
    title = _("Ringkasan kesiapan paspor")
    pdf = _document(title)
    heading, line = _writer(pdf)
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", style="B", size=16)
    pdf.multi_cell(0, 9, latin1(f"{_('Kode rujukan')}: {reference}"), new_x="LMARGIN", new_y="NEXT")
    for label, value in facts:
        line(f"{label}: {value}")
    line(f"{_('Status')}: {outcome}")
    heading(_("Dokumen yang belum ada"))
    if missing:
        for document in missing:
            line(f"[  ] {document['label']}")
    else:
        line(_("Semua dokumen wajib sudah ada."))
    heading(_("Peringatan jalur resmi bekerja ke luar negeri"))
    if warnings:
        for warning in warnings:
            line(f"! {warning['message']}")
            line(f"   {_('Dasar')}: {warning['citation']}", size=8)
    else:
        line(_("Tidak ada peringatan."))
    pdf.ln(2)
    line(note, size=8)
    return bytes(pdf.output())


def collective_letter_pdf(*, request, rows: list[dict], official: bool, kanim_name: str) -> bytes:
    """The request letter of a collective service with its applicant table.

    `rows` hold the applicant and the NIK to print: masked on the village's copy, full on the office's copy.
    """
    title = _("Permohonan layanan paspor kolektif (Eazy Passport)")
    pdf = _document(title)
    heading, line = _writer(pdf)
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    if official:
        line(_("SALINAN RESMI UNTUK KANTOR IMIGRASI — memuat NIK lengkap, jangan disebarkan."), bold=True)
    else:
        line(_("Salinan desa — NIK disamarkan."), size=9)
    line(f"{_('Kepada')}: {kanim_name}")
    village = request.village
    line(f"{_('Desa/kelurahan')}: {village.name}, {village.district.name}, {village.regency.name}")
    line(f"{_('Tempat')}: {request.place}")
    line(f"{_('Tanggal yang diusulkan')}: {request.proposed_date:%d-%m-%Y}")
    line(f"{_('Narahubung')}: {request.contact_name} ({request.contact_phone})")
    if request.vulnerable_group:
        line(f"{_('Kelompok rentan')}: {request.vulnerable_reason}")
    line(f"{_('Jumlah pemohon')}: {len(rows)}")
    heading(_("Daftar pemohon"))
    widths = (10, 58, 26, 38, 58)
    headers = ("No", _("Nama"), _("Tanggal lahir"), _("NIK"), _("Jenis permohonan"))
    pdf.set_font("Helvetica", style="B", size=9)
    for width, text in zip(widths, headers, strict=True):
        pdf.cell(width, 6, latin1(text), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", size=9)
    for number, row in enumerate(rows, start=1):
        applicant = row["applicant"]
        person = applicant.person
        born = f"{person.birth_date:%d-%m-%Y}" if person.birth_date else str(person.birth_year or "-")
        cells = (
            str(number),
            person.name[:40],
            born,
            row["nik"] or "-",
            applicant.get_application_type_display(),
        )
        for width, text in zip(widths, cells, strict=True):
            pdf.cell(width, 6, latin1(text), border=1)
        pdf.ln()
    return bytes(pdf.output())
