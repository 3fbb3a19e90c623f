"""Reads for the passport guide: the rules in force on a date, and the guide computed from them."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from lib import passport as rules

from . import texts
from .models import DocumentRequirement, FeeSchedule, ValidityRule

BOOLEAN_FIELDS = ("married", "electronic", "same_day", "force_majeure", "migrant_worker_first")


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
            rules.FeeItemRule(code=i.code, label=i.label, amount_idr=i.amount_idr, citation=i.citation)
            for i in schedule.items.all()
        ),
    )


def rules_on(*, on: dt.date) -> rules.Rules:
    """The rules in force on `on`, as the plain data lib.passport computes with (four queries)."""
    schedule = fee_schedule_on(on=on)
    validity = validity_rule_on(on=on)
    return rules.Rules(
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
                label=r.document.label,
                level=r.level,
                cases=frozenset(r.case_codes),
                applicant=r.applicant,
                purposes=frozenset(r.purpose_codes),
                force_majeure=r.force_majeure,
                condition=r.condition,
                description=r.document.description,
                by_office=r.document.provided_by_office,
                citation=r.citation,
                conflicting_citation=r.conflicting_citation,
                order=r.order,
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
    answers = rules.Answers(
        purpose=(data.get("purpose") or "").strip(),
        case=(data.get("case") or "").strip(),
        birth_date=_date("birth_date", data.get("birth_date")),
        on=_date("on", data.get("on"), default=timezone.localdate()),
        validity_years=validity_years,
        **{name: _bool(name, data.get(name)) for name in BOOLEAN_FIELDS},
    )
    rules.validate(answers)
    return answers


def guide_for(*, answers: rules.Answers) -> rules.Guide:
    return rules.guide(answers, rules_on(on=answers.on))


def guide_out(guide: rules.Guide) -> dict:
    """The guide as plain data: the API response, the page and the PDF all use this shape."""
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
                "label": i.label,
                "amount_idr": i.amount_idr,
                "citation": i.citation or schedule.citation,
            }
            for i in schedule.items.all()
        ],
    }
