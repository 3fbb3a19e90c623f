"""Pieces shared by the PDFs the apps print (program certificate, passport checklist/summary/letter).

Built on fpdf2's core fonts so no font file ships with the project; those fonts only cover Latin-1, hence
`latin1()` on every text that goes into a document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext_lazy as _
from fpdf import FPDF

FONT = "Helvetica"
PAGE_FOOTER = _("Desa Binaan Imigrasi — halaman %(page)s")

# Typographic characters our texts use that Latin-1 lacks, with plain equivalents.
_REPLACEMENTS = str.maketrans(
    {
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
)


def latin1(text) -> str:
    """`text` in Latin-1: known characters replaced, others stripped of accents (e.g. "Ş" → "S"), else "?"."""
    text = "" if text is None else str(text)
    out = []
    for char in text.translate(_REPLACEMENTS):
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append("".join(c for c in base if not unicodedata.combining(c)) or "?")
    return "".join(out)


class Document(FPDF):
    """An A4 document in millimetres; with `page_footer`, every page ends with the site name and page number."""

    def __init__(self, *, page_footer: bool = True, **kwargs):
        super().__init__(orientation="portrait", unit="mm", format="A4", **kwargs)
        self.page_footer = page_footer

    def footer(self):
        if not self.page_footer:
            return
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 6, latin1(PAGE_FOOTER % {"page": self.page_no()}), align="C")


def new_document(
    title: str, *, author: str = "", page_footer: bool = True, break_margin: float | None = 16
) -> Document:
    """A document with its first page added; `break_margin=None` turns automatic page breaks off."""
    pdf = Document(page_footer=page_footer)
    pdf.set_title(latin1(title))
    if author:
        pdf.set_author(latin1(author))
    if break_margin is None:
        pdf.set_auto_page_break(auto=False)
    else:
        pdf.set_auto_page_break(auto=True, margin=break_margin)
    pdf.add_page()
    return pdf


def writer(pdf: FPDF):
    """The `heading(text)` and `line(text, size=, bold=)` helpers of a flowing, left-aligned document."""

    def heading(text: str) -> None:
        pdf.ln(2)
        pdf.set_font(FONT, style="B", size=12)
        pdf.multi_cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=10)

    def line(text: str, *, size: int = 10, bold: bool = False) -> None:
        pdf.set_font(FONT, style="B" if bold else "", size=size)
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT", align="L")

    return heading, line


def table(
    pdf: FPDF,
    *,
    widths: Sequence[float],
    headers: Sequence[str],
    rows: Iterable[Sequence],
    size: float = 9,
    height: float = 6,
) -> None:
    """A bordered table: bold header row, then one row per item (each cell transliterated)."""
    pdf.set_font(FONT, style="B", size=size)
    for width, text in zip(widths, headers, strict=True):
        pdf.cell(width, height, latin1(text), border=1)
    pdf.ln()
    pdf.set_font(FONT, size=size)
    for row in rows:
        for width, text in zip(widths, row, strict=True):
            pdf.cell(width, height, latin1(text), border=1)
        pdf.ln()


def to_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
