"""Public learning pages and the self-check quiz: no login, printable, small, nothing stored."""

import gzip

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from desabinaan.events import selectors

PAGES = [
    "/sosialisasi/belajar/",
    "/sosialisasi/belajar/mengenali-tppo/",
    "/sosialisasi/belajar/jalur-prosedural/",
    "/sosialisasi/belajar/tanda-bahaya/",
    "/sosialisasi/belajar/paspor/",
    "/sosialisasi/belajar/tempat-melapor/",
    "/sosialisasi/belajar/hak-korban/",
    "/sosialisasi/belajar/kuhp-baru/",
    "/sosialisasi/belajar/kuis/",
]


@pytest.mark.parametrize("url", PAGES)
def test_it_serves_each_page_publicly_under_50_kb_compressed(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert len(gzip.compress(response.content)) < 50 * 1024
    assert b"<script>" not in response.content and b'style="' not in response.content


def test_the_modules_cite_the_law(client, db):
    assert "UU 21/2007" in client.get(
        "/sosialisasi/belajar/mengenali-tppo/"
    ).content.decode() or "21 Tahun 2007" in (
        client.get("/sosialisasi/belajar/mengenali-tppo/").content.decode()
    )
    assert "18 Tahun 2017" in client.get("/sosialisasi/belajar/jalur-prosedural/").content.decode()
    assert "/paspor/" in client.get("/sosialisasi/belajar/paspor/").content.decode()


def test_the_self_check_quiz_explains_answers_and_stores_nothing(client, db):
    questions = selectors.public_quiz_questions()
    right = {f"q{q.pk}": str(next(c for c in q.choices.all() if c.is_correct).pk) for q in questions[:3]}
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/sosialisasi/belajar/kuis/", right)
    page = response.content.decode()
    assert f"Benar 3 dari {len(questions)} soal." in page
    assert questions[0].explanation in page
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_unknown_module_is_not_found(client, db):
    assert client.get("/sosialisasi/belajar/tidak-ada/").status_code == 404


def test_the_self_check_quiz_in_english_asks_and_explains_in_english(client, db):
    questions = [q for q in selectors.public_quiz_questions() if q.text_en and q.explanation_en]
    assert questions, "the shipped bank has English questions"
    question = questions[0]
    choice = next(c for c in question.choices.all() if c.is_correct)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/sosialisasi/belajar/kuis/").content.decode()
    assert escape(question.text_en) in page and escape(question.text) not in page
    if choice.text_en:
        assert escape(choice.text_en) in page
    answered = client.post("/sosialisasi/belajar/kuis/", {f"q{question.pk}": str(choice.pk)}).content.decode()
    assert escape(question.explanation_en) in answered and escape(question.explanation) not in answered
