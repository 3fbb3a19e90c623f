"""The attendance import: the sheet template, the upload that starts the background import, and its status page."""

from __future__ import annotations

import io
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desabinaan.jobs.models import Job
from desabinaan.jobs.services import JobError, job_retry
from lib import xlsx_import as xl

from . import services
from .forms import ImportForm
from .tasks import ATTENDANCE_IMPORT, attendance_import_start
from .views import event_page, require_write


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
    require_write(request, event)
    form = ImportForm(request.POST or None, request.FILES or None)
    try:
        services.check_event_started(event)
    except ValidationError as exc:  # a future event: say so before anyone uploads a sheet
        form.add_error(None, exc.messages[0])
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        path = default_storage.save(f"events/imports/{uuid.uuid4().hex}.xlsx", upload)
        job = attendance_import_start(actor=request.user, event=event, upload=path)
        return redirect("events:import_status", event.pk, job.pk)
    return render(request, "events/import.html", {"event": event, "form": form})


@event_page
def import_status(request, event, job_id: int):
    job = get_object_or_404(Job, pk=job_id, kind=ATTENDANCE_IMPORT, payload__event_id=event.pk)
    template = (
        "events/_import_status.html" if request.headers.get("HX-Request") else "events/import_status.html"
    )
    return render(request, template, {"event": event, "job": job})


@require_POST
@event_page
def import_retry(request, event, job_id: int):
    """Try a failed import again: rows the failed attempt wrote are recognised and skipped, never doubled."""
    require_write(request, event)
    job = get_object_or_404(Job, pk=job_id, kind=ATTENDANCE_IMPORT, payload__event_id=event.pk)
    try:
        job_retry(job=job)
    except JobError as exc:
        messages.error(request, str(exc))
    return redirect("events:import_status", event.pk, job.pk)
