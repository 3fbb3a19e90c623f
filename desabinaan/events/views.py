"""Pages of the events app: planning, lists and calendar, attendance capture (offline-capable), import, quizzes,
self check-in, the office calendar feed, and the public learning pages.

Every scoped page reads through `selectors` (which applies `scope_for`) and writes through `services`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import uuid
from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from desabinaan.core import ratelimit
from desabinaan.core.views import add_service_errors, page_for, query_without_page
from desabinaan.jobs.models import Job
from desabinaan.jobs.services import job_enqueue
from desabinaan.offices.models import Kanim
from lib import xlsx_import as xl

from . import selectors, services
from . import validation as v
from .forms import (
    AttendanceForm,
    EventForm,
    FileForm,
    HeldForm,
    ImportForm,
    ReportForm,
    answers_from,
    quiz_form_class,
)
from .jobs import ATTENDANCE_IMPORT
from .models import Attendance, Event, OfficeCalendar, QuizResponse

PAGE_SIZE = 25
CHECKIN_SESSION_KEY = "events_checkin"
# Self check-in and phone quiz posts per client address in a 10-minute window: a school class behind one
# router must fit, a script filling the list must not.
CHECKIN_RATE = (120, 600)


events_page = page_for(selectors.can_see_events)


def event_page(view):
    """The scoped event (404 outside the user's scope) passed as `event`."""

    @events_page
    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        event = selectors.event_get_for_user(request.user, pk=pk)
        return view(request, event, *args, **kwargs)

    return wrapped


def _require_write(request, event) -> None:
    """403 unless the user may change this event (Kanwil staff and other villages' liaisons read only)."""
    if not services.can_write_event(request.user, event):
        raise PermissionDenied


# --- Lists and calendar --------------------------------------------------------------------------------------------


@events_page
def event_list(request):
    filters = {
        "q": request.GET.get("q", "").strip(),
        "status": request.GET.get("status", "") if request.GET.get("status") in Event.Status.values else "",
        "topic": request.GET.get("topic", "").strip(),
        "target_group": request.GET.get("group", "").strip(),
    }
    page = Paginator(selectors.events_for_user(request.user, **filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/list.html",
        {
            "page": page,
            "filters": filters,
            "query": query_without_page(request),
            "statuses": Event.Status.choices,
            "topics": selectors.topics(),
            "groups": selectors.target_groups(),
            "can_create": services.scope_for(request.user).can_write,
        },
    )


def _month(value: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in value.split("-"))
        dt.date(year, month, 1)
        return year, month
    except (ValueError, TypeError):
        today = timezone.localdate()
        return today.year, today.month


@events_page
def event_calendar(request):
    year, month = _month(request.GET.get("bulan", ""))
    first = dt.date(year, month, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    feed_url = None
    kanim_id = getattr(request.user, "kanim_id", None)
    if kanim_id:
        calendar = services.office_calendar(Kanim(pk=kanim_id))
        feed_url = request.build_absolute_uri(
            reverse("events:feed", args=[kanim_id]) + f"?token={calendar.token}"
        )
    return render(
        request,
        "events/calendar.html",
        {
            "weeks": selectors.month_grid(request.user, year=year, month=month),
            "first": first,
            "previous": previous,
            "following": following,
            "feed_url": feed_url,
        },
    )


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_feed(request, kanim_id: int):
    """iCalendar of an office's events: the token in the URL is the only key (calendar apps cannot log in).

    No personal data: title, place, time, topics and status only.
    """
    calendar = OfficeCalendar.objects.filter(kanim_id=kanim_id).first()
    token = request.GET.get("token", "")
    if calendar is None or not hmac.compare_digest(calendar.token, token):
        raise Http404
    since = timezone.now() - dt.timedelta(days=90)
    host = request.get_host().split(":")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Desa Binaan Imigrasi//Sosialisasi//ID",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_escape(_('Sosialisasi') + ' — ' + calendar.kanim.name)}",
    ]
    stamp = _ics_time(timezone.now())
    for event in selectors.office_feed_events(kanim_id=kanim_id, since=since):
        place = ", ".join(p for p in (event.venue, event.village.name, event.village.regency.name) if p)
        topics = ", ".join(t.label for t in event.topics.all())
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_ics_time(event.starts_at)}",
            f"DTEND:{_ics_time(event.ends_at)}",
            f"SUMMARY:{_ics_escape(event.title)}",
            f"LOCATION:{_ics_escape(place)}",
            f"DESCRIPTION:{_ics_escape(topics)}",
            f"STATUS:{'CONFIRMED' if event.status != Event.Status.PLANNED else 'TENTATIVE'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    # RFC 5545: CRLF line ends; long lines folded at 75 octets.
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


def _fold(line: str) -> str:
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, current = [], b""
    for ch in line:
        encoded = ch.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


# --- Plan and report -----------------------------------------------------------------------------------------------


def _event_kwargs(data) -> dict:
    return {
        "title": data["title"],
        "village": data["village"],
        "venue": data.get("venue", ""),
        "starts_at": data["starts_at"],
        "ends_at": data["ends_at"],
        "speakers": data.get("speakers", ""),
        "planned_attendance": data.get("planned_attendance") or 0,
        "quiz_template": data.get("quiz_template"),
    }


@events_page
def event_create(request):
    if not services.scope_for(request.user).can_write:
        raise PermissionDenied
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.event_create(
                actor=request.user,
                target_groups=data["target_groups"],
                topics=data["topics"],
                partner_agencies=data["partner_agencies"],
                **_event_kwargs(data),
            )
        except PermissionDenied as exc:
            form.add_error("village", str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kegiatan direncanakan."))
            return redirect("events:detail", event.pk)
    return render(request, "events/form.html", {"form": form, "title": _("Rencanakan kegiatan sosialisasi")})


@event_page
def event_edit(request, event):
    _require_write(request, event)
    initial = {
        **{name: getattr(event, name) for name in services.EDITABLE_FIELDS},
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at),
        "target_groups": list(event.target_groups.all()),
        "topics": list(event.topics.all()),
        "partner_agencies": list(event.partner_agencies.all()),
    }
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.event_update(
                actor=request.user,
                event=event,
                version=int(request.POST.get("version", 0)),
                target_groups=data["target_groups"],
                topics=data["topics"],
                partner_agencies=data["partner_agencies"],
                **_event_kwargs(data),
            )
        except PermissionDenied as exc:
            form.add_error("village", str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kegiatan disimpan."))
            return redirect("events:detail", event.pk)
    return render(
        request,
        "events/form.html",
        {"form": form, "title": _("Ubah kegiatan"), "event": event, "version": event.version},
    )


@event_page
def event_detail(request, event):
    checkin_url = request.build_absolute_uri(reverse("events:checkin", args=[event.checkin_code]))
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "can_write": services.can_write_event(request.user, event),
            "attendance_count": event.attendances.count(),
            "by_group": selectors.attendance_by_target_group(event),
            "results": selectors.quiz_results(event) if event.quiz_template_id else None,
            "checkin_url": checkin_url,
            "qr": segno.make(checkin_url, error="m").svg_data_uri(scale=4, border=2),
            "held_form": HeldForm(),
            "report_form": ReportForm(
                initial={"report": event.report, "actual_attendance": event.actual_attendance}
            ),
            "file_form": FileForm(),
            "now": timezone.now(),
        },
    )


