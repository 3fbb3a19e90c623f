"""The guide page asks for the village or the office, offers that office's products, speaks plainly, and keeps the
officers' flags and curation notes to officers (issue 13, docs/rules.md §2)."""

import re
from html import unescape

import pytest
from django.utils import translation

from desabinaan.passport import texts
from desabinaan.passport.selectors import document_choices

from .conftest import BASE_ANSWERS
from .test_guide_page import ANSWERS, get, result_section

TEBAT_MONOK = "17.08.04.2002"


@pytest.fixture
def english(client):
    """The visitor's client switched to English. The test client runs requests in this thread, and the locale
    middleware leaves the last request's language active: switch back so later tests read Indonesian."""
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    yield client
    translation.activate("id")


def product_radios(html: str) -> list[str]:
    return re.findall(r'name="product" value="([a-z_]+)"', html)


def test_a_village_fills_in_its_office_and_offers_only_its_products(client, world):
    response = get(client, village=TEBAT_MONOK)
    assert response.status_code == 200
    html = response.content.decode()
    office = world.ani.kanim
    assert re.search(rf'<option value="{office.pk}" selected>', html)
    assert product_radios(html) == ["epassport"]
    assert 'id="hasil"' not in html


def test_without_a_place_every_product_is_offered_and_none_is_preselected(client, world):
    html = client.get("/paspor/").content.decode()
    assert sorted(product_radios(html)) == ["epassport", "migrant_worker_first", "passport"]
    assert not re.search(r'name="product" value="[a-z_]+"[^>]*checked', html)


def test_showing_the_offices_products_computes_nothing_yet(client, world):
    response = client.post(
        "/paspor/", {"village": TEBAT_MONOK, "birth_date": "1990-01-01", "purpose": "work", "step": "office"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert product_radios(html) == ["epassport"] and 'id="hasil"' not in html
    assert re.search(r'name="purpose" value="work"[^>]*checked', html)


def test_a_paper_passport_asked_of_bengkulu_is_answered_for_an_e_passport(client, world):
    response = get(client, **ANSWERS | {"electronic": "0", "village": TEBAT_MONOK, "on": "2025-06-01"})
    text = result_section(response.content.decode())
    assert str(texts.E_PASSPORT_ONLY) in text
    assert "Paspor elektronik, 5 tahun" in text and "Rp650.000" in text
    assert "Kantor Imigrasi Kelas I TPI Bengkulu" in text
    assert "product=epassport" in response.context["query"]


@pytest.mark.parametrize("answers", [ANSWERS | {"purpose": "work"}, ANSWERS | {"village": TEBAT_MONOK}])
def test_officers_see_the_flags_and_curation_notes_the_public_never_does(client, world, login, answers):
    public = get(client, **answers).content.decode()
    officer = get(login(world.ani), **answers).content.decode()
    liaison = get(login(world.budi), **answers).content.decode()
    for html in (public, liaison):
        assert "officer-notes" not in html and "perlu dikonfirmasi kantor" not in html
        assert "bertentangan dengan praktik kantor" not in html
    assert 'data-testid="officer-notes"' in officer and "perlu dikonfirmasi kantor" in officer


def test_the_glossary_explains_the_terms_and_the_guide_links_to_it(client, db):
    page = client.get("/paspor/istilah/")
    assert page.status_code == 200
    text = unescape(page.content.decode())
    for term in ("BAP", "P3MI", "SIP3MI", "SISKOP2MI", "Nonprosedural", "Syarikah"):
        assert f"<dt>{term}</dt>" in text
    assert 'href="/paspor/istilah/"' in client.get("/paspor/").content.decode()
    assert 'href="/paspor/istilah/"' in get(client, **ANSWERS).content.decode()


def test_jargon_comes_after_a_plain_equivalent(client, db):
    text = result_section(get(client, **ANSWERS | {"case": "lost", "force_majeure": "on"}).content.decode())
    for word in ("keadaan kahar", "adjudikasi", "kode billing"):
        for match in re.finditer(word, text, flags=re.IGNORECASE):
            before = text[max(match.start() - 13, 0) : match.start()]
            assert before.endswith("(") or before.endswith("atau "), f"“{word}” without a plain word first"
    assert "Adjudikasi:" not in text


def test_form_errors_name_the_choices_by_their_labels_never_the_codes(client, db):
    response = client.post("/paspor/", ANSWERS | {"case": "kehilangan", "purpose": "jalan2"})
    assert response.status_code == 400
    errors = " ".join(
        re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', unescape(response.content.decode()), re.S)
    )
    assert errors
    for code in ("replacement_expired", "lost_expired", "family_visit", "umrah_hajj", "true atau false"):
        assert code not in errors


@pytest.mark.parametrize(
    ("answers", "field"),
    [({"case": "hilang"}, "case"), ({"purpose": "kerja"}, "purpose"), ({"same_day": "mungkin"}, "same_day")],
)
def test_api_errors_name_the_choices_by_their_labels(client, db, answers, field):
    response = client.post("/api/v1/passport/guide", BASE_ANSWERS | answers, content_type="application/json")
    body = response.json()
    assert response.status_code == 422 and body["field"] == field
    for code in ("replacement_expired", "family_visit", "umrah_hajj", "true", "false"):
        assert code not in body["detail"]


def test_documents_and_fee_lines_are_english_on_the_english_page(english, db):
    text = result_section(get(english, **ANSWERS | {"case": "lost"}).content.decode())
    assert "Family card (Kartu Keluarga, KK)" in text and "Police loss report" in text
    assert "Electronic passport, 5 years" in text and "Surcharge: passport lost (still valid)" in text
    assert "Kartu Keluarga (KK)" not in text.replace("Family card (Kartu Keluarga, KK)", "")


def test_the_printout_for_the_applicant_carries_no_officer_notes(world, login):
    html = get(login(world.ani), **ANSWERS | {"purpose": "work", "print": "1"}).content.decode()
    assert "Dokumen yang dibawa" in html and 'data-testid="officer-notes"' not in html


def test_the_footer_cites_the_immigration_law_as_last_amended(client, db):
    assert "sebagaimana telah diubah terakhir dengan UU 63/2024" in client.get("/paspor/").content.decode()


def test_the_fee_list_and_the_documents_in_hand_speak_english_too(english, db):
    items = english.get("/api/v1/passport/fees", {"on": "2025-06-01"}).json()["items"]
    assert {"Electronic passport, 10 years", "Same-day (express) passport service"} <= {
        i["label"] for i in items
    }
    with translation.override("en"):
        assert ("kk", "Family card (Kartu Keluarga, KK)") in document_choices()
    with translation.override("id"):
        assert ("kk", "Kartu Keluarga (KK)") in document_choices()
