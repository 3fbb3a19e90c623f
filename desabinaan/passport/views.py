"""Pages of the passport app.

The public passport guide (no login): /paspor/, its print view (?print=1) and its PDF checklist.

The answers travel in the query string, so the page works without JavaScript and its address is the shareable
link. Nothing is stored; the only personal answer is the birth date, used to compute the age.

Readiness checks (/paspor/kesiapan/) and collective requests (/paspor/kolektif/) are for signed-in users.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.core.views import add_service_errors, query_without_page, require
from desabinaan.offices.selectors import kanims_serving_village
from desabinaan.people.selectors import person_get_for_user
from desabinaan.people.services import can_reveal_nik
from desabinaan.protection import selectors as protection_selectors
from desabinaan.protection.forms import ReferralForm, ReportForm, ScreeningForm
from lib import passport as rules

from . import selectors, services, texts
from .forms import (
    ANSWER_FIELDS,
    CollectiveDecisionForm,
    CollectiveRequestForm,
    GuideForm,
    OutcomeForm,
    ReadinessCheckForm,
    ReadinessFilterForm,
    person_label,
    referral_initial,
    report_initial,
    screening_initial,
)
from .models import Case, CollectiveStatus, CollectiveType, Purpose
from .pdf import checklist_pdf as render_checklist
from .pdf import collective_letter_pdf, readiness_summary_pdf


def _query(answers: rules.Answers, village) -> str:
    """The canonical query string of a result, with the application date pinned so the link stays the same."""
    params = {
        "purpose": answers.purpose,
        "case": answers.case,
        "birth_date": answers.birth_date.isoformat(),
        "electronic": "1" if answers.electronic else "0",
        "validity_years": answers.validity_years,
        "on": answers.on.isoformat(),
    }
    for name in ("married", "same_day", "force_majeure", "migrant_worker_first"):
        if getattr(answers, name):
            params[name] = "on"
    if village is not None:
        params["village"] = village.code
    return urlencode(params)


def _guide_context(request) -> dict:
    bound = any(name in request.GET for name in (*ANSWER_FIELDS, "village"))
    form = GuideForm(request.GET if bound else None)
    context = {"form": form, "result": None, "kanims": [], "query": ""}
    if not bound or not form.is_valid():
        return context
    village = form.cleaned_data.get("village")
    try:
        answers = selectors.answers_from({name: form.cleaned_data.get(name) for name in ANSWER_FIELDS})
        guide = selectors.guide_for(answers=answers)
    except rules.PassportInputError as error:
        form.add_error(error.field if error.field in form.fields else None, texts.error_text(error))
        return context
    query = _query(answers, village)
    context.update(
        result=selectors.guide_out(guide),
        answers=answers,
        purpose_label=Purpose(answers.purpose).label,
        case_label=Case(answers.case).label,
        kanims=list(kanims_serving_village(village_code=village.code)) if village else [],
        village=village,
        query=query,
        share_url=request.build_absolute_uri(f"{reverse('passport:guide')}?{query}"),
        pdf_url=f"{reverse('passport:checklist_pdf')}?{query}",
        print_url=f"{reverse('passport:guide')}?{query}&print=1",
        mpaspor_url=texts.MPASPOR_URL,
    )
    return context


def guide(request):
    """The wizard and, once answered, the result below it."""
    context = _guide_context(request)
    if request.GET.get("print") and context["result"]:
        return render(request, "passport/print.html", context)
    status = 400 if context["form"].is_bound and not context["result"] else 200
    return render(request, "passport/guide.html", context, status=status)


def checklist_pdf(request):
    """The same answers as the page, as a PDF checklist."""
    context = _guide_context(request)
    if not context["result"]:
        return render(request, "passport/guide.html", context, status=400)
    answers = context["answers"]
    result = context["result"]
    summary = [
        (_("Tanggal permohonan"), answers.on.strftime("%d-%m-%Y")),
        (_("Tujuan"), str(context["purpose_label"])),
        (_("Jenis permohonan"), str(context["case_label"])),
        (_("Usia pada tanggal permohonan"), _("%(age)s tahun") % {"age": result["age"]}),
        (_("Masa berlaku"), _("%(years)s tahun") % {"years": result["validity_years"]}),
    ]
    content = render_checklist(
        result=result, summary=summary, kanims=context["kanims"], link=context["share_url"]
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="daftar-periksa-paspor.pdf"'
    return response


# ---------------------------------------------------------------------------------------------------------------
# Readiness checks and collective requests (signed in). Scope comes from the selectors, writes from the services.
# ---------------------------------------------------------------------------------------------------------------

PAGE_SIZE = 25
# Types offered on the applicant form besides the served ones, so the village learns why they are refused.
REFUSED_TYPE_CHOICES = [
    ("lost", gettext_lazy("Penggantian: hilang")),
    ("damaged", gettext_lazy("Penggantian: rusak")),
]


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


# Follow-up of a check: a screening, a referral or a report, prefilled from it --------------------------------------
# These pages live here, not in protection, because passport may import protection and not the other way round
# (ARCHITECTURE.md). They use protection's forms and templates and write through passport services that call
# protection's, so the check is marked followed up in the same transaction.


def _follow_up_check(request, reference):
    """The check in the user's scope (404 otherwise), for a user who may open screenings (403 otherwise)."""
    check = selectors.readiness_check_get_for_user(request.user, reference=reference)
    require(protection_selectors.can_screen(request.user))
    return check