@require_POST
@event_page
def event_held(request, event):
    _require_write(request, event)
    form = HeldForm(request.POST)
    if form.is_valid():
        try:
            services.event_mark_held(
                actor=request.user, event=event, actual_attendance=form.cleaned_data.get("actual_attendance")
            )
            messages.success(request, _("Kegiatan ditandai terlaksana."))
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
    return redirect("events:detail", event.pk)


@require_POST
@event_page
def event_report(request, event):
    _require_write(request, event)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.event_report(
                actor=request.user,
                event=event,
                report=form.cleaned_data["report"],
                actual_attendance=form.cleaned_data.get("actual_attendance"),
            )
            messages.success(request, _("Laporan kegiatan disimpan."))
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
    else:
        messages.error(request, _("Tulis laporan singkat kegiatan."))
    return redirect("events:detail", event.pk)


@require_POST
@event_page
def file_upload(request, event):
    _require_write(request, event)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.event_file_add(
                actor=request.user,
                event=event,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
            messages.success(request, _("Berkas diunggah."))
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
    else:
        messages.error(request, _("Pilih berkas yang akan diunggah."))
    return redirect("events:detail", event.pk)


@event_page
def file_download(request, event, file_id: int):
    item = get_object_or_404(event.files.all(), pk=file_id)
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    disposition = (
        "inline"
        if item.content_type.startswith("image/") or item.content_type == "application/pdf"
        else "attachment"
    )
    response["Content-Disposition"] = f'{disposition}; filename="{_safe_name(item.original_name)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _safe_name(name: str) -> str:
    return "".join(ch for ch in name if ch.isalnum() or ch in "._- ")[:100] or "berkas"


# --- Attendance ----------------------------------------------------------------------------------------------------


def _attendance_kwargs(data) -> dict:
    return {
        "name": data["name"],
        "sex": data["sex"],
        "birth_year": data.get("birth_year"),
        "birth_date": data.get("birth_date"),
        "nik": data.get("nik", ""),
        "village": data["village"],
        "target_group": data.get("target_group"),
        "phone": data.get("phone", ""),
        "consent": data["consent"],
        "guardian_name": data.get("guardian_name", ""),
        "guardian_relation": data.get("guardian_relation", ""),
    }


@event_page
def attendance_capture(request, event):
    """The phone form. With JavaScript it queues in IndexedDB and syncs to the API; without, it posts here."""
    _require_write(request, event)
    initial = {"village": event.village}
    groups = list(event.target_groups.all())
    if len(groups) == 1:
        initial["target_group"] = groups[0]
    form = AttendanceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                actor=request.user,
                event=event,
                source=Attendance.Source.FORM,
                **_attendance_kwargs(form.cleaned_data),
            )
        except services.AlreadyAttending:
            form.add_error(None, v.ALREADY_ATTENDING)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kehadiran dicatat."))
            return redirect("events:attend", event.pk)
    return render(
        request,
        "events/attend.html",
        {
            "event": event,
            "form": form,
            "api_url": f"/api/v1/events/{event.pk}/attendance",
            "count": event.attendances.count(),
        },
    )


