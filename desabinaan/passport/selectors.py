"""Reads of the passport app: the guide rules in force on a date, readiness checks and collective requests."""

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone, translation

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.offices.models import Kanim
from desabinaan.offices.selectors import kanims_serving_village
from desabinaan.people.selectors import people_for_user
from desabinaan.regions.selectors import normalize_code, village_get
from lib import passport as rules

from . import texts
from .models import (
    CollectiveApplicant,
    CollectiveRequest,
    CollectiveServiceRule,
    DocumentRequirement,
    DocumentType,
    FeeSchedule,
    MoratoriumRule,
    PassportProduct,
    Product,
    ReadinessCheck,
    ReadinessOutcome,
    ValidityRule,
)

BOOLEAN_FIELDS = ("married", "electronic", "same_day", "force_majeure", "migrant_worker_first")
OFFICE_UNKNOWN = "office_unknown"
VILLAGE_UNKNOWN = "village_unknown"
UNKNOWN_PRODUCT = "unknown_product"


def in_english() -> bool:
    return (translation.get_language() or "").startswith("en")


def _label(indonesian: str, english: str) -> str:
    """A data label in the active language: the English one when the page speaks English and it is filled in."""
    return english if english and in_english() else indonesian


def _in_force(on: dt.date) -> Q:
    return Q(effective_from__lte=on) & (Q(effective_to__isnull=True) | Q(effective_to__gte=on))


def fee_schedule_on(*, on: dt.date) -> FeeSchedule | None:
    """The fee schedule in force on `on`: the latest one that had started and not yet ended."""
    return (
        FeeSchedule.objects.filter(_in_force(on))
        .order_by("-effective_from", "-id")
        .prefetch_related("items")
        .first()
    )


def validity_rule_on(*, on: dt.date) -> ValidityRule | None:
    return ValidityRule.objects.filter(_in_force(on)).order_by("-effective_from", "-id").first()


def document_requirements_on(*, on: dt.date) -> list[DocumentRequirement]:
    """Requirements in force on `on`; a newer row with the same scope supersedes an older one that was not closed."""
    rows: QuerySet[DocumentRequirement] = (
        DocumentRequirement.objects.filter(_in_force(on))
        .select_related("document")
        .order_by("-effective_from", "-id")
    )
    latest: dict[tuple, DocumentRequirement] = {}
    for row in rows:
        key = (row.document_id, row.cases, row.applicant, row.purposes, row.force_majeure)
        latest.setdefault(key, row)
    return list(latest.values())


def _schedule_data(schedule: FeeSchedule) -> rules.FeeScheduleRule:
    return rules.FeeScheduleRule(
        name=schedule.name,
        citation=schedule.citation,
        effective_from=schedule.effective_from,
        items=tuple(
            rules.FeeItemRule(
                code=i.code, label=_label(i.label, i.label_en), amount_idr=i.amount_idr, citation=i.citation
            )
            for i in schedule.items.all()
        ),
    )


def office_for(*, office_id=None, village_code: str = "") -> Kanim | None:
    """The office a guide answers for: the one named, else the one serving the village; PassportInputError when the
    id or the code names nothing."""
    if office_id not in (None, ""):
        office = Kanim.objects.filter(pk=office_id).first() if str(office_id).isdigit() else None
        if office is None:
            raise rules.PassportInputError("office_id", OFFICE_UNKNOWN)
        return office
    if village_code:
        village = village_get(code=normalize_code(str(village_code).strip()))
        if village is None:
            raise rules.PassportInputError("village_code", VILLAGE_UNKNOWN)
        return kanims_serving_village(village_code=village.code).order_by("name").first()
    return None


