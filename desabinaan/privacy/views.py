"""Staff pages: data-subject requests and their actions, the access document, the breach register, the record of
processing activities. Every page reads through selectors (scope) and writes through services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from desabinaan.audit.services import access_record
from desabinaan.core.errors import Conflict
from desabinaan.core.views import add_service_errors, page_for, require
from desabinaan.people.selectors import people_for_user, people_search_for_user, person_get_for_user

from . import access, letters, ropa, selectors, services
from .forms import BreachForm, BreachPersonSearchForm, CloseForm, CorrectionForm, DataRequestForm, VerifyForm
from .models import DataRequest, RequestKind

PAGE_SIZE = 25
PEOPLE_SEARCH_LIMIT = 20
ACCESS_PURPOSE = "dokumen akses UU PDP"
BREACH_PURPOSE = "orang terdampak kebocoran data (UU PDP Pasal 46)"

requests_page = page_for(selectors.can_see_requests)
breaches_page = page_for(selectors.can_see_breaches)


@requests_page
def request_list(request):
    overdue = request.GET.get("overdue") == "1"
    qs = selectors.data_requests_for(request.user, overdue=True if overdue else None)
    if request.GET.get("open") == "1":
        qs = qs.open()
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    q = request.GET.get("q", "").strip()
    found = list(people_for_user(request.user, q=q)[:PEOPLE_SEARCH_LIMIT]) if q else []
    return render(
        request,
        "privacy/request_list.html",
        {
            "page": page,
            "overdue": overdue,
            "q": q,
            "found": found,
            "office": selectors.can_see_breaches(request.user),
        },
    )


@requests_page
def request_new(request, person_pk: int):
    person = person_get_for_user(request.user, pk=person_pk)
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.data_request_create(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Permintaan dicatat. Tenggat: %(due)s.") % {"due": created.due_at})
            return redirect("privacy:request", created.pk)
    return render(request, "privacy/request_new.html", {"person": person, "form": form})


@requests_page
def request_detail(request, pk: int):
    req = selectors.data_request_get(user=request.user, pk=pk)
    can_act = selectors.can_act_on_requests(request.user)
    context = {
        "r": req,
        "can_act": can_act,
        "close_form": CloseForm(),
        "verify_form": VerifyForm(),
        "correction_form": CorrectionForm(
            initial={
                "name": req.person.name,
                "birth_date": req.person.birth_date,
                "phone": req.person.phone,
                "version": req.person.version,
            }
        )
        if req.person_id and req.kind == RequestKind.CORRECTION
        else None,
        "restriction": selectors.restriction_open(req.person) if req.person_id else None,
        "blockers": services.erasure_blockers(req.person)
        if req.person_id and req.kind == RequestKind.ERASURE
        else [],
    }
    return render(request, "privacy/request_detail.html", context)


def _run(request, req: DataRequest, action, form=None, success: str = ""):
    try:
        action()
    except (ValidationError, Conflict) as exc:
        if form is not None:
            add_service_errors(form, exc)
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, success or _("Tersimpan."))
    return redirect("privacy:request", req.pk)


@requests_page
@require_POST
def request_verify(request, pk: int):
    req = selectors.data_request_get(user=request.user, pk=pk)
    form = VerifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Periksa isian verifikasi."))
        return redirect("privacy:request", req.pk)
    person = person_get_for_user(request.user, pk=form.cleaned_data["person"])
    return _run(
        request,
        req,
        lambda: services.data_request_verify(
            actor=request.user,
            request=req,
            person=person,
            verification_note=form.cleaned_data["verification_note"],
            guardian_name=form.cleaned_data["guardian_name"],
        ),
        success=_("Identitas diverifikasi."),
    )


@requests_page
@require_POST
def request_act(request, pk: int, action: str):
    """The kind's own action: erase, restrict, withdraw consents, correct, or close with an outcome."""
    req = selectors.data_request_get(user=request.user, pk=pk)
    require(selectors.can_act_on_requests(request.user))
    actor = request.user
    if action == "close":
        form = CloseForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tuliskan hasil atau alasannya."))
            return redirect("privacy:request", req.pk)
        return _run(
            request, req, lambda: services.data_request_close(actor=actor, request=req, **form.cleaned_data)
        )
    if action == "correct":
        form = CorrectionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Periksa isian perbaikan."))
            return redirect("privacy:request", req.pk)
        data = form.cleaned_data
        return _run(request, req, lambda: services.person_correct(actor=actor, request=req, **data))
    actions = {
        "erase": lambda: services.person_erase(actor=actor, request=req),
        "restrict": lambda: services.person_restrict(actor=actor, request=req),
        "withdraw": lambda: services.consents_withdraw_all(actor=actor, request=req),
    }
    require(action in actions)
    return _run(request, req, actions[action])


