import re
from html import unescape
from urllib.parse import urlencode

import pytest

from desabinaan.passport import texts
from lib import passport as rules

ANSWERS = {
    "purpose": "work",
    "case": "lost",
    "birth_date": "2009-01-01",
    "electronic": "1",
    "validity_years": "10",
    "on": "2025-06-01",
}


def result_section(html: str) -> str:
    """The result part of the page, without the form, as plain text."""
    section = html.split('id="hasil"', 1)[1]
    section = section.split('id="hasil-judul"', 1)[1].split('class="passport-form"', 1)[0]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", section)))


def get(client, **params):
    return client.get("/paspor/?" + urlencode(params))


def test_it_shows_the_wizard_to_anonymous_visitors(client, db):
    response = client.get("/paspor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post"' in html
    for name in ("purpose", "case", "force_majeure", "birth_date", "married", "product", "validity_years"):
        assert f'name="{name}"' in html
    assert 'name="same_day"' in html and 'name="village"' in html
    assert 'id="hasil"' not in html


def test_it_shows_the_result_from_the_query_string(client, db):
    response = get(client, **ANSWERS)
    assert response.status_code == 200
    text = result_section(response.content.decode())
    assert "Surat keterangan kehilangan dari kepolisian" in text
    assert "Surat rekomendasi paspor dari Dinas Tenaga Kerja" in text
    assert "Rp650.000" in text and "Rp1.650.000" in text  # 5-year e-passport + lost surcharge
    assert "5 tahun" in text
    assert "Masa berlaku 10 tahun hanya untuk pemohon yang berusia 17 tahun ke atas" in text
    assert "Tanda bahaya perekrutan ilegal" in text
    assert "Dasar hukum" in text and "Permenkumham 18/2022" in text
    assert texts.MPASPOR_URL in response.content.decode()


def test_the_shareable_link_reproduces_the_same_result(client, db):
    first = get(client, **ANSWERS)
    share_url = first.context["share_url"]
    assert "birth_date" not in share_url and "2009" not in share_url
    assert "age=16" in share_url and "on=2025-06-01" in share_url
    again = client.get(share_url.removeprefix("http://testserver"))
    assert again.context["result"] == first.context["result"]
    assert result_section(again.content.decode()) == result_section(first.content.decode())


def test_the_link_carries_nothing_personal_not_even_the_birth_date(client, db):
    response = get(client, **ANSWERS)
    keys = {part.split("=")[0] for part in response.context["query"].split("&")}
    assert keys <= {
        "purpose",
        "case",
        "age",
        "product",
        "office",
        "validity_years",
        "on",
        "married",
        "same_day",
        "force_majeure",
        "migrant_worker_first",
        "village",
    }


def test_the_posted_form_redirects_to_its_result_without_the_birth_date(client, db):
    response = client.post("/paspor/", ANSWERS)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/paspor/?") and location.endswith("#hasil")
    assert "birth_date" not in location and "2009" not in location
    page = client.get(location.removesuffix("#hasil"))
    assert page.context["result"] == get(client, **ANSWERS).context["result"]
    # The form under the result asks for the birth date again; it never shows a stand-in date.
    assert page.context["form"]["birth_date"].value() in (None, "")
    html = page.content.decode()
    assert html.index('id="hasil-judul"') < html.index('class="passport-form"')
    assert "js/focus-result" in html


def test_a_bad_post_shows_the_form_again(client, db):
    response = client.post("/paspor/", {"purpose": "tourism"})
    assert response.status_code == 400
    assert 'id="hasil"' not in response.content.decode()


@pytest.mark.parametrize(("on", "age"), [("2028-02-29", 16), ("2025-06-01", 0), ("2025-06-01", 17)])
def test_an_age_link_gives_the_same_result_as_the_birth_date(client, db, on, age):
    born = {"2028-02-29": "2012-02-29", "2025-06-01": f"{2025 - age}-06-01"}[on]
    by_date = get(client, **(ANSWERS | {"on": on, "birth_date": born, "validity_years": "5"})).context[
        "result"
    ]
    params = {key: value for key, value in ANSWERS.items() if key != "birth_date"}
    by_age = get(client, **(params | {"on": on, "age": str(age), "validity_years": "5"})).context["result"]
    assert by_age == by_date and by_age["age"] == age


def test_checkboxes_in_the_query_string_count(client, db):
    response = get(client, **(ANSWERS | {"case": "lost", "force_majeure": "on", "birth_date": "1990-01-01"}))
    assert response.context["result"]["fee"]["total_idr"] == 950_000


def test_it_shows_the_kanim_serving_the_village(client, world):
    response = get(client, **(ANSWERS | {"village": world.tebat_monok.code}))
    assert response.status_code == 200
    assert "Kantor Imigrasi Kelas I TPI Bengkulu" in result_section(response.content.decode())
    assert f"village={world.tebat_monok.code}" in response.context["share_url"]


def test_it_explains_bad_answers_in_indonesian(client, db):
    response = get(client, **(ANSWERS | {"case": "new", "force_majeure": "on"}))
    assert response.status_code == 400
    assert str(texts.ERRORS[rules.FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED]) in response.content.decode()
    missing = get(client, purpose="tourism")
    assert missing.status_code == 400
    assert 'id="hasil"' not in missing.content.decode()


def test_the_print_view_is_minimal_and_has_the_result(client, db):
    page = get(client, **ANSWERS)
    response = client.get(page.context["print_url"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "passport/print.html" in [t.name for t in response.templates]
    assert '<header class="top">' not in html and "<script>" not in html
    assert "Surat keterangan kehilangan dari kepolisian" in html
    assert "data-print" in html


def test_it_uses_no_inline_script_or_style(client, db):
    html = get(client, **ANSWERS).content.decode()
    assert "<script>" not in html and "style=" not in html and "onclick" not in html


@pytest.mark.parametrize("user", ["budi", "dewi", "admin"])
def test_it_validates_scope(client, world, login, user):
    # A public page: anonymous and every persona see the same result.
    anonymous = get(client, **ANSWERS).context["result"]
    theirs = get(login(getattr(world, user)), **ANSWERS).context["result"]
    # Officers also see the rules flagged "to be confirmed" and the curation notes; nobody else does.
    assert anonymous["officer_notes"] == []
    assert {**theirs, "officer_notes": []} == anonymous
