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
