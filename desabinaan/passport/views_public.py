"""Public pages of the passport app (no login): the passport guide /paspor/, its print view (?print=1) and its PDF
checklist.

The answers travel in the query string, so the page works without JavaScript and its address is the shareable
link. Nothing is stored; the only personal answer is the birth date, used to compute the age. The form is posted and
answered with a redirect to its result (`#hasil`), whose address carries the age on the application date instead of the
birth date: a shared or bookmarked link never holds a birth date. Older links with `birth_date` still open.
"""

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from desabinaan.core.cache import public_page
from desabinaan.offices.models import Kanim
from desabinaan.offices.selectors import kanims_serving_village
from lib import passport as rules

from . import selectors, texts
from .forms import ANSWER_FIELDS, PLACE_FIELDS, GuideForm
from .models import Case, Product, Purpose
from .pdf import checklist_pdf as render_checklist


def _query(answers: rules.Answers, village, office, product: str) -> str:
    """The canonical query string of a result, with the application date pinned so the link stays the same."""
    params = {
        "purpose": answers.purpose,
        "case": answers.case,
        "age": rules.age_on(answers.birth_date, answers.on),
        "product": product,
        "validity_years": answers.validity_years,
        "on": answers.on.isoformat(),
    }
    for name in ("married", "same_day", "force_majeure"):
        if getattr(answers, name):
            params[name] = "on"
    if village is not None:
        params["village"] = village.code
    if office is not None:
        params["office"] = office.pk
    return urlencode(params)


def _birth_date_from_age(data):
    """The answers with a stand-in birth date giving the shared `age` on the application date, or None."""
    if data.get("birth_date") or not data.get("age"):
        return None
    try:
        age = int(data["age"])
        on = dt.date.fromisoformat(data["on"]) if data.get("on") else timezone.localdate()
    except ValueError:
        return None
    if not 0 <= age <= rules.MAX_AGE:
        return None
    born = (
        on.replace(year=on.year - age, day=28)
        if (on.month, on.day) == (2, 29)
        else on.replace(year=on.year - age)
    )
    data = data.copy()
    data["birth_date"] = born.isoformat()
    return data


def _legacy_product(data):
    """Links made before the product question carried `electronic` and `migrant_worker_first`: read them as the
    product."""
    if data.get("product") or not ({"electronic", "migrant_worker_first"} & set(data)):
        return data
    data = data.copy()
    if data.get("migrant_worker_first") in ("on", "1", "true", "True"):
        data["product"] = rules.PRODUCT_MIGRANT
    elif "electronic" in data:
        electronic = data.get("electronic") in ("1", "on", "true", "True")
        data["product"] = rules.PRODUCT_EPASSPORT if electronic else rules.PRODUCT_PASSPORT
    return data


def _place(data):
    """(the office the answers are for, the date asked): the office chosen, else the one serving the village."""
    try:
        on = dt.date.fromisoformat(str(data.get("on") or "").strip())
    except ValueError:
        on = timezone.localdate()
    try:
        office = selectors.office_for(
            office_id=(data.get("office") or "").strip(),
            village_code=data.get("village") or data.get("village_search") or "",
        )
    except rules.PassportInputError:
        office = None
    return office, on


def _form(data, *, bound: bool, initial=None) -> tuple[GuideForm, Kanim | None]:
    """The guide form for the office of `data`, listing only the products that office issues on the date."""
    office, on = _place(data)
    offered = selectors.products_on(on=on, office=office)
    products = [(p.code, p.label) for p in offered] if offered is not None else None
    if office is not None and not data.get("office"):
        data = data.copy()
        data["office"] = str(office.pk)
    if bound and products is not None and len(products) == 1 and not data.get("product"):
        # One product at this office: nothing to choose (never a default the office does not issue).
        data = data.copy()
        data["product"] = products[0][0]
    offices = list(Kanim.objects.order_by("name").values_list("pk", "name"))
    if bound:
        return GuideForm(data, offices=offices, products=products), office
    initial = dict(initial or {}, office=office.pk if office else None)
    if products is not None and len(products) == 1:
        initial["product"] = products[0][0]
    return GuideForm(initial=initial, offices=offices, products=products), office


