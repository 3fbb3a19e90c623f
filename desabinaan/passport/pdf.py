"""The printable passport checklist as a PDF (fpdf2 core fonts, so every text is transliterated to Latin-1)."""

from django.utils.translation import gettext as _

from desabinaan.core.pdf import FONT, latin1, new_document, table, to_bytes, writer
from lib.passport import rupiah

__all__ = ["checklist_pdf", "collective_letter_pdf", "latin1", "readiness_summary_pdf"]


def checklist_pdf(*, result: dict, summary: list[tuple[str, str]], kanims: list, link: str) -> bytes:
    """A one- or two-page checklist: the documents with tick boxes, the fee, the steps, notes and citations."""
    pdf = new_document(_("Daftar periksa permohonan paspor"))
    heading, line = writer(pdf)
    pdf.set_font(FONT, style="B", size=15)
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
    pdf.set_font(FONT, style="B", size=10)
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
    return to_bytes(pdf)


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
    pdf = new_document(title)
    heading, line = writer(pdf)
    pdf.set_font(FONT, style="B", size=15)
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
    return to_bytes(pdf)


def collective_letter_pdf(*, request, rows: list[dict], official: bool, kanim_name: str) -> bytes:
    """The request letter of a collective service with its applicant table.

    `rows` hold the applicant and the NIK to print: masked on the village's copy, full on the office's copy.
    """
    title = _("Permohonan layanan paspor kolektif (Eazy Passport)")
    pdf = new_document(title)
    heading, line = writer(pdf)
    pdf.set_font(FONT, style="B", size=14)
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
    cells = [
        (
            str(number),
            row["applicant"].person.name[:40],
            _born(row["applicant"].person),
            row["nik"] or "-",
            row["applicant"].get_application_type_display(),
        )
        for number, row in enumerate(rows, start=1)
    ]
    headers = ("No", _("Nama"), _("Tanggal lahir"), _("NIK"), _("Jenis permohonan"))
    table(pdf, widths=(10, 58, 26, 38, 58), headers=headers, rows=cells, size=9, height=6)
    return to_bytes(pdf)


def _born(person) -> str:
    return f"{person.birth_date:%d-%m-%Y}" if person.birth_date else str(person.birth_year or "-")
