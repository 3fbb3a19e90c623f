import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded SKs and attachments go to a throwaway MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"


def make_pdf(text: str = "SK sintetis") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, text)
    return bytes(pdf.output())


@pytest.fixture
def sk_pdf():
    return SimpleUploadedFile("sk.pdf", make_pdf(), content_type="application/pdf")


@pytest.fixture
def tebat(world):
    """The fostered village of Tebat Monok (active, has an SK number)."""
    from desabinaan.program.models import DesaBinaan

    return DesaBinaan.objects.get(village=world.tebat_monok)


@pytest.fixture
def proposed(world):
    """A proposed village in Kota Bengkulu (Kanim Bengkulu's working area)."""
    from desabinaan.program.services import desa_binaan_propose

    return desa_binaan_propose(
        actor=world.fajar,
        village=world.kota_bengkulu_village,
        criteria={"kantong_pmi": "Banyak warga ke Malaysia", "kemiskinan": ""},
        notes="Usulan uji",
    )


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