def _guide_context(request, data=None) -> dict:
    data = _legacy_product(request.GET if data is None else data)
    bound = any(name in data for name in (*ANSWER_FIELDS, "age"))
    from_age = _birth_date_from_age(data) if bound else None
    if bound and data.get("step") == "office":
        # "Show this office's passports": the form again with the office filled in, nothing computed yet.
        initial = {name: value for name, value in data.items() if name not in ("csrfmiddlewaretoken", "step")}
        form, office = _form(data, bound=False, initial=initial)
        return {"form": form, "result": None, "kanims": [], "query": "", "office": office, "step": True}
    if not bound:
        form, office = _form(data, bound=False, initial={name: data.get(name) for name in PLACE_FIELDS})
        return {"form": form, "result": None, "kanims": [], "query": "", "office": office}
    form, office = _form(from_age or data, bound=True)
    context: dict[str, Any] = {"form": form, "result": None, "kanims": [], "query": "", "office": office}
    if not form.is_valid():
        if from_age is not None:
            # Never echo the stand-in birth date back into the form.
            form.data = data
        return context
    if from_age is not None:
        # The shared link knows the age only: the form asks for the birth date again to change the answers.
        initial = {name: value for name, value in form.cleaned_data.items() if name != "birth_date"}
        context["form"] = _form(data, bound=False, initial=initial)[0]
    village = form.cleaned_data.get("village")
    try:
        answers = selectors.answers_from({name: form.cleaned_data.get(name) for name in ANSWER_FIELDS})
        guide = selectors.guide_for(answers=answers, office=office)
    except rules.PassportInputError as error:
        form.add_error(error.field if error.field in form.fields else None, texts.error_text(error))
        return context
    query = _query(guide.answers, village, office, guide.product)
    context.update(
        result=selectors.guide_out(guide, office=office, officer=selectors.is_office_user(request.user)),
        answers=guide.answers,
        purpose_label=Purpose(answers.purpose).label,
        product_label=Product(guide.product).label,
        case_label=Case(answers.case).label,
        kanims=[office]
        if office
        else (list(kanims_serving_village(village_code=village.code)) if village else []),
        village=village,
        query=query,
        share_url=request.build_absolute_uri(f"{reverse('passport:guide')}?{query}"),
        pdf_url=f"{reverse('passport:checklist_pdf')}?{query}",
        print_url=f"{reverse('passport:guide')}?{query}&print=1",
        mpaspor_url=texts.MPASPOR_URL,
    )
    return context


@public_page("passport_rules")
def guide(request):
    """The wizard; once answered (posted), a redirect to the result at the top of the page (`#hasil`)."""
    if request.method == "POST":
        context = _guide_context(request, data=request.POST)
        if context["result"]:
            return redirect(f"{reverse('passport:guide')}?{context['query']}#hasil")
        return render(request, "passport/guide.html", context, status=200 if context.get("step") else 400)
    context = _guide_context(request)
    if request.GET.get("print") and context["result"]:
        # A printout is handed to the applicant: never the officers' flags and curation notes.
        context["result"]["officer_notes"] = []
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
        (_("Jenis paspor"), str(context["product_label"])),
        (_("Usia pada tanggal permohonan"), _("%(age)s tahun") % {"age": result["age"]}),
        (_("Masa berlaku"), _("%(years)s tahun") % {"years": result["validity_years"]}),
    ]
    content = render_checklist(
        result=result, summary=summary, kanims=context["kanims"], link=context["share_url"]
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="daftar-periksa-paspor.pdf"'
    return response


@public_page("passport_rules")
def glossary(request):
    """Plain-language meanings of the words the guide and the readiness check use."""
    return render(request, "passport/glossary.html", {"terms": texts.GLOSSARY})