def products_on(*, on: dt.date, office: Kanim | None) -> tuple[rules.ProductRule, ...] | None:
    """The products `office` issues on `on`: its own rows in force, else the default rows; None without an office."""
    if office is None:
        return None
    rows = list(
        PassportProduct.objects.filter(_in_force(on))
        .filter(Q(office_id=office.name) | Q(office__isnull=True))
        .order_by("order", "-effective_from", "-id")
    )
    own = [row for row in rows if row.office_id]
    chosen: dict[str, PassportProduct] = {}
    for row in own or [row for row in rows if not row.office_id]:
        chosen.setdefault(row.product, row)
    if not chosen:
        return None
    return tuple(
        rules.ProductRule(
            code=row.product,
            label=str(Product(row.product).label),
            citation=row.citation,
            office=row.office_id or "",
            to_be_confirmed=row.to_be_confirmed,
            curation_note=row.curation_note,
        )
        for row in chosen.values()
    )


def rules_on(*, on: dt.date, office: Kanim | None = None) -> rules.Rules:
    """The rules in force on `on` (for `office`: its products), as the plain data lib.passport computes with."""
    schedule = fee_schedule_on(on=on)
    validity = validity_rule_on(on=on)
    return rules.Rules(
        products=products_on(on=on, office=office),
        fee_schedule=_schedule_data(schedule) if schedule else None,
        validity=(
            rules.ValidityRuleData(
                citation=validity.citation,
                adult_age=validity.adult_age,
                long_years=validity.long_years,
                short_years=validity.short_years,
                married_counts=validity.married_counts,
            )
            if validity
            else None
        ),
        documents=tuple(
            rules.DocumentRule(
                document_code=r.document.code,
                label=_label(r.document.label, r.document.label_en),
                level=r.level,
                cases=frozenset(r.case_codes),
                applicant=r.applicant,
                purposes=frozenset(r.purpose_codes),
                force_majeure=r.force_majeure,
                condition=_label(r.condition, r.condition_en),
                description=_label(r.document.description, r.document.description_en),
                by_office=r.document.provided_by_office,
                citation=r.citation,
                conflicting_citation=r.conflicting_citation,
                order=r.order,
                products=frozenset(r.product_codes),
                to_be_confirmed=r.to_be_confirmed,
                curation_note=r.curation_note,
            )
            for r in document_requirements_on(on=on)
        ),
    )


def _date(field: str, value, *, default: dt.date | None = None) -> dt.date:
    if value in (None, ""):
        if default is not None:
            return default
        raise rules.PassportInputError(field, rules.MISSING)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise rules.PassportInputError(field, rules.BAD_DATE) from None


