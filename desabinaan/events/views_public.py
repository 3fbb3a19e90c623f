"""Public pages of the events app: self check-in by the event's short code (with its phone quizzes) and the
learning pages. No sign-in; check-in posts are rate-limited per client address.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from desabinaan.core import ratelimit
from desabinaan.core.views import add_service_errors

from . import learning, selectors, services
from .forms import AttendanceForm, answers_from, attendance_kwargs, quiz_form_class
from .models import Attendance, Event, QuizResponse

CHECKIN_SESSION_KEY = "events_checkin"
# Self check-in and phone quiz posts per client address in a 10-minute window: a school class behind one
# router must fit, a script filling the list must not.
CHECKIN_RATE = (120, 600)


# --- Self check-in (public, by short code) -------------------------------------------------------------------------


def _checkin_event(code: str) -> Event:
    return get_object_or_404(Event.objects.select_related("village", "quiz_template"), checkin_code=code)


def _rate_limited(request) -> bool:
    limit, window = CHECKIN_RATE
    return not services.rate_limit_allow(
        key=ratelimit.client_key(request, "checkin"), limit=limit, window_seconds=window
    )


def checkin(request, code: str):
    event = _checkin_event(code)
    if not event.checkin_open():
        return render(request, "events/checkin_closed.html", {"event": event}, status=403)
    state = request.session.get(CHECKIN_SESSION_KEY, {}).get(str(event.pk), {})
    form = AttendanceForm(request.POST or None, initial={"village": event.village})
    if request.method == "POST":
        if _rate_limited(request):
            return render(
                request, "events/checkin_closed.html", {"event": event, "limited": True}, status=429
            )
        if form.is_valid():
            try:
                attendance, _created = services.attendance_record(
                    actor=None,
                    event=event,
                    source=Attendance.Source.SELF,
                    **attendance_kwargs(form.cleaned_data),
                )
            except services.AlreadyAttending as exc:
                attendance = exc.existing
            except ValidationError as exc:
                add_service_errors(form, exc)
                attendance = None
            if attendance is not None:
                sessions = request.session.get(CHECKIN_SESSION_KEY, {})
                sessions[str(event.pk)] = {"attendance": attendance.pk, "done": state.get("done", [])}
                request.session[CHECKIN_SESSION_KEY] = sessions
                return redirect("events:checkin", code)
    return render(
        request,
        "events/checkin.html",
        {
            "event": event,
            "form": form,
            "checked_in": bool(state.get("attendance")),
            "done": state.get("done", []),
        },
    )


def checkin_quiz(request, code: str, phase: str):
    event = _checkin_event(code)
    if phase not in QuizResponse.Phase.values:
        raise Http404
    if not event.checkin_open():
        return render(request, "events/checkin_closed.html", {"event": event}, status=403)
    sessions = request.session.get(CHECKIN_SESSION_KEY, {})
    state = sessions.get(str(event.pk), {})
    if phase in state.get("done", []):
        return redirect("events:checkin", code)
    questions = selectors.quiz_questions(event)
    if not questions:
        raise Http404
    form = quiz_form_class(questions)(request.POST or None)
    if request.method == "POST":
        if _rate_limited(request):
            return render(
                request, "events/checkin_closed.html", {"event": event, "limited": True}, status=429
            )
        if form.is_valid():
            attendance = (
                event.attendances.filter(pk=state.get("attendance")).first()
                if state.get("attendance")
                else None
            )
            try:
                response = services.quiz_response_record(
                    actor=None,
                    event=event,
                    phase=phase,
                    answers=answers_from(form, questions),
                    attendance=attendance,
                    source=QuizResponse.Source.PHONE,
                )
            except ValidationError:
                return redirect("events:checkin", code)
            state["done"] = [*state.get("done", []), phase]
            sessions[str(event.pk)] = state
            request.session[CHECKIN_SESSION_KEY] = sessions
            answers = answers_from(form, questions)
            return render(
                request,
                "events/checkin_quiz_done.html",
                {
                    "event": event,
                    "response": response,
                    "phase": phase,
                    "questions": questions,
                    "answers": answers,
                },
            )
    return render(
        request,
        "events/checkin_quiz.html",
        {"event": event, "form": form, "phase": phase, "phase_label": QuizResponse.Phase(phase).label},
    )


# --- Public learning pages -----------------------------------------------------------------------------------------

MODULES = {
    "mengenali-tppo": "events/learn/tppo.html",
    "jalur-prosedural": "events/learn/procedural.html",
    "tanda-bahaya": "events/learn/red_flags.html",
    "paspor": "events/learn/passport.html",
    "tempat-melapor": "events/learn/report.html",
    "hak-korban": "events/learn/victims.html",
    "kuhp-baru": "events/learn/kuhp.html",
}


def learn_index(request):
    return render(request, "events/learn/index.html")


def learn_module(request, slug: str):
    template = MODULES.get(slug)
    if template is None:
        raise Http404
    # The legal route and its costs are data (RouteStep rows in force today); the other modules are static text.
    context = learning.route_on() if slug == "jalur-prosedural" else {}
    return render(request, template, context)


def learn_quiz(request):
    """Self-check quiz: answers are scored and explained on the spot; nothing is stored."""
    questions = selectors.public_quiz_questions()
    form = quiz_form_class(questions)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answers = answers_from(form, questions)
        rows = []
        for question in questions:
            choices = list(question.choices.all())
            chosen = next((c for c in choices if c.pk == answers[question.pk]), None)
            correct = next((c for c in choices if c.is_correct), None)
            rows.append({"question": question, "chosen": chosen, "correct": correct})
        score = sum(1 for r in rows if r["chosen"] is not None and r["chosen"].is_correct)
        return render(
            request, "events/learn/quiz_result.html", {"rows": rows, "score": score, "total": len(rows)}
        )
    return render(request, "events/learn/quiz.html", {"form": form})
