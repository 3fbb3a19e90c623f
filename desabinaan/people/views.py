"""Pages of the person registry. Scope comes from the selectors; every write goes through the services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.core.errors import Conflict
from desabinaan.core.views import add_service_errors
from desabinaan.jobs.models import Job

from . import duplicates, selectors, services
from . import validation as v
from .forms import PURPOSE_TEXTS, ConsentForm, MergeChooseForm, NikSearchForm, PersonEditForm, PersonForm
from .models import LawfulBasis, Purpose
from .tasks import DUPLICATES_SCAN, duplicates_scan_request

PAGE_SIZE = 25
NAME_SEARCH_HAS_DIGITS = gettext_lazy(
    "Pencarian nama tidak boleh memuat angka. Untuk mencari dengan NIK, gunakan kolom NIK."
)


def _require_write(request):
    if not scope_for(request.user).can_write:
        raise PermissionDenied(v.READ_ONLY)


@login_required
@require_http_methods(["GET", "POST"])
def person_list(request):
    """Persons in the user's scope; name search by GET, NIK search by POST so the NIK never sits in a URL."""
    q = request.GET.get("q", "").strip()
    # ?consent=missing: the dashboard's consent-gap count links here.
    without_consent = request.GET.get("consent") == "missing"
    if any(ch.isdigit() for ch in q):
        # A name has no digits: this is a NIK or a phone number typed into the name search. It is not searched,
        # echoed or carried on the pager's links (the browser's own check, pattern= on the field, stops most).
        messages.warning(request, NAME_SEARCH_HAS_DIGITS)
        return redirect(reverse("people:list") + ("?consent=missing" if without_consent else ""))
    nik_form = NikSearchForm()
    if request.method == "POST":
        nik_form = NikSearchForm(request.POST)
        if nik_form.is_valid():
            found = selectors.person_find_by_nik(nik=nik_form.cleaned_data["nik"], user=request.user)
            if found is not None:
                return redirect("people:detail", pk=found.pk)
            messages.warning(request, _("Tidak ada orang dengan NIK itu di wilayah kerja Anda."))
        # Never echo the typed NIK back into the page.
        nik_form = NikSearchForm()
    page = Paginator(
        selectors.people_for_user(request.user, q=q, without_consent=without_consent), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    query = {"q": q} if q else {}
    if without_consent:
        query["consent"] = "missing"
    return render(
        request,
        "people/list.html",
        {
            "page": page,
            # Only the name search travels on the pager's links: nothing else typed may end up in a URL.
            "query": urlencode(query),
            "q": q,
            "without_consent": without_consent,
            "nik_form": nik_form,
            "can_write": scope_for(request.user).can_write,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    """Registration with the duplicate decision: an exact NIK match stops; similar persons must be confirmed away."""
    _require_write(request)
    form = PersonForm(request.POST or None, user=request.user)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.person_create(
                actor=request.user,
                name=data["name"],
                nik=data["nik"] or None,
                birth_date=data["birth_date"],
                birth_year=data["birth_year"],
                sex=data["sex"],
                village=data["village"],
                phone=data["phone"],
                allow_probable_duplicates=request.POST.get("confirm_new") == "1",
            )
        except services.NikAlreadyRegistered as exc:
            in_scope = scope_for(request.user).contains_village(exc.existing.village_id)
            context["existing"] = exc.existing if in_scope else None
            form.add_error("nik", v.NIK_ALREADY_REGISTERED if in_scope else v.NIK_REGISTERED_ELSEWHERE)
        except services.ProbableDuplicates as exc:
            context["candidates"] = exc.candidates
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Orang berhasil didaftarkan."))
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/create.html", context)


def _detail_context(request, person, **extra):
    scope = scope_for(request.user)
    similar = []
    if person.merged_into_id is None:
        similar = services.probable_duplicates_of(
            name=person.name,
            birth_date=person.birth_date,
            birth_year=person.birth_year,
            village=person.village,
            within=scope,
            exclude_pk=person.pk,
        )
    return {
        "person": person,
        "consents": selectors.person_consents(person),
        "merged_records": selectors.person_merged_records(person),
        "audit_entries": selectors.person_audit_summary(person),
        "similar": similar,
        "can_write": scope.can_write and person.merged_into_id is None,
        "can_reveal_nik": services.can_reveal_nik(request.user) and bool(person.nik_hash),
        "age": person.age_on(timezone.localdate()),
        **extra,
    }


@login_required
@require_http_methods(["GET"])
def person_detail(request, pk: int):
    person = selectors.person_get_for_user(request.user, pk=pk)
    access_record(actor=request.user, person=person, channel="web", purpose="lihat detail")
    return render(request, "people/detail.html", _detail_context(request, person))


@never_cache
@login_required
@require_POST
def person_reveal_nik(request, pk: int):
    """The full NIK, shown once in the response to an explicit POST; the reveal is access-logged."""
    person = selectors.person_get_for_user(request.user, pk=pk)
    nik = services.person_nik_reveal(actor=request.user, person=person, channel="web")
    return render(request, "people/detail.html", _detail_context(request, person, nik=nik))


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int):
    _require_write(request)
    person = selectors.person_get_for_user(request.user, pk=pk)
    if person.merged_into_id:
        return redirect("people:detail", pk=person.pk)
    initial = {
        "name": person.name,
        "birth_date": person.birth_date,
        "birth_year": None if person.birth_date else person.birth_year,
        "sex": person.sex,
        "village": person.village,
        "phone": person.phone,
        "version": person.version,
    }
    form = PersonEditForm(request.POST or None, initial=initial, user=request.user, person=person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.person_update(
                actor=request.user,
                person=person,
                version=data["version"],
                nik=data["nik"] or services.UNCHANGED,
                name=data["name"],
                birth_date=data["birth_date"],
                birth_year=data["birth_year"],
                sex=data["sex"],
                village=data["village"],
                phone=data["phone"],
            )
        except Conflict:
            form.add_error(None, v.VERSION_CONFLICT)
        except services.NikAlreadyRegistered:
            form.add_error("nik", v.NIK_ALREADY_REGISTERED)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/edit.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def consent_create(request, pk: int):
    """Several purposes in one step; each purpose's lawful basis is preset and shown, changeable by officers only.

    ?tujuan=passport (from the readiness check) ticks that purpose. A basis sent by someone who may not choose it
    is refused by the service (403): the form never offers it to them.
    """
    _require_write(request)
    person = selectors.person_get_for_user(request.user, pk=pk)
    may_choose = services.can_choose_lawful_basis(request.user)
    wanted = request.GET.get("tujuan", "")
    initial = {"purposes": [wanted] if wanted in Purpose.values else []}
    form = ConsentForm(request.POST or None, initial=initial, may_choose_basis=may_choose)
    if request.method == "POST" and form.is_valid():
        # The form has no basis field for a liaison; whatever was posted anyway goes to the service, which refuses
        # any basis other than the preset one.
        basis = form.cleaned_data["lawful_basis"] if may_choose else request.POST.get("lawful_basis", "")
        try:
            consents = services.consents_record(
                actor=request.user,
                person=person,
                purpose_texts=form.purpose_texts(),
                lawful_basis=basis,
                guardian_name=form.cleaned_data["guardian_name"],
                guardian_relation=form.cleaned_data["guardian_relation"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                ngettext("%(n)s persetujuan tercatat.", "%(n)s persetujuan tercatat.", len(consents))
                % {"n": len(consents)},
            )
            return redirect("people:detail", pk=person.pk)
    role = getattr(request.user, "role", "")
    purposes = []
    for value, label in Purpose.choices:
        basis, source = selectors.lawful_basis_preset(purpose=value, role=role)
        purposes.append(
            {
                "label": label,
                "text": PURPOSE_TEXTS[value],
                "basis": LawfulBasis(basis).label,
                "source": source,
            }
        )
    return render(
        request,
        "people/consent.html",
        {
            "form": form,
            "person": person,
            "purposes": purposes,
            "may_choose_basis": may_choose,
            "is_minor": (age := person.age_on(timezone.localdate())) is not None and age < services.ADULT_AGE,
        },
    )


@login_required
@require_POST
def consent_withdraw(request, pk: int):
    _require_write(request)
    consent = selectors.consent_get_for_user(request.user, pk=pk)
    try:
        services.consent_withdraw(actor=request.user, consent=consent)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Persetujuan ditarik."))
    return redirect("people:detail", pk=consent.person_id)


@login_required
@require_http_methods(["GET", "POST"])
def person_merge(request, pk: int):
    """Choose the record to fold into this one, confirm on a page showing both, then merge."""
    _require_write(request)
    keep = selectors.person_get_for_user(request.user, pk=pk)
    if keep.merged_into_id:
        raise Http404
    if request.method == "POST":
        remove = selectors.person_get_for_user(request.user, pk=_int(request.POST.get("remove")))
        if request.POST.get("confirmed") != "1":
            return redirect(f"{reverse('people:merge', args=[keep.pk])}?dengan={remove.pk}")
        try:
            services.person_merge(actor=request.user, keep=keep, remove=remove)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return redirect("people:detail", pk=keep.pk)
        messages.success(request, _("Data berhasil digabung."))
        return redirect("people:detail", pk=keep.pk)
    choose = MergeChooseForm(request.GET if "other" in request.GET else None)
    other_pk = request.GET.get("dengan") or (choose.cleaned_data["other"] if choose.is_valid() else None)
    if other_pk:
        remove = selectors.person_get_for_user(request.user, pk=_int(other_pk))
        if remove.pk == keep.pk or remove.merged_into_id:
            messages.error(request, v.MERGE_SAME_PERSON if remove.pk == keep.pk else v.MERGE_ALREADY_MERGED)
            return redirect("people:merge", pk=keep.pk)
        return render(request, "people/merge_confirm.html", {"keep": keep, "remove": remove})
    similar = services.probable_duplicates_of(
        name=keep.name,
        birth_date=keep.birth_date,
        birth_year=keep.birth_year,
        village=keep.village,
        within=scope_for(request.user),
        exclude_pk=keep.pk,
    )
    return render(request, "people/merge_choose.html", {"keep": keep, "form": choose, "similar": similar})


@login_required
@require_POST
def person_not_duplicate(request, pk: int, other: int):
    _require_write(request)
    person = selectors.person_get_for_user(request.user, pk=pk)
    other_person = selectors.person_get_for_user(request.user, pk=other)
    try:
        services.person_mark_not_duplicate(actor=request.user, person_a=person, person_b=other_person)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Dicatat: keduanya orang yang berbeda."))
    if request.POST.get("next") == "duplicates":
        return redirect("people:duplicates")
    return redirect("people:detail", pk=person.pk)


@login_required
@require_http_methods(["GET"])
def duplicate_list(request):
    """Probable duplicate pairs in the user's scope as the last scan stored them, best first, a page at a time."""
    page = Paginator(duplicates.duplicate_pairs_for_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "people/duplicates.html",
        {
            "page": page,
            "rows": [(pair, duplicates.reason_labels(pair.reasons)) for pair in page],
            "scan": duplicates.duplicate_scan_latest(request.user),
            "can_write": scope_for(request.user).can_write,
        },
    )


@login_required
@require_POST
def duplicate_rescan(request):
    """ "Cari ulang": scan the user's jurisdiction again in the background; the user watches the job."""
    _require_write(request)
    job = duplicates_scan_request(actor=request.user)
    return redirect("people:duplicates_job", job_id=job.pk)


@login_required
@require_http_methods(["GET"])
def duplicate_scan_job(request, job_id: int):
    """The progress of a scan the user started (the national administrator sees every one); htmx polls it and
    reloads the page (HX-Refresh) once the scan ends."""
    jobs = Job.objects.filter(kind=DUPLICATES_SCAN)
    if not scope_for(request.user).is_national:
        jobs = jobs.filter(created_by=request.user)
    job = get_object_or_404(jobs, pk=job_id)
    context = {"job": job, "poll_url": request.get_full_path()}
    if request.headers.get("HX-Request"):
        response = render(request, "jobs/_progress.html", context)
        if job.is_finished:
            response["HX-Refresh"] = "true"
        return response
    return render(request, "people/duplicates_job.html", context)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None
