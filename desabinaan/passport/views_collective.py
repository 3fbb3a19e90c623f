"""Pages of collective (Eazy Passport) requests (/paspor/kolektif/): the draft, its applicants, submission, the
office's decision and the request letters (the village's copy with masked NIKs, the office's with full ones).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from desabinaan.accounts.scope import scope_for
from desabinaan.core.views import add_service_errors
from desabinaan.offices.selectors import kanims_serving_village
from desabinaan.people.services import can_reveal_nik
from lib.text import is_ascii_digits

from . import selectors, services, texts
from .forms import (
    CollectiveDecisionForm,
    CollectiveRequestForm,
    person_label,
)
from .models import CollectiveStatus, CollectiveType
from .pdf import collective_letter_pdf
from .views import PAGE_SIZE, _require_scope, _require_write

# Types offered on the applicant form besides the served ones, so the village learns why they are refused.
REFUSED_TYPE_CHOICES = [
    ("lost", gettext_lazy("Penggantian: hilang")),
    ("damaged", gettext_lazy("Penggantian: rusak")),
]


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
        chosen = [int(pid) for pid in request.POST.getlist("person") if is_ascii_digits(pid)]
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
