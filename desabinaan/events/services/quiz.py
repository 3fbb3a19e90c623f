"""Pre- and post-test answers: scored against the event's quiz template and stored with each answer."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from desabinaan.audit.services import audit_created

from .. import validation as v
from ..models import Attendance, Choice, Event, QuizAnswer, QuizResponse
from .common import check_village_write


@transaction.atomic
def quiz_response_record(
    *,
    actor,
    event: Event,
    phase: str,
    answers: dict[int, int | None],
    attendance: Attendance | None = None,
    source: str = QuizResponse.Source.PAPER,
) -> QuizResponse:
    """Score and store one pre- or post-test; `answers` maps question id → chosen choice id (None: unanswered)."""
    check_village_write(actor, event.village_id)
    if event.quiz_template_id is None:
        raise ValidationError(v.NO_QUIZ)
    if phase not in QuizResponse.Phase.values:
        raise ValidationError({"phase": v.EVENT_BAD_TRANSITION})
    if attendance is not None:
        if attendance.event_id != event.pk:
            raise ValidationError(v.QUIZ_ATTENDANCE_OTHER_EVENT)
        if QuizResponse.objects.filter(event=event, phase=phase, attendance=attendance).exists():
            raise ValidationError(v.QUIZ_ALREADY_ANSWERED)
    template = event.quiz_template
    assert template is not None  # checked above through quiz_template_id, without a query
    question_ids = list(template.questions.values_list("pk", flat=True))
    choices = {
        c.pk: c
        for c in Choice.objects.filter(
            question_id__in=question_ids, pk__in=[a for a in answers.values() if a]
        )
    }
    rows = []
    for qid in question_ids:
        choice = choices.get(answers.get(qid) or 0)
        if choice is not None and choice.question_id != qid:
            choice = None
        rows.append(QuizAnswer(question_id=qid, choice=choice, is_correct=bool(choice and choice.is_correct)))
    response = QuizResponse(
        event=event,
        phase=phase,
        attendance=attendance,
        source=source,
        score=sum(r.is_correct for r in rows),
        total=len(rows),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    response.full_clean(exclude=["recorded_by", "attendance"], validate_constraints=False)
    response.save()
    for row in rows:
        row.response = response
    QuizAnswer.objects.bulk_create(rows)
    audit_created(
        actor=actor,
        target=response,
        summary=f"Kuis {phase} kegiatan #{event.pk}: {response.score}/{response.total}",
    )
    return response
