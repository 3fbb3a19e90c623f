"""The new-KUHP learning module (issue 13): what the KUHP says next to UU 21/2007, from the articles read.

Expected values come from UU 1/2023 as read on 3 Dec 2026 (docs/rules.md §4): Art. 446 (7 / 9 / 12 years),
Art. 452 (6 years or fine IV; 8 years or fine V), Art. 454(1) (7 years) and (3) (complaint), Art. 457 (5–15 years).
"""

import pytest

from desabinaan.events.models import Question

URL = "/sosialisasi/belajar/kuhp-baru/"
UNCONFIRMED = "belum terbaca dari naskah"

pytestmark = pytest.mark.django_db


def _page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_module_teaches_the_kuhp_articles_next_to_uu_21_2007(client):
    page = _page(client)
    assert (
        "KUHP Pasal 446" in page and "paling lama 7 tahun, 9 tahun bila korban luka berat, 12 tahun" in page
    )
    assert "KUHP Pasal 454 ayat 1" in page and "mengadu (ayat 3)" in page
    assert "KUHP Pasal 452" in page and "paling lama 8 tahun atau denda paling banyak kategori V" in page
    assert "Pasal 457" in page and "5 sampai 15 tahun" in page
    assert "penjara 3 sampai 15 tahun (UU 21/2007 Pasal 2)" in page


def test_the_public_never_sees_the_officers_note_on_what_could_not_be_checked(client, world, login):
    assert UNCONFIRMED not in _page(client)
    assert UNCONFIRMED not in _page(login(world.budi))  # a village liaison is not an office user


def test_an_officer_sees_that_articles_455_456_and_622_are_to_be_confirmed(world, login):
    page = _page(login(world.fajar))
    assert UNCONFIRMED in page and "Pasal 455–456" in page and "Pasal 622" in page
    assert "perlu dikonfirmasi kantor" in page


def _right_answer(fragment: str) -> str:
    question = Question.objects.get(text__contains=fragment)
    return next(c.text for c in question.choices.all() if c.is_correct)


def test_the_quiz_asks_about_confinement_at_a_shelter_under_article_446():
    assert _right_answer("mengunci calon pekerja migran") == "Perampasan kemerdekaan (KUHP Pasal 446)"


def test_the_quiz_asks_about_a_broker_taking_a_child_away_under_article_454():
    assert (
        _right_answer("membawa pergi anak berumur 16 tahun")
        == "Dapat dipidana karena melarikan anak (Pasal 454)"
    )
    question = Question.objects.get(text__contains="membawa pergi anak berumur 16 tahun")
    assert "7 tahun" in question.explanation and "ayat 3" in question.explanation
    assert question.text_en and all(c.text_en for c in question.choices.all())
