"""The passport guide offline (issue 15): every guide rule as one small JSON document with its generation, for the
browser to repeat lib.passport's computation without a connection (desabinaan/static/js/guide-offline.js).

The document holds every rule row with its effective period (not only today's), so the browser picks the rules in
force on the application date exactly as selectors.rules_on does, per office for the products. Labels and texts are
in the page's language. Built once per rule generation and language (core.cache), served with an ETag so a phone
revalidates it cheaply; tests/browser/test_guide_offline.py checks the browser and the server agree on every case
of the guide's test table, also when only a village is given (the document maps each served regency to its office).

The guide page itself opens again without a connection through the service worker at /paspor/sw.js
(templates/passport/sw.js), registered by guide-offline.js.
"""

import json

from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

from desabinaan.core.cache import generations, memo
from desabinaan.offices.models import Kanim, WorkingAreaAssignment
from lib import passport as rules

from . import texts
from .models import DocumentRequirement, FeeSchedule, PassportProduct, Product, ValidityRule
from .selectors import _label

GENERATION = "passport_rules"
# What the guide page loads (base.html and guide.html): the service worker keeps a copy of each at install.
PAGE_ASSETS = (
    "css/app.css",
    "img/favicon.svg",
    "vendor/htmx-2.0.11.min.js",
    "js/app.js",
    "js/guide-offline.js",
    "js/focus-result.js",
)


def _period(row) -> dict:
    return {
        "id": row.pk,
        "effective_from": row.effective_from.isoformat(),
        "effective_to": row.effective_to.isoformat() if row.effective_to else None,
    }


def rules_document(*, generation: int) -> dict:
    """Every guide rule as plain JSON data (see the module docstring)."""
    schedules = FeeSchedule.objects.prefetch_related("items").order_by("-effective_from", "-id")
    requirements = DocumentRequirement.objects.select_related("document").order_by("-effective_from", "-id")
    return {
        "generation": generation,
        "language": get_language(),
        "fee_schedules": [
            {
                **_period(s),
                "name": s.name,
                "citation": s.citation,
                "items": [
                    {
                        "code": i.code,
                        "label": _label(i.label, i.label_en),
                        "amount_idr": i.amount_idr,
                        "citation": i.citation,
                    }
                    for i in s.items.all()
                ],
            }
            for s in schedules
        ],
        "validity_rules": [
            {
                **_period(v),
                "citation": v.citation,
                "adult_age": v.adult_age,
                "long_years": v.long_years,
                "short_years": v.short_years,
                "married_counts": v.married_counts,
            }
            for v in ValidityRule.objects.order_by("-effective_from", "-id")
        ],
        "documents": [
            {
                **_period(r),
                # selectors.document_requirements_on: a newer row with the same scope supersedes an older one.
                "scope": json.dumps([r.document_id, r.cases, r.applicant, r.purposes, r.force_majeure]),
                "document_code": r.document.code,
                "label": _label(r.document.label, r.document.label_en),
                "level": r.level,
                "cases": r.case_codes,
                "applicant": r.applicant,
                "purposes": r.purpose_codes,
                "force_majeure": r.force_majeure,
                "condition": _label(r.condition, r.condition_en),
                "description": _label(r.document.description, r.document.description_en),
                "by_office": r.document.provided_by_office,
                "citation": r.citation,
                "conflicting_citation": r.conflicting_citation,
                "order": r.order,
                "products": r.product_codes,
            }
            for r in requirements
        ],
        "products": [
            {
                **_period(p),
                "office": p.office_id or "",
                "code": p.product,
                "citation": p.citation,
                "order": p.order,
            }
            for p in PassportProduct.objects.order_by("order", "-effective_from", "-id")
        ],
        "product_labels": {code: str(label) for code, label in Product.choices},
        "offices": [
            {"id": pk, "name": name} for pk, name in Kanim.objects.order_by("name").values_list("pk", "name")
        ],
        "regency_offices": regency_offices(),
        "notes": {code: str(text) for code, text in texts.NOTES.items()},
        "warnings": {
            rules.E_PASSPORT_ONLY: str(texts.E_PASSPORT_ONLY),
            rules.PRODUCT_NOT_OFFERED: str(texts.PRODUCT_NOT_OFFERED),
            rules.VALIDITY_REDUCED: str(texts.VALIDITY_REDUCED),
            rules.WORK_UNDER_MIN_AGE: str(texts.WORK_UNDER_MIN_AGE),
            "migrant_free_schedule": str(texts.MIGRANT_FREE_NOT_IN_SCHEDULE),
            "migrant_free_answers": str(texts.MIGRANT_FREE_WRONG_ANSWERS),
        },
        "work_citations": [str(texts.WORK_ROUTE_CITATION), str(texts.RED_FLAGS_CITATION)],
        "limits": {"max_age": rules.MAX_AGE, "work_min_age": rules.WORK_MIN_AGE, "migrant_validity_years": 5},
    }


def regency_offices() -> dict[str, int]:
    """Regency code ("17.08") -> the id of the office serving it today, as selectors.office_for picks it for a
    village (a current working area; the first office by name): the guide answers for a village's office offline.
    One entry per served regency (about 500 nationally, a few kilobytes)."""
    mapping: dict[str, int] = {}
    rows = WorkingAreaAssignment.objects.filter(valid_to__isnull=True).order_by("kanim__name", "kanim_id")
    for regency, kanim in rows.values_list("regency_id", "kanim_id"):
        mapping.setdefault(regency, kanim)
    return mapping


def guide_rules(request):
    """GET /paspor/aturan.json: the rules document, revalidated by its generation and language (ETag)."""
    generation = generations().get(GENERATION, 0)
    etag = f'"passport-rules-{generation}-{get_language()}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    body = memo(
        GENERATION,
        f"rules-document:{get_language()}",
        lambda: json.dumps(rules_document(generation=generation), ensure_ascii=False),
        gens={GENERATION: generation},
    )
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


def service_worker(request):
    """GET /paspor/sw.js: the guide's service worker. Served from /paspor/ so its scope is the guide (and nothing
    outside it); it keeps the guide page, its scripts and style and the rules document at install and answers them
    network-first, from its copy without a connection. Its cache is named after the rule generation, so a rule
    change installs a new worker that fetches everything again."""
    guide = reverse("passport:guide")
    assets = [guide, reverse("passport:guide_rules"), *(static(name) for name in PAGE_ASSETS)]
    body = render_to_string(
        "passport/sw.js",
        {
            "cache": json.dumps(f"desabinaan-paspor-{generations().get(GENERATION, 0)}"),
            "guide": json.dumps(guide),
            "assets": json.dumps(assets),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = guide
    return response
