"""Pre/post quizzes: scoring, knowledge gain, per-question correct rates, paper entry and phone answers."""

import datetime as dt

import pytest
from django.utils import timezone

from desabinaan.events import selectors, services
from desabinaan.events.models import Question, QuizResponse, QuizTemplate, Topic


def _answers(event, correct: int):
    """Answer the first `correct` questions right and the rest wrong."""
    answers = {}
    for i, question in enumerate(selectors.quiz_questions(event)):
        choices = list(question.choices.all())
        right = next(c for c in choices if c.is_correct)
        wrong = next(c for c in choices if not c.is_correct)
        answers[question.pk] = (right if i < correct else wrong).pk
    return answers


def test_the_default_bank_has_at_least_20_explained_questions_with_one_right_answer(db):
    questions = Question.objects.prefetch_related("choices")
    assert questions.count() >= 20
    for question in questions:
        assert question.explanation
        assert sum(c.is_correct for c in question.choices.all()) == 1
    assert set(Topic.objects.values_list("code", flat=True)) >= {
        "tppo",
        "paspor",
        "jalur-prosedural",
        "tempat-melapor",
    }
    assert QuizTemplate.objects.get(is_default=True).questions.count() == 10


def test_it_computes_mean_scores_gain_and_per_question_rates(world, event):
    assert event.quiz_template.is_default
    for correct in (3, 5):
        services.quiz_response_record(
            actor=world.ani, event=event, phase="pre", answers=_answers(event, correct)
        )
    for correct in (8, 10):
        services.quiz_response_record(
            actor=world.ani, event=event, phase="post", answers=_answers(event, correct)
        )
    results = selectors.quiz_results(event)
    assert results["pre"] == {"responses": 2, "mean_percent": 40.0}
    assert results["post"] == {"responses": 2, "mean_percent": 90.0}
    assert results["gain_points"] == 50.0
    assert results["normalized_gain"] == pytest.approx(50 / 60, abs=0.01)
    first, last = results["questions"][0], results["questions"][-1]
    assert (first["pre_correct_rate"], first["post_correct_rate"]) == (100.0, 100.0)
    assert (last["pre_correct_rate"], last["post_correct_rate"]) == (0.0, 50.0)


def test_unanswered_questions_count_as_wrong(world, event):
    response = services.quiz_response_record(actor=world.ani, event=event, phase="pre", answers={})
    assert (response.score, response.total) == (0, 10)


def test_a_choice_of_another_question_is_not_accepted(world, event):
    questions = selectors.quiz_questions(event)
    right_of_second = next(c for c in questions[1].choices.all() if c.is_correct)
    response = services.quiz_response_record(
        actor=world.ani, event=event, phase="pre", answers={questions[0].pk: right_of_second.pk}
    )
    assert response.score == 0


def test_the_officer_enters_paper_answers_for_an_attendee_once_per_phase(world, login, event):
    attendance, _ = services.attendance_record(
        actor=world.ani,
        event=event,
        village=event.village,
        name="Rina",
        sex="F",
        birth_year=1990,
        consent=True,
    )
    client = login(world.fajar)
    data = {"attendance": str(attendance.pk), **{f"q{q}": str(c) for q, c in _answers(event, 7).items()}}
    assert client.post(f"/sosialisasi/{event.pk}/kuis/pre/kertas/", data).status_code == 302
    response = QuizResponse.objects.get()
    assert (response.score, response.source, response.attendance) == (7, "paper", attendance)
    again = client.post(f"/sosialisasi/{event.pk}/kuis/pre/kertas/", data)
    assert again.status_code == 200 and QuizResponse.objects.count() == 1
    api = client.get(f"/api/v1/events/{event.pk}/quiz-results").json()
    assert api["pre"]["mean_percent"] == 70.0 and api["post"]["mean_percent"] is None


def test_paper_entry_is_refused_to_read_only_users(world, login, event):
    assert login(world.eka).get(f"/sosialisasi/{event.pk}/kuis/pre/kertas/").status_code == 403


def test_attendees_answer_on_their_phones_during_the_event(world, client, event):
    client.post(
        f"/sosialisasi/c/{event.checkin_code}/",
        {"name": "Rina", "sex": "F", "birth_year": "1990", "village": event.village_id, "consent": "on"},
    )
    url = f"/sosialisasi/c/{event.checkin_code}/kuis/pre/"
    data = {f"q{q}": str(c) for q, c in _answers(event, 4).items()}
    assert client.post(url, data).status_code == 200
    response = QuizResponse.objects.get()
    assert (response.score, response.source) == (4, "phone")
    assert response.attendance.person.name == "Rina"
    # Once per phase per phone.
    assert client.post(url, data).status_code == 302
    assert QuizResponse.objects.count() == 1


def test_the_phone_quiz_is_closed_outside_the_event_window(world, client, make_event):
    past = make_event(starts_at=timezone.now() - dt.timedelta(days=2))
    assert client.get(f"/sosialisasi/c/{past.checkin_code}/kuis/pre/").status_code == 403
