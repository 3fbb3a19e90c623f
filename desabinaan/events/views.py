"""Officer pages of the events app: planning, lists and calendar, reports and files, attendance capture
(offline-capable) and paper quizzes.

The public pages (self check-in, learning) live in `views_public`, the office calendar feed in `views_feed`, the
Excel import in `views_import`. Every scoped page reads through `selectors` (which applies `scope_for`) and writes
through `services`.
"""

from __future__ import annotations

import datetime as dt
from functools import wraps

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from desabinaan.accounts.scope import scope_for
from desabinaan.core.errors import Conflict
from desabinaan.core.views import add_service_errors, page_for, query_without_page
from desabinaan.offices.models import Kanim
from desabinaan.program.files import stored_file_open

from . import selectors, services
from . import validation as v
from .forms import (
    EventForm,
    FileForm,
    HeldForm,
    ReportForm,
    answers_from,
    quiz_form_class,
)
from .models import Event, QuizResponse

PAGE_SIZE = 25


events_page = page_for(selectors.can_see_events)


def event_page(view):
    """The scoped event (404 outside the user's scope) passed as `event`."""

    @events_page
    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        event = selectors.event_get_for_user(request.user, pk=pk)
        return view(request, event, *args, **kwargs)

    return wrapped


def require_write(request, event) -> None:
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
        # ?when=upcoming and ?import=failed: the dashboard's counts link here.
        "upcoming": request.GET.get("when") == "upcoming",
        "import_failed": request.GET.get("import") == "failed",
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
            "can_create": scope_for(request.user).can_write,
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
    if not scope_for(request.user).can_write:
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
    require_write(request, event)
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
        except (Conflict, ValidationError) as exc:
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
    require_write(request, event)
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
    require_write(request, event)
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
    require_write(request, event)
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
    response = FileResponse(stored_file_open(item.file), content_type=item.content_type)
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
    require_write(request, event)
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
