"""Attendance pages: the phone form for a new attendee (offline-capable), the picker that adds a person already
registered, and the attendance list with correction in place (change the target group, remove with confirmation).

Every POST that writes redirects (post/redirect/get): a reload never records twice. The picker's search is a POST
too, so a NIK typed into it never sits in a URL; it answers a fragment to htmx and the whole page without it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from desabinaan.audit.services import access_record
from desabinaan.core.views import add_service_errors
from desabinaan.people import selectors as people_selectors

from . import selectors, services
from . import validation as v
from .forms import AttendanceEditForm, AttendanceForm, PickerSearchForm, PickForm, attendance_kwargs
from .models import Attendance
from .views import event_page, require_write

PICKER_MESSAGES = {
    "short": v.PICKER_QUERY_SHORT,
    "partial_nik": v.PICKER_PARTIAL_NIK,
}


def _single_group(event):
    groups = list(event.target_groups.all())
    return groups[0] if len(groups) == 1 else None


def _candidates(request, event, q: str) -> dict:
    """The picker's context for the search `q`: candidates, a message when there are none, the groups to offer."""
    persons, kind = selectors.attendance_candidates(request.user, event, q=q)
    if kind == "nik":
        for person in persons:  # found by NIK: a read of that person's record
            access_record(
                actor=request.user, person=person, channel="web", purpose="cari dengan NIK (daftar hadir)"
            )
    message = PICKER_MESSAGES.get(kind) if q.strip() else None
    if not persons and message is None and q.strip():
        message = v.PICKER_NONE_FOUND
    today = timezone.localdate()
    for person in persons:
        age = person.age_on(today)
        person.is_minor = age is not None and age < 18
    return {
        "candidates": persons,
        "picker_message": message,
        "searched": bool(q.strip()),
        "single_group": _single_group(event),
        "groups": PickForm().fields["target_group"].queryset,
        "consent_text": v.CONSENT_PURPOSE_TEXT,
    }


def _attend_page(request, event, *, form=None, search_form=None, picker=None, pick_errors=None, status=200):
    single = _single_group(event)
    if form is None:
        initial = {"village": event.village}
        if single is not None:
            initial["target_group"] = single
        form = AttendanceForm(initial=initial)
    context = {
        "event": event,
        "form": form,
        "search_form": search_form or PickerSearchForm(),
        "api_url": f"/api/v1/events/{event.pk}/attendance",
        "count": event.attendances.count(),
        "pick_errors": pick_errors or [],
        "in_future": timezone.localdate(event.starts_at) > timezone.localdate(),
        "future_message": v.ATTENDANCE_EVENT_IN_FUTURE,
        **(picker or {"candidates": [], "searched": False}),
    }
    return render(request, "events/attend.html", context, status=status)


@event_page
def attendance_capture(request, event):
    """The phone form. With JavaScript it queues in IndexedDB and syncs to the API; without, it posts here."""
    require_write(request, event)
    if request.method != "POST":
        return _attend_page(request, event)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.attendance_record(
                actor=request.user,
                event=event,
                source=Attendance.Source.FORM,
                **attendance_kwargs(form.cleaned_data),
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
    return _attend_page(request, event, form=form)


@require_POST
@event_page
def attendance_search(request, event):
    """The picker's search (POST: a NIK never in a URL). htmx gets the results fragment; a plain form the page."""
    require_write(request, event)
    search_form = PickerSearchForm(request.POST)
    q = search_form.data.get("q", "")[:60]
    picker = _candidates(request, event, q)
    if request.headers.get("HX-Request"):
        return render(request, "events/_picker_results.html", {"event": event, **picker})
    return _attend_page(request, event, search_form=search_form, picker=picker)


@require_POST
@event_page
def attendance_pick(request, event):
    """Add the person picked in the search; back to the same page, ready for the next one."""
    require_write(request, event)
    form = PickForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih peserta dari hasil pencarian."))
        return redirect("events:attend", event.pk)
    data = form.cleaned_data
    person = people_selectors.person_get_for_user(request.user, pk=data["person"])  # 404 outside the scope
    try:
        services.attendance_record_person(
            actor=request.user,
            event=event,
            person=person,
            target_group=data.get("target_group") or _single_group(event),
            consent=data.get("consent") or False,
            guardian_name=data.get("guardian_name", ""),
            guardian_relation=data.get("guardian_relation", ""),
        )
    except services.AlreadyAttending:
        messages.info(request, _("%(name)s sudah tercatat hadir.") % {"name": person.name})
        return redirect("events:attend", event.pk)
    except ValidationError as exc:
        # Consent (or a guardian) is missing: show this person again with the message next to the checkbox.
        picker = _candidates(request, event, "")
        picker.update(candidates=[person], searched=True)
        person.attending, person.has_consent = False, False
        age = person.age_on(timezone.localdate())
        person.is_minor = age is not None and age < 18
        return _attend_page(request, event, picker=picker, pick_errors=exc.messages, status=422)
    messages.success(request, _("%(name)s dicatat hadir.") % {"name": person.name})
    return redirect("events:attend", event.pk)


@event_page
def attendance_list(request, event):
    page = Paginator(selectors.attendance_for_event(event), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "events/attendance_list.html",
        {"event": event, "page": page, "can_write": services.can_write_event(request.user, event)},
    )


@require_http_methods(["GET", "POST"])
@event_page
def attendance_edit(request, event, attendance_id: int):
    require_write(request, event)
    attendance = selectors.attendance_get(event=event, pk=attendance_id)
    form = AttendanceEditForm(request.POST or None, initial={"target_group": attendance.target_group})
    if request.method == "POST" and form.is_valid():
        services.attendance_update(
            actor=request.user, attendance=attendance, target_group=form.cleaned_data.get("target_group")
        )
        messages.success(request, _("Kehadiran %(name)s diperbaiki.") % {"name": attendance.person.name})
        return redirect("events:attendance", event.pk)
    return render(
        request, "events/attendance_edit.html", {"event": event, "attendance": attendance, "form": form}
    )


@require_http_methods(["GET", "POST"])
@event_page
def attendance_remove(request, event, attendance_id: int):
    """GET asks for confirmation; POST removes and goes back to the list."""
    require_write(request, event)
    attendance = selectors.attendance_get(event=event, pk=attendance_id)
    if request.method == "POST":
        name = attendance.person.name
        services.attendance_remove(actor=request.user, attendance=attendance)
        messages.success(request, _("%(name)s dihapus dari daftar hadir.") % {"name": name})
        return redirect("events:attendance", event.pk)
    return render(request, "events/attendance_remove.html", {"event": event, "attendance": attendance})