@event_page
def attendance_list(request, event):
    page = Paginator(selectors.attendance_for_event(event), 50).get_page(request.GET.get("page"))
    return render(request, "events/attendance_list.html", {"event": event, "page": page})


@login_required
def import_template(request):
    buffer = io.BytesIO()
    xl.write_template(buffer, services.IMPORT_COLUMNS, services.IMPORT_EXAMPLES)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="templat-daftar-hadir.xlsx"'
    return response


@event_page
def attendance_import(request, event):
    _require_write(request, event)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        path = default_storage.save(f"events/imports/{uuid.uuid4().hex}.xlsx", upload)
        job = job_enqueue(
            kind=ATTENDANCE_IMPORT,
            payload={"event_id": event.pk, "path": path, "actor_id": request.user.pk},
            actor=request.user,
        )
        return redirect("events:import_status", event.pk, job.pk)
    return render(request, "events/import.html", {"event": event, "form": form})


@event_page
def import_status(request, event, job_id: int):
    job = get_object_or_404(Job, pk=job_id, kind=ATTENDANCE_IMPORT, payload__event_id=event.pk)
    template = (
        "events/_import_status.html" if request.headers.get("HX-Request") else "events/import_status.html"
    )
    return render(request, template, {"event": event, "job": job})


# --- Quizzes -------------------------------------------------------------------------------------------------------


@event_page
def quiz_results(request, event):
    return render(
        request,
        "events/quiz_results.html",
        {
            "event": event,
            "results": selectors.quiz_results(event),
            "can_write": services.can_write_event(request.user, event),
        },
    )


@event_page
def quiz_paper(request, event, phase: str):
    """An officer types in one paper answer sheet."""
    _require_write(request, event)
    if phase not in QuizResponse.Phase.values:
        raise Http404
    questions = selectors.quiz_questions(event)
    if not questions:
        messages.error(request, v.NO_QUIZ)
        return redirect("events:detail", event.pk)
    attendees = [(str(a.pk), a.person.name) for a in selectors.attendance_for_event(event)[:500]]
    form = quiz_form_class(questions, with_attendee_choices=attendees)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        attendance_id = form.cleaned_data.get("attendance")
        attendance = event.attendances.filter(pk=attendance_id).first() if attendance_id else None
        try:
            response = services.quiz_response_record(
                actor=request.user,
                event=event,
                phase=phase,
                answers=answers_from(form, questions),
                attendance=attendance,
                source=QuizResponse.Source.PAPER,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Jawaban disimpan: %(score)s dari %(total)s benar.")
                % {"score": response.score, "total": response.total},
            )
            return redirect("events:quiz_paper", event.pk, phase)
    return render(
        request,
        "events/quiz_paper.html",
        {"event": event, "form": form, "phase": phase, "phase_label": QuizResponse.Phase(phase).label},
    )


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
                    **_attendance_kwargs(form.cleaned_data),
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


# --- Offline support -----------------------------------------------------------------------------------------------


def service_worker(request):
    """The service worker script, rendered so it can name the (hashed) static files it precaches."""
    assets = [
        static(name)
        for name in ("css/app.css", "js/app.js", "vendor/htmx-2.0.11.min.js", "events/offline.js")
    ]
    response = render(
        request, "events/sw.js", {"assets": assets, "version": "v1"}, content_type="application/javascript"
    )
    response["Service-Worker-Allowed"] = "/sosialisasi/"
    response["Cache-Control"] = "no-cache"
    return response


# --- Public learning pages -----------------------------------------------------------------------------------------

MODULES = {
    "mengenali-tppo": "events/learn/tppo.html",
    "jalur-prosedural": "events/learn/procedural.html",
    "tanda-bahaya": "events/learn/red_flags.html",
    "paspor": "events/learn/passport.html",
    "tempat-melapor": "events/learn/report.html",
}


def learn_index(request):
    return render(request, "events/learn/index.html")


def learn_module(request, slug: str):
    template = MODULES.get(slug)
    if template is None:
        raise Http404
    return render(request, template)


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