@requests_page
def access_document(request, pk: int):
    req = selectors.data_request_get(user=request.user, pk=pk)
    require(selectors.can_act_on_requests(request.user))
    if req.person_id is None or req.kind != RequestKind.ACCESS:
        require(False)
    pdf = access.access_document_pdf(held=access.held_about(req.person), request=req)
    access_record(actor=request.user, person=req.person, channel="web", purpose=ACCESS_PURPOSE)
    services.access_document_recorded(actor=request.user, request=req)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="dokumen-akses-{req.pk}.pdf"'
    return response


@breaches_page
def breach_list(request):
    form = BreachForm(request.POST or None)
    if request.method == "POST":
        require(selectors.can_record_breaches(request.user))
        if form.is_valid():
            try:
                breach = services.breach_record(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("privacy:breach", breach.pk)
    breaches = selectors.breaches_for(request.user)[:100]
    return render(
        request,
        "privacy/breach_list.html",
        {"breaches": breaches, "form": form, "can_record": selectors.can_record_breaches(request.user)},
    )


def _breach_person_search(request, form: BreachPersonSearchForm) -> list:
    """Candidates in the officer's scope (at most PEOPLE_SEARCH_LIMIT); a NIK found is a logged read."""
    if not form.is_valid():
        return []
    nik = form.cleaned_data.get("nik") or None
    found = list(
        people_search_for_user(request.user, q=form.cleaned_data.get("q") or "", nik=nik)[
            :PEOPLE_SEARCH_LIMIT
        ]
    )
    if nik:
        for person in found:
            access_record(actor=request.user, person=person, channel="web", purpose=BREACH_PURPOSE)
    return found


@breaches_page
def breach_detail(request, pk: int):
    breach = selectors.breach_get(user=request.user, pk=pk)
    search_form = BreachPersonSearchForm()
    candidates = None
    if request.method == "POST":
        require(selectors.can_record_breaches(request.user))
        if "link" in request.POST:
            person = person_get_for_user(request.user, pk=int(request.POST.get("link") or 0))  # 404 outside
            services.breach_persons_link(actor=request.user, breach=breach, persons=[person])
            messages.success(request, _("Orang terdampak ditautkan."))
            return redirect("privacy:breach", breach.pk)
        if "search" in request.POST:
            search_form = BreachPersonSearchForm(request.POST)
            candidates = _breach_person_search(request, search_form)
            if search_form.is_valid():  # the NIK typed is not sent back in the page
                search_form = BreachPersonSearchForm(initial={"q": search_form.cleaned_data.get("q")})
        else:
            services.breach_mark_notified(
                actor=request.user,
                breach=breach,
                subjects=request.POST.get("notified") == "subjects",
                authority=request.POST.get("notified") == "authority",
            )
            return redirect("privacy:breach", breach.pk)
    return render(
        request,
        "privacy/breach_detail.html",
        {
            "b": breach,
            "can_record": selectors.can_record_breaches(request.user),
            "affected": selectors.breach_persons(breach),
            "search_form": search_form,
            "candidates": candidates,
        },
    )


@breaches_page
def breach_letter(request, pk: int, to: str):
    breach = selectors.breach_get(user=request.user, pk=pk)
    require(to in ("subjects", "authority"))
    pdf = letters.breach_letter_pdf(breach=breach, to=to)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="pemberitahuan-{to}-{breach.pk}.pdf"'
    return response


@breaches_page
def processing_record(request):
    return render(request, "privacy/ropa.html", {"ropa": ropa.processing_record()})
