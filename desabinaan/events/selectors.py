"""Reads of the events app. Every scoped read goes through `scope_for(user)`."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.core.labels import in_language
from desabinaan.jobs.models import Job
from desabinaan.passport.models import ReadinessOutcome
from desabinaan.passport.models.requests import PostponementCause
from desabinaan.people import selectors as people_selectors
from desabinaan.people.models import Consent, Person, Purpose
from desabinaan.protection.models import Referral

from .models import Attendance, Choice, Event, Question, QuizAnswer, QuizResponse, TargetGroup, Topic
from .tasks import ATTENDANCE_IMPORT

# "Upcoming" on the village liaison's dashboard and the list it links to: planned events of the next 30 days.
UPCOMING_DAYS = 30


def can_see_events(user) -> bool:
    return not scope_for(user).is_empty


def _events(user) -> QuerySet[Event]:
    return scope_for(user).filter(Event.objects.all(), path="village")


def events_for_user(
    user,
    *,
    q: str = "",
    status: str = "",
    topic: str = "",
    target_group: str = "",
    starts_from: dt.datetime | None = None,
    starts_before: dt.datetime | None = None,
    upcoming: bool = False,
    import_failed: bool = False,
) -> QuerySet[Event]:
    qs = _events(user)
    if upcoming:
        now = timezone.now()
        qs = qs.filter(
            status=Event.Status.PLANNED,
            starts_at__gte=now,
            starts_at__lt=now + dt.timedelta(days=UPCOMING_DAYS),
        )
    if import_failed:
        qs = qs.filter(pk__in=attendance_imports_failed(user).values("event_pk"))
    if q:
        qs = qs.filter(
            Q(title__icontains=q) | Q(village__name__icontains=q) | Q(venue__icontains=q) | Q(village_id=q)
        )
    if status:
        qs = qs.filter(status=status)
    if topic:
        qs = qs.filter(topics__code=topic)
    if target_group:
        qs = qs.filter(target_groups__code=target_group)
    if starts_from:
        qs = qs.filter(starts_at__gte=starts_from)
    if starts_before:
        qs = qs.filter(starts_at__lt=starts_before)
    return (
        qs.select_related("village__district", "village__regency", "kanim")
        .prefetch_related("topics", "target_groups")
        .annotate(attendance_count=Count("attendances", distinct=True))
        .order_by("-starts_at", "-id")
    )


def attendance_imports_failed(user) -> QuerySet[Job]:
    """Attendance imports of events in scope whose newest attempt failed (a retry takes the event off the list).

    A job has no foreign key to its event (payload["event_id"]), so the id is read out of the payload and the job
    is scoped through the event's village.
    """
    imports = Job.objects.filter(kind=ATTENDANCE_IMPORT).annotate(
        event_pk=Cast(KeyTextTransform("event_id", "payload"), IntegerField())
    )
    newer = imports.filter(event_pk=OuterRef("event_pk"), created_at__gt=OuterRef("created_at"))
    return imports.filter(status=Job.Status.FAILED, event_pk__in=_events(user).values("pk")).exclude(
        Exists(newer)
    )


def event_get_for_user(user, *, pk: int) -> Event:
    event = (
        _events(user)
        .select_related("village__district", "village__regency", "kanim", "quiz_template", "desa_binaan")
        .prefetch_related("topics", "target_groups", "partner_agencies", "files")
        .filter(pk=pk)
        .first()
    )
    if event is None:
        raise Http404
    return event


def month_grid(user, *, year: int, month: int) -> list[list[dict]]:
    """Weeks (Monday first) of days {"date", "in_month", "events"} for the month view, in local time."""
    tz = timezone.get_current_timezone()
    first = dt.date(year, month, 1)
    days = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    start = dt.datetime.combine(days[0][0], dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(days[-1][-1] + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    by_day: dict[dt.date, list[Event]] = {}
    events = (
        _events(user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("village")
        .order_by("starts_at", "id")
    )
    for event in events:
        by_day.setdefault(timezone.localtime(event.starts_at, tz).date(), []).append(event)
    return [
        [{"date": day, "in_month": day.month == first.month, "events": by_day.get(day, [])} for day in week]
        for week in days
    ]


def office_feed_events(*, kanim_id: int, since: dt.datetime) -> QuerySet[Event]:
    """Planned and held events of an office from `since` on, for its iCalendar feed (no personal data)."""
    return (
        Event.objects.filter(kanim_id=kanim_id, starts_at__gte=since)
        .select_related("village__district", "village__regency")
        .prefetch_related("topics")
        .order_by("starts_at")[:500]
    )


def attendance_for_event(event: Event) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(event=event)
        .select_related("person__village", "target_group")
        .order_by("created_at", "id")
    )


# The picker shows a handful of candidates: the officer types more of the name rather than scrolling.
PICKER_LIMIT = 10
_PHONE_OR_NIK_SEPARATORS = re.compile(r"[\s.\-+()/]")


def _phone_prefix(digits: str) -> str:
    """The stored (E.164) form of a typed number or its beginning: "0812…", "62812…", "+62 0812…", "0062812…"
    and "812…" all become "+62812…", so a number stored as "+6281234567890" is found however it is typed."""
    national = digits[2:] if digits.startswith("00") else digits
    national = national[2:] if national.startswith("62") else national
    return "+62" + national.lstrip("0")


def attendance_candidates(
    user, event: Event, *, q: str, limit: int = PICKER_LIMIT
) -> tuple[list[Person], str]:
    """Registered persons in the user's scope matching `q` for the attendance picker: (persons, kind).

    kind is "nik" (16 digits: exact lookup through the keyed hash, never the plaintext), "phone" (6+ digits starting
    0, 62 or 8: stored numbers, kept in E.164 by people's services, that begin with the typed one), "name" (words
    of the name, spelling-tolerant), "partial_nik" (digits that are neither: not searched) or "short". Each person
    carries `attending` (already on this event's list) and `has_consent` (a standing education consent). At most two
    queries whatever the registry's size.
    """
    text = " ".join((q or "").split())
    digits = _PHONE_OR_NIK_SEPARATORS.sub("", text)
    if digits.isdigit() and digits.isascii():
        if len(digits) == 16:
            found = people_selectors.person_find_by_nik(nik=digits, user=user)
            qs, kind = Person.objects.filter(pk=found.pk if found else None), "nik"
        elif len(digits) >= 6 and digits.startswith(("0", "62", "8")):
            qs = people_selectors.people_for_user(user).filter(phone__startswith=_phone_prefix(digits))
            kind = "phone"
        else:
            return [], "partial_nik" if len(digits) > 2 else "short"
    elif any(ch.isdigit() for ch in text) or len(text) < 2:
        return [], "short" if len(text) < 2 else "partial_nik"
    else:
        qs, kind = people_selectors.people_for_user(user, q=text), "name"
    qs = qs.select_related("village").annotate(
        attending=Exists(Attendance.objects.filter(event=event, person=OuterRef("pk"))),
        has_consent=Exists(
            Consent.objects.filter(
                person=OuterRef("pk"), purpose=Purpose.EDUCATION, withdrawn_at__isnull=True
            )
        ),
    )
    return list(qs.order_by("name", "id")[:limit]), kind


def attendance_get(*, event: Event, pk: int) -> Attendance:
    """One attendance of `event` (the event already scoped); 404 otherwise."""
    attendance = (
        Attendance.objects.filter(event=event, pk=pk)
        .select_related("person__village", "target_group")
        .first()
    )
    if attendance is None:
        raise Http404
    return attendance


def attendance_by_target_group(event: Event) -> list[dict]:
    """Attendance counts per target group, most first: {"label" (active language; "" without a group), "n"}."""
    rows = (
        Attendance.objects.filter(event=event)
        .values("target_group__label", "target_group__label_en")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return [
        {"label": in_language(r["target_group__label"] or "", r["target_group__label_en"] or ""), "n": r["n"]}
        for r in rows
    ]


def target_groups() -> QuerySet[TargetGroup]:
    return TargetGroup.objects.filter(active=True)


def topics() -> QuerySet[Topic]:
    return Topic.objects.filter(active=True)


def quiz_questions(event: Event) -> list[Question]:
    if event.quiz_template_id is None:
        return []
    return list(
        event.quiz_template.questions.select_related("topic")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("order", "id")))
        .order_by("order", "id")
    )


def public_quiz_questions() -> list[Question]:
    return list(
        Question.objects.filter(active=True)
        .select_related("topic")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("order", "id")))
        .order_by("order", "id")
    )


def _rate(correct: int, answered: int) -> float | None:
    return round(100.0 * correct / answered, 1) if answered else None


def quarter_cases_referred(desa_binaan, start: dt.date, end: dt.date) -> int:
    """Cases from the village (a screening or a report) referred in [start, end], each counted once however many
    partners it went to. Program's evaluation counts them ("more is better"); events plugs it in at start-up
    because program sits below protection.
    """
    cases = (
        Referral.objects.filter(village_id=desa_binaan.village_id, created_at__date__range=(start, end))
        .values_list("screening_id", "report_id")
        .distinct()
    )
    return len(set(cases))


def _postponements(cause: str):
    def count(desa_binaan, start: dt.date, end: dt.date) -> int:
        return ReadinessOutcome.objects.filter(
            readiness_check__village_id=desa_binaan.village_id,
            status="postponed",
            postponement_cause=cause,
            on__range=(start, end),
        ).count()

    return count


# Passport postponements of the village's readiness checks in the quarter, by cause (program's evaluation).
quarter_postponed_missing_documents = _postponements(PostponementCause.MISSING_DOCUMENTS)
quarter_postponed_trafficking_concern = _postponements(PostponementCause.TRAFFICKING_CONCERN)


def quarter_knowledge_gain(desa_binaan, start: dt.date, end: dt.date) -> float | None:
    """The village's knowledge gain over its events starting in [start, end]: mean post-test percent − mean pre-test
    percent (percentage points), as the dashboards count it; None without both a pre- and a post-test.

    Program's quarterly evaluation reads it as "peningkatan_pengetahuan" (registered in events.apps).
    """
    phases = {
        row["phase"]: row
        for row in QuizResponse.objects.filter(
            event__village_id=desa_binaan.village_id, event__starts_at__date__range=(start, end)
        )
        .values("phase")
        .annotate(score=Sum("score"), total=Sum("total"))
    }
    pre, post = phases.get(QuizResponse.Phase.PRE), phases.get(QuizResponse.Phase.POST)
    if not (pre and post and pre["total"] and post["total"]):
        return None
    return round(100.0 * post["score"] / post["total"] - 100.0 * pre["score"] / pre["total"], 1)


def quiz_results(event: Event) -> dict:
    """Mean pre and post scores (percent), the gain, and each question's correct rate before and after."""
    phases = {
        row["phase"]: row
        for row in QuizResponse.objects.filter(event=event)
        .values("phase")
        .annotate(n=Count("id"), score=Sum("score"), total=Sum("total"))
    }

    def summary(phase):
        row = phases.get(phase)
        if not row or not row["total"]:
            return {"responses": row["n"] if row else 0, "mean_percent": None}
        return {"responses": row["n"], "mean_percent": round(100.0 * row["score"] / row["total"], 1)}

    pre, post = summary("pre"), summary("post")
    gain = normalized = None
    if pre["mean_percent"] is not None and post["mean_percent"] is not None:
        gain = round(post["mean_percent"] - pre["mean_percent"], 1)
        if pre["mean_percent"] < 100:
            normalized = round(gain / (100 - pre["mean_percent"]), 2)
    counts: dict[tuple[int, str], dict] = {}
    for row in (
        QuizAnswer.objects.filter(response__event=event)
        .values("question_id", "response__phase")
        .annotate(n=Count("id"), correct=Count("id", filter=Q(is_correct=True)))
    ):
        counts[(row["question_id"], row["response__phase"])] = row
    questions = []
    for question in quiz_questions(event):
        before = counts.get((question.pk, "pre"), {"n": 0, "correct": 0})
        after = counts.get((question.pk, "post"), {"n": 0, "correct": 0})
        questions.append(
            {
                "id": question.pk,
                "text": question.display_text,
                "topic": question.topic.display_label,
                "pre_answered": before["n"],
                "pre_correct_rate": _rate(before["correct"], before["n"]),
                "post_answered": after["n"],
                "post_correct_rate": _rate(after["correct"], after["n"]),
            }
        )
    return {
        "pre": pre,
        "post": post,
        "gain_points": gain,
        "normalized_gain": normalized,
        "questions": questions,
    }