def _bool(field: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if value in (None, "", "0", "false", "False", "off", "no"):
        return False
    if value in ("1", "true", "True", "on", "yes"):
        return True
    raise rules.PassportInputError(field, rules.BAD_BOOLEAN)


def answers_from(data) -> rules.Answers:
    """Answers from a mapping of API values or query-string strings; PassportInputError names the bad field."""
    validity_years = data.get("validity_years")
    if validity_years in (None, ""):
        raise rules.PassportInputError("validity_years", rules.MISSING)
    try:
        validity_years = int(validity_years)
    except (TypeError, ValueError):
        raise rules.PassportInputError("validity_years", rules.BAD_VALIDITY) from None
    product = (data.get("product") or "").strip()
    flags = {name: _bool(name, data.get(name)) for name in BOOLEAN_FIELDS}
    if product:
        # The page asks for the product; the API keeps its two flags (electronic, migrant_worker_first).
        if product not in rules.PRODUCTS:
            raise rules.PassportInputError("product", UNKNOWN_PRODUCT)
        flags["electronic"] = product == rules.PRODUCT_EPASSPORT
        flags["migrant_worker_first"] = product == rules.PRODUCT_MIGRANT
    answers = rules.Answers(
        purpose=(data.get("purpose") or "").strip(),
        case=(data.get("case") or "").strip(),
        birth_date=_date("birth_date", data.get("birth_date")),
        on=_date("on", data.get("on"), default=timezone.localdate()),
        validity_years=validity_years,
        **flags,
    )
    rules.validate(answers)
    return answers


def guide_for(*, answers: rules.Answers, office: Kanim | None = None) -> rules.Guide:
    return rules.guide(answers, rules_on(on=answers.on, office=office))


def officer_notes(guide: rules.Guide) -> list[dict]:
    """Rules of this guide flagged "to be confirmed by the office" and curation notes: for officers only."""
    found = [(d.label, d.to_be_confirmed, d.curation_note) for d in guide.documents + guide.not_needed] + [
        (p.label, p.to_be_confirmed, p.curation_note) for p in guide.products or () if p.code == guide.product
    ]
    return [
        {"rule": label, "to_be_confirmed": flagged, "note": note}
        for label, flagged, note in found
        if flagged or note
    ]


def guide_out(guide: rules.Guide, *, office: Kanim | None = None, officer: bool = False) -> dict:
    """The guide as plain data: the API response, the page and the PDF all use this shape.

    `officer_notes` (flags and curation notes) only for an officer's page, never the public API.
    """
    work = guide.answers.purpose == "work"
    citations = list(guide.citations)
    if work:
        citations += [str(texts.WORK_ROUTE_CITATION), str(texts.RED_FLAGS_CITATION)]
    return {
        "validity_years": guide.validity_years,
        "requested_validity_years": guide.answers.validity_years,
        "age": guide.age,
        "applicant": guide.applicant,
        "on": guide.answers.on.isoformat(),
        "fee": {
            "schedule": guide.fee_schedule,
            "total_idr": guide.fee_total_idr,
            "items": [
                {"code": i.code, "label": i.label, "amount_idr": i.amount_idr, "citation": i.citation}
                for i in guide.fee_items
            ],
        },
        "documents": [
            {
                "code": d.code,
                "label": d.label,
                "conditional": d.conditional,
                "condition": d.condition,
                "description": d.description,
                "by_office": d.by_office,
            }
            for d in guide.documents
        ],
        "not_needed": [{"code": d.code, "label": d.label, "citation": d.citation} for d in guide.not_needed],
        "steps": [{"code": code, "text": str(text), "url": url} for code, text, url in texts.STEPS],
        "warnings": [{"code": w.code, "message": texts.warning_text(w)} for w in guide.warnings],
        "notes": [str(texts.NOTES[code]) for code in guide.notes],
        "work_route": (
            {
                "requirements": [str(t) for t in texts.WORK_ROUTE],
                "red_flags": [str(t) for t in texts.RED_FLAGS],
            }
            if work
            else None
        ),
        "citations": citations,
        "office": {"id": office.pk, "name": office.name} if office else None,
        "product": guide.product,
        "products": (
            [{"code": p.code, "label": p.label} for p in guide.products]
            if guide.products is not None
            else None
        ),
        "officer_notes": officer_notes(guide) if officer else [],
    }


def fee_schedule_out(schedule: FeeSchedule) -> dict:
    return {
        "name": schedule.name,
        "citation": schedule.citation,
        "effective_from": schedule.effective_from,
        "effective_to": schedule.effective_to,
        "items": [
            {
                "code": i.code,
                "label": _label(i.label, i.label_en),
                "amount_idr": i.amount_idr,
                "citation": i.citation or schedule.citation,
            }
            for i in schedule.items.all()
        ],
    }


# ---------------------------------------------------------------------------------------------------------------
# Readiness checks and collective requests: evaluation from the rules, and scoped reads.
# ---------------------------------------------------------------------------------------------------------------

OFFICE_ROLES = frozenset({Role.OFFICER, Role.PIMPASA, Role.NATIONAL_ADMIN})


def is_office_user(user) -> bool:
    """Officers, PIMPASA and national administrators: they record outcomes and decide collective requests."""
    return bool(getattr(user, "is_authenticated", False)) and (user.is_superuser or user.role in OFFICE_ROLES)


def moratoria_on(*, on: dt.date) -> list[rules.MoratoriumData]:
    return [
        row.as_data()
        for row in MoratoriumRule.objects.filter(_in_force(on)).order_by("-effective_from", "-id")
    ]


def collective_rule_on(*, on: dt.date) -> CollectiveServiceRule | None:
    return CollectiveServiceRule.objects.filter(_in_force(on)).order_by("-effective_from", "-id").first()


def person_age_on(person, on: dt.date) -> int:
    """The person's age; with only a birth year known, the youngest possible age (the under-18 rule errs safe)."""
    birth = person.birth_date or dt.date(person.birth_year, 12, 31)
    return max(rules.age_on(birth, on), 0)


def readiness_evaluate(intention: rules.Intention) -> tuple[list[dict], list[dict]]:
    """(missing documents, warnings) for an intention, from the rules in force on its date, as stored/returned."""
    rule_set = rules_on(on=intention.on)
    disnaker = next(
        (
            d
            for d in rule_set.documents
            if d.document_code == rules.DISNAKER_DOCUMENT and d.level == rules.REQUIRED
        ),
        None,
    )
    disnaker_citation = ""
    if disnaker is not None:
        disnaker_citation = " ".join(c for c in (disnaker.citation, disnaker.conflicting_citation) if c)
    warnings = rules.readiness_warnings(
        intention, moratoria=moratoria_on(on=intention.on), disnaker_citation=disnaker_citation
    )
    missing = [{"code": d.code, "label": d.label} for d in rules.missing_documents(intention, rule_set)]
    return missing, [
        {
            "code": w.code,
            "params": w.params,
            "citation": w.citation or str(texts.READINESS_CITATIONS[w.code]),
        }
        for w in warnings
    ]


def warnings_out(stored: list[dict]) -> list[dict]:
    """Stored warnings with their message in the current language."""
    return [
        {
            "code": w["code"],
            "message": texts.readiness_warning_text(w["code"], w.get("params", {})),
            "citation": w["citation"],
        }
        for w in stored
    ]


def document_choices() -> list[tuple[str, str]]:
    """Document types a resident can have in hand (office-made ones such as the BAP are not theirs to bring)."""
    rows = DocumentType.objects.filter(provided_by_office=False).values_list("code", "label", "label_en")
    return sorted(((code, _label(label, label_en)) for code, label, label_en in rows), key=lambda c: c[1])


def readiness_checks_for_user(
    user, *, status: str = "", village_code: str = "", flagged: bool = False
) -> QuerySet[ReadinessCheck]:
    qs = scope_for(user).filter(
        ReadinessCheck.objects.select_related("person", "village__district", "village__regency"),
        path="village",
    )
    if status:
        qs = qs.filter(status=status)
    if village_code:
        qs = qs.filter(village_id=village_code)
    if flagged:
        # Route warnings nobody has acted on yet (no screening, referral or report started from the check).
        qs = qs.exclude(warnings=[]).filter(followed_up_at__isnull=True)
    return qs.order_by("-created_at", "-id")


def readiness_check_get_for_user(user, *, reference: str) -> ReadinessCheck:
    check = (
        scope_for(user)
        .filter(
            ReadinessCheck.objects.select_related(
                "person", "village__district", "village__regency", "created_by"
            ),
            path="village",
        )
        .filter(reference=rules.normalize_reference(reference))
        .first()
    )
    if check is None:
        raise Http404
    return check


def readiness_outcomes(check: ReadinessCheck) -> list[ReadinessOutcome]:
    return list(check.outcomes.select_related("recorded_by").order_by("-on", "-id"))


def collective_requests_for_user(user, *, status: str = "") -> QuerySet[CollectiveRequest]:
    qs = scope_for(user).filter(
        CollectiveRequest.objects.select_related("village__district", "village__regency").annotate(
            applicant_count=Count("applicants")
        ),
        path="village",
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def collective_request_get_for_user(user, *, pk: int) -> CollectiveRequest:
    request = (
        scope_for(user)
        .filter(
            CollectiveRequest.objects.select_related(
                "village__district", "village__regency", "decided_by", "created_by"
            ),
            path="village",
        )
        .filter(pk=pk)
        .first()
    )
    if request is None:
        raise Http404
    return request


def collective_applicants(request: CollectiveRequest) -> list[CollectiveApplicant]:
    return list(request.applicants.select_related("person").order_by("person__name", "id"))


def collective_candidates(user, request: CollectiveRequest, *, q: str = "", limit: int = 100):
    """Persons of the request's village in the user's scope who are not yet applicants."""
    return list(
        people_for_user(user, q=q)
        .filter(village_id=request.village_id)
        .exclude(collective_requests__request=request)[:limit]
    )
