"""Office pages of the protection app: they read through `selectors` (scope_for) and write through `services`.
The screening pages are in `views_screening`, the public pages (report, status, agency check) in `views_public`.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from desabinaan.audit.services import access_record
from desabinaan.core.errors import Conflict
from desabinaan.core.views import add_service_errors, page_for, require

from . import selectors, services
from .forms import (
    AgencyImportForm,
    AssignForm,
    ReferralForm,
    ReferralStatusForm,
    ReplyForm,
    TriageForm,
)
from .models import Referral, Report

PAGE_SIZE = 25


# Signed-in users with some part in protection: office staff, partner agencies, village liaisons.
protection_page = page_for(selectors.can_see_protection)
# Office staff only: interview details and reports never reach the village or an agency.
office_page = page_for(selectors.is_office)


# --- Overview ------------------------------------------------------------------------------------------------------


@protection_page
def index(request):
    if not selectors.is_office(request.user):
        return redirect("protection:referrals")
    today = timezone.localdate()
    # ?decision=none: the dashboard's "screenings without a decision" count links here.
    undecided = request.GET.get("decision") == "none"
    screenings = (selectors.screenings_undecided if undecided else selectors.screenings_for)(request.user)
    return render(
        request,
        "protection/index.html",
        {
            "screenings": screenings.order_by("-created_at")[:20],
            "undecided": undecided,
            "overdue": selectors.referrals_overdue(request.user, today=today).count(),
            "new_reports": selectors.reports_for(request.user).filter(status=Report.Status.NEW).count(),
            "can_screen": selectors.can_screen(request.user),
            "can_import": services.is_registry_admin(request.user),
        },
    )


# --- Referrals -----------------------------------------------------------------------------------------------------


@protection_page
def referral_list(request):
    status = request.GET.get("status", "")
    # ?open=1 (not closed) and ?overdue=1: the dashboard's referral counts link here.
    only = next((name for name in ("overdue", "open") if request.GET.get(name) == "1"), "")
    if only == "overdue":
        qs = selectors.referrals_overdue(request.user)
    elif only == "open":
        qs = selectors.referrals_open(request.user)
    else:
        qs = selectors.referrals_for(request.user)
    if status in Referral.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("status", "due_on", "id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "protection/referral_list.html",
        {
            "page": page,
            "query": urlencode({"status": status, **({only: "1"} if only else {})}),
            "status": status,
            "only": only,
            "statuses": Referral.Status.choices,
            "today": timezone.localdate(),
            "office": selectors.can_see_case_details(request.user),
        },
    )


@protection_page
def referral_detail(request, pk):
    referral = selectors.referral_get(user=request.user, pk=pk)
    can_update = selectors.can_update_referral(request.user, referral)
    form = ReferralStatusForm(
        request.POST or None,
        allow_victim=selectors.can_record_victim_outcome(request.user),
        initial={
            "status": referral.status,
            "outcome": referral.outcome,
            "outcome_note": referral.outcome_note,
            "version": referral.version,
        },
    )
    if request.method == "POST":
        require(can_update)
        if form.is_valid():
            try:
                services.referral_update(actor=request.user, referral=referral, **form.cleaned_data)
            except (Conflict, ValidationError) as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Status rujukan diperbarui."))
                return redirect("protection:referral", referral.pk)
    if referral.screening_id:
        access_record(
            actor=request.user, person=referral.screening.person, channel="web", purpose="protection:referral"
        )
    return render(
        request,
        "protection/referral_detail.html",
        {
            "r": referral,
            "form": form,
            "can_update": can_update,
            "office": selectors.can_see_case_details(request.user),
            "overdue": referral.is_overdue(),
        },
    )


# --- Reports (office side) -----------------------------------------------------------------------------------------


@office_page
def report_list(request):
    status = request.GET.get("status", "")
    qs = selectors.reports_for(request.user)
    if status in Report.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("-created_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "protection/report_list.html",
        {
            "page": page,
            "query": urlencode({"status": status}),
            "status": status,
            "statuses": Report.Status.choices,
            "can_assign": selectors.can_assign_reports(request.user),
        },
    )


@office_page
def report_triage(request):
    """The triage queue: reports no office owns yet (no place, a province only, or a regency without a Kanim)."""
    require(selectors.can_assign_reports(request.user))
    qs = selectors.reports_to_triage(request.user).order_by("created_at", "id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "protection/report_triage.html", {"page": page, "query": ""})


@office_page
def report_assign(request, pk):
    """Give a report to a Kanim: choose, confirm on a second page, then the service records and audits it."""
    report = selectors.report_get(user=request.user, pk=pk)
    require(selectors.can_assign_reports(request.user))
    form = AssignForm(
        request.POST or None,
        kanims=selectors.kanims_assignable(request.user),
        initial={"kanim": report.kanim_id},
    )
    if request.method == "POST" and form.is_valid():
        kanim = form.cleaned_data["kanim"]
        if not form.cleaned_data["confirm"]:
            return render(
                request, "protection/report_assign_confirm.html", {"report": report, "kanim": kanim}
            )
        try:
            services.report_assign(actor=request.user, report=report, kanim=kanim)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Laporan %(code)s ditugaskan ke %(kanim)s.")
                % {"code": report.receipt_code, "kanim": kanim},
            )
            return redirect("protection:report_triage")
    return render(request, "protection/report_assign.html", {"report": report, "form": form})


@office_page
def report_detail(request, pk):
    report = selectors.report_get(user=request.user, pk=pk)
    can_write = selectors.can_screen(request.user)
    triage = TriageForm(instance=report, prefix="t")
    reply = ReplyForm(prefix="r")
    refer = ReferralForm(prefix="f", allow_village=report.village_id is not None)
    if request.method == "POST":
        require(can_write)
        action = request.POST.get("action")
        try:
            if action == "triage":
                triage = TriageForm(request.POST, instance=Report.objects.get(pk=report.pk), prefix="t")
                if triage.is_valid():
                    services.report_triage(actor=request.user, report=report, **triage.cleaned_data)
                    messages.success(request, _("Telaah laporan tersimpan."))
                    return redirect("protection:report", report.pk)
            elif action == "reply":
                reply = ReplyForm(request.POST, prefix="r")
                if reply.is_valid():
                    services.report_reply(actor=request.user, report=report, body=reply.cleaned_data["body"])
                    messages.success(request, _("Balasan terkirim ke pelapor."))
                    return redirect("protection:report", report.pk)
            elif action == "refer":
                refer = ReferralForm(request.POST, prefix="f", allow_village=report.village_id is not None)
                if refer.is_valid():
                    services.referrals_send(actor=request.user, report=report, **refer.cleaned_data)
                    messages.success(request, _("Rujukan dikirim."))
                    return redirect("protection:report", report.pk)
        except ValidationError as exc:
            add_service_errors({"triage": triage, "reply": reply, "refer": refer}.get(action, reply), exc)
    return render(
        request,
        "protection/report_detail.html",
        {
            "report": report,
            "report_messages": selectors.report_messages(report),
            "referrals": report.referrals.select_related("agency").order_by("id"),
            "triage": triage,
            "reply": reply,
            "refer": refer,
            "can_write": can_write,
            "can_assign": selectors.can_assign_reports(request.user),
        },
    )


@office_page
def report_attachment(request, pk, attachment_pk):
    report = selectors.report_get(user=request.user, pk=pk)
    attachment = report.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    extension = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}.get(
        attachment.content_type, "bin"
    )
    return FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=f"{report.receipt_code}-{attachment.pk}.{extension}",
    )


# --- Network signals and agency registry ---------------------------------------------------------------------------


@office_page
def signals(request):
    clusters = selectors.network_signals(request.user)
    return render(request, "protection/signals.html", {"clusters": clusters[:200]})


@login_required
def agencies_import(request):
    require(services.is_registry_admin(request.user))
    form = AgencyImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        try:
            result = services.agencies_import(actor=request.user, text=text)
        except ValidationError as exc:
            add_service_errors(form, exc)
    return render(request, "protection/agency_import.html", {"form": form, "result": result})


def agency_template(request):
    response = HttpResponse(services.agency_csv_template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-p3mi.csv"'
    return response
