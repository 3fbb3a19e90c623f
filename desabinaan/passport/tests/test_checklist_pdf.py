import io
import re
from urllib.parse import urlencode

from pypdf import PdfReader

from desabinaan.passport.pdf import latin1

ANSWERS = {
    "purpose": "work",
    "case": "lost",
    "birth_date": "1990-01-01",
    "electronic": "1",
    "validity_years": "10",
    "on": "2025-06-01",
}


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_checklist_lists_the_documents_fee_and_steps(client, world):
    page = client.get("/paspor/?" + urlencode(ANSWERS | {"village": world.tebat_monok.code}))
    response = client.get(page.context["pdf_url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    documents = page.context["result"]["documents"]
    assert {d["code"] for d in documents} >= {"ktp", "kk", "police_report", "disnaker_recommendation"}
    for document in documents:
        assert re.sub(r"\s+", " ", latin1(document["label"])) in text
    assert "Rp1.950.000" in text
    assert "Wawancara" in text
    assert "Kantor Imigrasi Kelas I TPI Bengkulu" in text
    assert "Tanda bahaya perekrutan ilegal" in text
    assert "PP 45/2024" in text


def test_the_checklist_of_a_child_lists_the_parents_documents(client, db):
    response = client.get(
        "/paspor/checklist.pdf?"
        + urlencode(ANSWERS | {"purpose": "tourism", "birth_date": "2015-03-03", "case": "new"})
    )
    text = pdf_text(response)
    assert "e-KTP kedua orang tua" in text and "Paspor kedua orang tua" in text
    assert "bersyarat" in text


def test_bad_answers_get_the_form_back_not_a_pdf(client, db):
    response = client.get("/paspor/checklist.pdf?purpose=work")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_it_transliterates_what_core_fonts_cannot_print():
    assert latin1("Rp1.000.000 — ≥ 17 “tahun” Ｓ ŝ 日") == 'Rp1.000.000 - >= 17 "tahun" S s ?'
    assert latin1("Perú café") == "Perú café"
