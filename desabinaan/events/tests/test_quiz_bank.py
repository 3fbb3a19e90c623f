"""The question bank teaches; it must not be guessable. Expected facts come from the cited articles."""

import pytest

from desabinaan.events.models import Question

pytestmark = pytest.mark.django_db


def test_the_right_answer_is_never_the_longest_option():
    guessable = []
    for question in Question.objects.prefetch_related("choices"):
        choices = list(question.choices.all())
        right = [len(c.text) for c in choices if c.is_correct]
        wrong = [len(c.text) for c in choices if not c.is_correct]
        assert len(right) == 1 and wrong, question.text
        if right[0] > max(wrong):
            guessable.append(question.text)
    assert guessable == []


def _answer(fragment: str) -> str:
    question = Question.objects.get(text__contains=fragment)
    return next(c.text for c in question.choices.all() if c.is_correct)


def test_it_teaches_migrant_smuggling_under_the_new_kuhp_article_457():
    assert _answer("KUHP baru (UU 1/2023)") == "Pasal 457 KUHP"


@pytest.mark.parametrize(
    "fragment, expected",
    [
        (
            "sudah setuju berangkat bersama calo",
            "persetujuan korban tidak menghapus pidana",
        ),  # UU 21/2007 Art. 26
        ("dipaksa pelaku melakukan tindak pidana", "Tidak dipidana"),  # Art. 18
        ("atas kerugian yang dideritanya", "Restitusi"),  # Art. 48
        ("identitas korban TPPO", "dirahasiakan"),  # Art. 44
        ("korban perdagangan orang adalah anak", "sepertiga"),  # Art. 17
    ],
)
def test_it_teaches_victims_rights_from_uu_21_2007(fragment, expected):
    assert expected in _answer(fragment)


def test_the_legal_routes_question_follows_article_49():
    question = Question.objects.get(text__contains="pemerintah (G-to-G)")
    assert "Pasal 49" in question.source


def test_the_admin_refuses_a_question_whose_right_answer_is_the_longest(login, world):
    question = Question.objects.get(text__contains="KUHP baru (UU 1/2023)")
    choices = list(question.choices.order_by("id"))
    data = {
        "topic": question.topic_id,
        "text": question.text,
        "explanation": question.explanation,
        "source": question.source,
        "active": "on",
        "order": question.order,
        "choices-TOTAL_FORMS": len(choices),
        "choices-INITIAL_FORMS": len(choices),
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for i, choice in enumerate(choices):
        text = (
            choice.text + " — jawaban yang sangat panjang sekali sehingga mudah ditebak"
            if choice.is_correct
            else choice.text
        )
        data |= {
            f"choices-{i}-id": choice.pk,
            f"choices-{i}-question": question.pk,
            f"choices-{i}-text": text,
            f"choices-{i}-order": choice.order,
        } | ({f"choices-{i}-is_correct": "on"} if choice.is_correct else {})
    response = login(world.admin).post(f"/admin/events/question/{question.pk}/change/", data)
    assert response.status_code == 200
    assert "pilihan terpanjang" in response.content.decode()
    assert question.choices.get(is_correct=True).text == "Pasal 457 KUHP"
