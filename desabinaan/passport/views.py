"""Pages of the passport app for signed-in users: readiness checks (/paspor/kesiapan/). Scope comes from the
selectors, writes from the services.

The public guide is in `views_public`, the follow-up of a check (screening, referral, report) in `views_followup`,
collective requests (/paspor/kolektif/) in `views_collective`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.core.views import add_service_errors, query_without_page
from desabinaan.people.selectors import person_get_for_user
from desabinaan.protection import selectors as protection_selectors

from . import selectors, services, texts
from .forms import (
    OutcomeForm,
    ReadinessCheckForm,
    ReadinessFilterForm,
)
from .pdf import readiness_summary_pdf

PAGE_SIZE = 25


def _require_scope(request):
    """Users with no villages in reach (partner agencies) have nothing to see here."""
    if scope_for(request.user).is_empty:
        raise PermissionDenied(_("Halaman ini hanya untuk petugas imigrasi dan perangkat desa."))


def _require_write(request):
    _require_scope(request)
    if not scope_for(request.user).can_write:
        raise PermissionDenied(texts.READ_ONLY)


@login_required
def readiness_list(request):
    _require_scope(request)
    form = ReadinessFilterForm(request.GET or None)
    status = village_code = ""
    flagged = False
    if form.is_bound and form.is_valid():
        status = form.cleaned_data["status"]
        village = form.cleaned_data["village"]
        village_code = village.code if village else ""
        flagged = form.cleaned_data["flagged"]
    checks = selectors.readiness_checks_for_user(
        request.user, status=status, village_code=village_code, flagged=flagged
    )
    page = Paginator(checks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "passport/readiness_list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "can_write": scope_for(request.user).can_write,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def readiness_create(request):
    _require_write(request)
    q = request.GET.get("q", "").strip()
    form = ReadinessCheckForm(request.POST or None, user=request.user, q=q)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = person_get_for_user(request.user, pk=data["person"])
            check = services.readiness_check_create(
                actor=request.user,
                person=person,
                purpose=data["purpose"],
                case=data["case"],
                married=data["married"],
                destination_country=data["destination_country"],
                job_offer=data["job_offer"],
                job_type=data["job_type"],
                employer=data["employer"],
                agency_name=data["agency_name"],
                one_channel=data["one_channel"],
                sponsor_name=data["sponsor_name"],
                sponsor_phone=data["sponsor_phone"],
                paid_up_front=data["paid_up_front"],
                amount_paid_idr=data["amount_paid_idr"],
                documents_in_hand=data["documents_in_hand"],
                confirm_without_consent=data["confirm_without_consent"],
            )
        except Http404:
            form.add_error("person", texts.READINESS_PERSON_OUT_OF_SCOPE)
        except PermissionDenied as error:
            form.add_error("person", str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Pemeriksaan kesiapan tersimpan dengan kode %(ref)s.") % {"ref": check.reference}
            )
            return redirect("passport:readiness_detail", reference=check.reference)
    return render(
        request,
        "passport/readiness_form.html",
        {
            "form": form,
            "q": q,
            "consent_person": form.cleaned_data.get("person") if form.consent_missing else None,
        },
    )


def _readiness_context(request, reference: str) -> dict:
    check = selectors.readiness_check_get_for_user(request.user, reference=reference)
    # A readiness check is a personal record: every read is in the person's access log (UU PDP Art. 31).
    access_record(
        actor=request.user, person=check.person, channel="web", purpose=texts.READINESS_DETAIL_PURPOSE
    )
    return {
        "check": check,
        "warnings": selectors.warnings_out(check.warnings),
        "summary_note": texts.READINESS_SUMMARY_NOTE,
    }


@login_required
def readiness_detail(request, reference):
    context = _readiness_context(request, reference)
    check = context["check"]
    if request.GET.get("print"):
        return render(request, "passport/readiness_print.html", context)
    can_record = selectors.is_office_user(request.user) and scope_for(request.user).can_write
    can_follow_up = protection_selectors.can_screen(request.user)
    context.update(
        outcomes=selectors.readiness_outcomes(check),
        outcome_form=OutcomeForm(initial={"on": timezone.localdate()}) if can_record else None,
        can_follow_up=can_follow_up,
        can_refer=can_follow_up
        and services.readiness_referral_screening(actor=request.user, check=check) is not None,
    )
    return render(request, "passport/readiness_detail.html", context)


@login_required
@require_POST
def readiness_outcome(request, reference):
    check = selectors.readiness_check_get_for_user(request.user, reference=reference)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.readiness_outcome_record(
                actor=request.user,
                check=check,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
                postponement_cause=form.cleaned_data["postponement_cause"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Hasil tersimpan."))
    else:
        messages.error(request, _("Hasil belum tersimpan: periksa isian hasil dan tanggal."))
    return redirect("passport:readiness_detail", reference=check.reference)


def _readiness_facts(check) -> list[tuple[str, str]]:
    """What the resident's summary shows: of the person, only the name and the masked NIK."""
    facts = [
        (_("Nama"), check.person.name),
        (_("NIK"), check.person.nik_masked or "—"),
        (_("Tanggal pemeriksaan"), check.checked_on.strftime("%d-%m-%Y")),
        (_("Tujuan"), str(check.get_purpose_display())),
        (_("Jenis permohonan"), str(check.get_case_display())),
    ]
    if check.destination_country:
        facts.append((_("Negara tujuan"), str(check.get_destination_country_display())))
    return facts


@login_required
def readiness_pdf(request, reference):
    context = _readiness_context(request, reference)
    check = context["check"]
    content = readiness_summary_pdf(
        reference=check.reference,
        facts=_readiness_facts(check),
        missing=check.missing_documents,
        warnings=context["warnings"],
        outcome=str(check.get_status_display()),
        note=str(texts.READINESS_SUMMARY_NOTE),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kesiapan-paspor-{check.reference}.pdf"'
    return response