@login_required
@require_http_methods(["GET", "POST"])
def readiness_screening(request, reference):
    check = _follow_up_check(request, reference)
    indicator_set = protection_selectors.indicator_set_active()
    indicators = list(indicator_set.indicators.order_by("order", "code"))
    form = ScreeningForm(request.POST or None, indicators=indicators, initial=screening_initial(check))
    if request.method == "POST" and form.is_valid():
        try:
            screening = services.readiness_screening_create(
                actor=request.user,
                check=check,
                answers=form.answers(),
                evidence=form.evidence(),
                **form.details(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Skrining tersimpan. Tingkat saran dihitung dari jawaban."))
            return redirect("protection:screening", screening.pk)
    return render(
        request,
        "protection/screening_form.html",
        {"form": form, "person": check.person, "indicator_set": indicator_set, "from_check": check},
    )


@login_required
def person_screening(request, person_pk):
    """A new screening for a person, filled in from their latest readiness check when they have one."""
    person = person_get_for_user(request.user, pk=person_pk)
    latest = selectors.readiness_checks_for_user(request.user).filter(person=person).first()
    if latest is None:
        return redirect(f"{reverse('protection:screening_new')}?person={person.pk}")
    return redirect("passport:readiness_screening", reference=latest.reference)


@login_required
@require_http_methods(["GET", "POST"])
def readiness_referral(request, reference):
    check = _follow_up_check(request, reference)
    screening = services.readiness_referral_screening(actor=request.user, check=check)
    form = ReferralForm(request.POST or None, initial=referral_initial(check))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.readiness_referral_create(
                actor=request.user,
                check=check,
                to_village=data["to_village"],
                agency=data["agency"],
                action=data["action"],
                reason=data["reason"],
                due_on=data["due_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Rujukan dikirim."))
            return redirect("passport:readiness_detail", reference=check.reference)
    return render(
        request,
        "passport/readiness_referral.html",
        {
            "form": form,
            "check": check,
            "screening": screening,
            "needs_screening": texts.FOLLOW_UP_NEEDS_SCREENING,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def readiness_report(request, reference):
    check = _follow_up_check(request, reference)
    form = ReportForm(request.POST or None, request.FILES or None, initial=report_initial(check))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submitted = services.readiness_report_create(
                actor=request.user,
                check=check,
                category=data["category"],
                description=data["description"],
                occurred_on=data["occurred_on"],
                involved=form.involved(),
                files=data["files"],
                agency_name=data["agency_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The passphrase is not shown: the office reads and answers the report on its own pages.
            messages.success(
                request,
                _("Laporan tersimpan dengan kode %(code)s.") % {"code": submitted.report.receipt_code},
            )
            return redirect("protection:report", submitted.report.pk)
    return render(request, "passport/readiness_report.html", {"form": form, "check": check})


# Collective requests -------------------------------------------------------------------------------------------


@login_required
def collective_list(request):
    _require_scope(request)
    page = Paginator(selectors.collective_requests_for_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "passport/collective_list.html",
        {"page": page, "can_write": scope_for(request.user).can_write},
    )


@login_required
@require_http_methods(["GET", "POST"])
def collective_create(request):
    _require_write(request)
    form = CollectiveRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            collective = services.collective_request_create(
                actor=request.user,
                village=data["village"],
                proposed_date=data["proposed_date"],
                place=data["place"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                vulnerable_group=data["vulnerable_group"],
                vulnerable_reason=data["vulnerable_reason"],
            )
        except PermissionDenied as error:
            form.add_error("village", str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Permohonan tersimpan sebagai draf. Tambahkan pemohon."))
            return redirect("passport:collective_applicants", pk=collective.pk)
    return render(request, "passport/collective_form.html", {"form": form})


def _collective_context(request, pk) -> dict:
    collective = selectors.collective_request_get_for_user(request.user, pk=pk)
    scope = scope_for(request.user)
    is_office = selectors.is_office_user(request.user)
    return {
        "collective": collective,
        "applicants": selectors.collective_applicants(collective),
        "can_edit": scope.can_write and collective.status == CollectiveStatus.DRAFT,
        "can_decide": is_office and scope.can_write and collective.status == CollectiveStatus.SUBMITTED,
        "can_official_copy": can_reveal_nik(request.user),
    }


@login_required
def collective_detail(request, pk):
    context = _collective_context(request, pk)
    collective = context["collective"]
    if context["can_edit"]:
        try:
            context["minimum"] = services.collective_minimum(collective)
        except ValidationError:
            context["minimum"] = None
    if context["can_decide"]:
        context["decision_form"] = CollectiveDecisionForm()
    return render(request, "passport/collective_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def collective_applicants(request, pk):
    """Choose applicants among the village's registered persons, each with an application type."""
    context = _collective_context(request, pk)
    collective = context["collective"]
    if not context["can_edit"]:
        raise PermissionDenied(texts.COLLECTIVE_NOT_DRAFT)
    q = request.GET.get("q", "").strip()
    problems = []
    if request.method == "POST":
        chosen = [int(pid) for pid in request.POST.getlist("person") if pid.isdigit()]
        applicants = [(pid, request.POST.get(f"type_{pid}", "")) for pid in chosen]
        try:
            added = services.collective_applicants_add(
                actor=request.user, request=collective, applicants=applicants
            )
        except services.ApplicantsRefused as refused:
            problems = refused.problems
        else:
            messages.success(request, _("%(n)s pemohon ditambahkan.") % {"n": len(added)})
            return redirect("passport:collective_detail", pk=collective.pk)
    candidates = selectors.collective_candidates(request.user, collective, q=q)
    names = {p.pk: p.name for p in candidates}
    context.update(
        q=q,
        candidates=[(p, person_label(p)) for p in candidates],
        type_choices=list(CollectiveType.choices) + REFUSED_TYPE_CHOICES,
        problems=[{**p, "name": names.get(p["person_id"], p["person_id"])} for p in problems],
    )
    return render(request, "passport/collective_applicants.html", context, status=422 if problems else 200)


@login_required
@require_POST
def collective_applicant_remove(request, pk, applicant_pk):
    collective = selectors.collective_request_get_for_user(request.user, pk=pk)
    applicant = collective.applicants.filter(pk=applicant_pk).first()
    if applicant is None:
        raise Http404
    try:
        services.collective_applicant_remove(actor=request.user, applicant=applicant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("passport:collective_detail", pk=collective.pk)


@login_required
@require_POST
def collective_submit(request, pk):
    collective = selectors.collective_request_get_for_user(request.user, pk=pk)
    try:
        services.collective_request_submit(actor=request.user, request=collective)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Permohonan diajukan ke kantor imigrasi."))
    return redirect("passport:collective_detail", pk=collective.pk)


@login_required
@require_POST
def collective_decide(request, pk):
    collective = selectors.collective_request_get_for_user(request.user, pk=pk)
    form = CollectiveDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih terima atau tolak."))
    else:
        try:
            services.collective_request_decide(
                actor=request.user,
                request=collective,
                decision=form.cleaned_data["decision"],
                service_date=form.cleaned_data["service_date"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Keputusan tersimpan."))
    return redirect("passport:collective_detail", pk=collective.pk)


def _kanim_name(collective) -> str:
    kanim = kanims_serving_village(village_code=collective.village_id).first()
    return kanim.name if kanim else _("Kantor Imigrasi")


def _letter_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # The office copy carries full NIKs: never keep it in a shared cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
def collective_letter(request, pk):
    """The village's copy of the request letter: NIKs masked."""
    collective = selectors.collective_request_get_for_user(request.user, pk=pk)
    rows = [{"applicant": a, "nik": a.person.nik_masked} for a in selectors.collective_applicants(collective)]
    content = collective_letter_pdf(
        request=collective, rows=rows, official=False, kanim_name=_kanim_name(collective)
    )
    return _letter_response(content, f"permohonan-paspor-kolektif-{collective.pk}.pdf")


@login_required
def collective_official_letter(request, pk):
    """The office's copy with full NIKs; only office roles, and each applicant's NIK read is access-logged."""
    collective = selectors.collective_request_get_for_user(request.user, pk=pk)
    rows = services.collective_official_applicants(actor=request.user, request=collective)
    content = collective_letter_pdf(
        request=collective, rows=rows, official=True, kanim_name=_kanim_name(collective)
    )
    return _letter_response(content, f"permohonan-paspor-kolektif-{collective.pk}-resmi.pdf")
