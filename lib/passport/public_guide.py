"""Ordinary passport (paspor biasa) guide: validity, fee composition and the document list.

Framework-free and rule-agnostic: every figure, document and citation comes in as plain rule data (loaded by the
Django layer from the rules in force on the application date), so a new fee schedule or document rule is a data
change, not a code change. Errors and warnings are codes with parameters; the Django layer turns them into
translated messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .products import (
    MIGRANT_VALIDITY_YEARS,
    PRODUCT_EPASSPORT,
    PRODUCT_MIGRANT,
    PRODUCT_PASSPORT,
    ProductRule,
)

PURPOSES = ("tourism", "family_visit", "work", "umrah_hajj", "study", "internship", "other")
CASES = ("new", "replacement_expired", "lost", "damaged", "lost_expired", "damaged_expired")
# Force majeure (disaster) only means something for a passport that was lost or damaged.
LOST_OR_DAMAGED = frozenset({"lost", "damaged", "lost_expired", "damaged_expired"})
# Only a passport lost or damaged while still valid carries a surcharge; once expired the normal fee applies.
SURCHARGE_BY_CASE = {"lost": "surcharge_lost", "damaged": "surcharge_damaged"}
VALIDITY_CHOICES = (5, 10)
APPLICANT_ADULT = "adult"
APPLICANT_CHILD = "child"

# Fee item codes the rule data uses.
SAME_DAY = "same_day"
SURCHARGE_FORCE_MAJEURE = "surcharge_force_majeure"
MIGRANT_WORKER_FIRST = "migrant_worker_first"
FEE_CODES = (
    "passport_5",
    "passport_10",
    "epassport_5",
    "epassport_10",
    SAME_DAY,
    "surcharge_lost",
    "surcharge_damaged",
    SURCHARGE_FORCE_MAJEURE,
    MIGRANT_WORKER_FIRST,
)

# Document rule levels.
REQUIRED = "required"
CONDITIONAL = "conditional"
NOT_REQUIRED = "not_required"

# Error codes (PassportInputError.code).
MISSING = "missing"
UNKNOWN_PURPOSE = "unknown_purpose"
UNKNOWN_CASE = "unknown_case"
BAD_VALIDITY = "bad_validity"
BAD_DATE = "bad_date"
BAD_BOOLEAN = "bad_boolean"
BIRTH_AFTER_APPLICATION = "birth_after_application"
IMPLAUSIBLE_BIRTH_DATE = "implausible_birth_date"
FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED = "force_majeure_needs_lost_or_damaged"
NO_FEE_SCHEDULE = "no_fee_schedule"
NO_VALIDITY_RULE = "no_validity_rule"
FEE_ITEM_MISSING = "fee_item_missing"

# Warning codes (GuideWarning.code).
VALIDITY_REDUCED = "validity_reduced"
MIGRANT_FREE_NOT_APPLICABLE = "migrant_free_not_applicable"
# The office does not issue the product asked for on that day: the guide answers for an electronic passport.
E_PASSPORT_ONLY = "e_passport_only"
PRODUCT_NOT_OFFERED = "product_not_offered"
WORK_UNDER_MIN_AGE = "work_under_min_age"

# Note codes (Guide.notes): the Django layer holds their text.
NOTE_CHILD_PARENTS = "child_parents"
NOTE_CHILD_TRAVEL_ALONE = "child_travel_alone"
NOTE_POLICE_REPORT = "police_report"
NOTE_BAP_APPROVAL = "bap_approval"
NOTE_EXPIRED_LOST_DAMAGED = "expired_lost_damaged"
NOTE_FORCE_MAJEURE = "force_majeure"
NOTE_WORK_ROUTE = "work_route"
NOTE_WALK_IN = "walk_in"
NOTE_LOST_DEFERRAL = "lost_deferral"
NOTE_MIGRANT_ASK_OFFICE = "migrant_ask_office"
NOTE_ORIGINALS = "originals"

MAX_AGE = 130
# UU 18/2017 Art. 5: a migrant worker must be at least 18; the guide warns, the readiness check will enforce.
WORK_MIN_AGE = 18


class PassportInputError(ValueError):
    """Bad answers: `field` names the answer, `code` the reason, `params` fill the message."""

    def __init__(self, field: str, code: str, **params):
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.params = params


@dataclass(frozen=True)
class GuideWarning:
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FeeItemRule:
    code: str
    label: str
    amount_idr: int
    citation: str


@dataclass(frozen=True)
class FeeScheduleRule:
    name: str
    citation: str
    effective_from: dt.date
    items: tuple[FeeItemRule, ...]

    def item(self, code: str) -> FeeItemRule:
        for item in self.items:
            if item.code == code:
                return item
        raise PassportInputError("on", FEE_ITEM_MISSING, item=code, schedule=self.name)

    def has(self, code: str) -> bool:
        return any(item.code == code for item in self.items)


@dataclass(frozen=True)
class DocumentRule:
    """A document that a set of cases needs. Empty `cases`/`purposes` mean every case/purpose."""

    document_code: str
    label: str
    level: str = REQUIRED
    cases: frozenset[str] = frozenset()
    applicant: str = "any"  # any | adult | child
    purposes: frozenset[str] = frozenset()
    force_majeure: str = "any"  # any | yes | no
    condition: str = ""
    description: str = ""
    by_office: bool = False
    citation: str = ""
    conflicting_citation: str = ""
    order: int = 0
    products: frozenset[str] = frozenset()  # empty: whatever passport is asked for
    to_be_confirmed: bool = False
    curation_note: str = ""

    def applies(
        self, *, case: str, applicant: str, purpose: str, force_majeure: bool, product: str = ""
    ) -> bool:
        return (
            (not self.cases or case in self.cases)
            and self.applicant in ("any", applicant)
            and (not self.purposes or purpose in self.purposes)
            and (self.force_majeure == "any" or (self.force_majeure == "yes") == force_majeure)
            and (not self.products or product in self.products)
        )


@dataclass(frozen=True)
class ValidityRuleData:
    citation: str
    adult_age: int = 17
    long_years: int = 10
    short_years: int = 5
    married_counts: bool = True


@dataclass(frozen=True)
class Rules:
    fee_schedule: FeeScheduleRule | None
    documents: tuple[DocumentRule, ...]
    validity: ValidityRuleData | None
    # The products the chosen office issues on the date; None: no office chosen, every product may be asked for.
    products: tuple[ProductRule, ...] | None = None

    def offered(self) -> tuple[str, ...] | None:
        return None if self.products is None else tuple(p.code for p in self.products)


@dataclass(frozen=True)
class Answers:
    purpose: str
    case: str
    birth_date: dt.date
    on: dt.date
    married: bool = False
    electronic: bool = False
    validity_years: int = 5
    same_day: bool = False
    force_majeure: bool = False
    migrant_worker_first: bool = False


@dataclass(frozen=True)
class FeeLine:
    code: str
    label: str
    amount_idr: int
    citation: str


@dataclass(frozen=True)
class DocumentLine:
    code: str
    label: str
    conditional: bool
    condition: str
    description: str
    by_office: bool
    citation: str
    conflicting_citation: str
    to_be_confirmed: bool = False
    curation_note: str = ""


@dataclass(frozen=True)
class Guide:
    answers: Answers
    age: int
    applicant: str
    validity_years: int
    fee_schedule: str
    fee_items: tuple[FeeLine, ...]
    documents: tuple[DocumentLine, ...]
    not_needed: tuple[DocumentLine, ...]
    warnings: tuple[GuideWarning, ...]
    notes: tuple[str, ...]
    citations: tuple[str, ...]
    product: str = PRODUCT_PASSPORT
    products: tuple[ProductRule, ...] | None = None

    @property
    def fee_total_idr(self) -> int:
        return sum(item.amount_idr for item in self.fee_items)


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Whole years completed on `on` (someone born on 29 February has a birthday on 1 March in common years)."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def validate(answers: Answers) -> None:
    """Raise PassportInputError for the first answer that cannot be used."""
    if not answers.purpose:
        raise PassportInputError("purpose", MISSING)
    if answers.purpose not in PURPOSES:
        raise PassportInputError("purpose", UNKNOWN_PURPOSE, value=answers.purpose)
    if not answers.case:
        raise PassportInputError("case", MISSING)
    if answers.case not in CASES:
        raise PassportInputError("case", UNKNOWN_CASE, value=answers.case)
    if answers.validity_years not in VALIDITY_CHOICES:
        raise PassportInputError("validity_years", BAD_VALIDITY, value=answers.validity_years)
    if answers.birth_date > answers.on:
        raise PassportInputError("birth_date", BIRTH_AFTER_APPLICATION)
    if age_on(answers.birth_date, answers.on) > MAX_AGE:
        raise PassportInputError("birth_date", IMPLAUSIBLE_BIRTH_DATE, max_age=MAX_AGE)
    if answers.force_majeure and answers.case not in LOST_OR_DAMAGED:
        raise PassportInputError("force_majeure", FORCE_MAJEURE_NEEDS_LOST_OR_DAMAGED)


def max_validity(*, age: int, married: bool, rule: ValidityRuleData) -> int:
    """The longest validity the rule allows this applicant."""
    if age >= rule.adult_age or (married and rule.married_counts):
        return rule.long_years
    return rule.short_years


def validity(answers: Answers, rule: ValidityRuleData) -> tuple[int, GuideWarning | None]:
    """The validity granted and, when it is shorter than asked, a warning saying why."""
    age = age_on(answers.birth_date, answers.on)
    allowed = max_validity(age=age, married=answers.married, rule=rule)
    if answers.validity_years <= allowed:
        return answers.validity_years, None
    return allowed, GuideWarning(
        VALIDITY_REDUCED,
        {
            "age": age,
            "adult_age": rule.adult_age,
            "asked": answers.validity_years,
            "given": allowed,
            "citation": rule.citation,
        },
    )


def _fee_line(item: FeeItemRule, schedule: FeeScheduleRule) -> FeeLine:
    return FeeLine(item.code, item.label, item.amount_idr, item.citation or schedule.citation)


def migrant_free_applies(answers: Answers, validity_years: int | None = None) -> bool:
    """Permenkumham 9/2020: a first passport for a migrant worker (24 pages, 5 years, non-electronic).

    Choosing it sets the validity it allows, so the validity asked for does not matter (kept for callers).
    """
    return answers.purpose == "work" and answers.case == "new" and not answers.same_day


def product_of(answers: Answers) -> str:
    if answers.migrant_worker_first:
        return PRODUCT_MIGRANT
    return PRODUCT_EPASSPORT if answers.electronic else PRODUCT_PASSPORT


def fit_product(
    answers: Answers, offered: tuple[str, ...] | None
) -> tuple[Answers, tuple[GuideWarning, ...]]:
    """The answers for a product the office issues on that day, with a warning for each change made.

    No office (offered is None) or an office without product rows: nothing changes. A paper passport asked of an
    e-passport-only office becomes an electronic one (`e_passport_only`); a free migrant-worker passport the office
    does not list falls back to the office's passport (`product_not_offered`), never silently.
    """
    if not offered:
        return answers, ()
    warnings = []
    asked = product_of(answers)
    if asked == PRODUCT_MIGRANT and PRODUCT_MIGRANT not in offered:
        answers = replace(answers, migrant_worker_first=False)
        warnings.append(GuideWarning(PRODUCT_NOT_OFFERED, {"asked": asked}))
    product = product_of(answers)
    if product not in offered and product != PRODUCT_MIGRANT:
        if PRODUCT_EPASSPORT in offered:
            answers = replace(answers, electronic=True)
            warnings.append(GuideWarning(E_PASSPORT_ONLY, {"asked": product}))
        elif PRODUCT_PASSPORT in offered:
            answers = replace(answers, electronic=False)
            warnings.append(GuideWarning(PRODUCT_NOT_OFFERED, {"asked": product}))
    return answers, tuple(warnings)


def fee(
    answers: Answers, schedule: FeeScheduleRule, validity_years: int
) -> tuple[tuple[FeeLine, ...], GuideWarning | None]:
    """The fee items: the passport itself, then any surcharge, then same-day service."""
    warning = None
    base_code = f"{'epassport' if answers.electronic else 'passport'}_{validity_years}"
    if answers.migrant_worker_first and migrant_free_applies(answers):
        if schedule.has(MIGRANT_WORKER_FIRST):
            base_code = MIGRANT_WORKER_FIRST
        else:
            warning = GuideWarning(
                MIGRANT_FREE_NOT_APPLICABLE, {"reason": "schedule", "schedule": schedule.name}
            )
    elif answers.migrant_worker_first:
        warning = GuideWarning(MIGRANT_FREE_NOT_APPLICABLE, {"reason": "answers"})
    lines = [_fee_line(schedule.item(base_code), schedule)]
    surcharge = SURCHARGE_BY_CASE.get(answers.case)
    if surcharge:
        code = SURCHARGE_FORCE_MAJEURE if answers.force_majeure else surcharge
        lines.append(_fee_line(schedule.item(code), schedule))
    if answers.same_day:
        lines.append(_fee_line(schedule.item(SAME_DAY), schedule))
    return tuple(lines), warning


def _document_line(rule: DocumentRule) -> DocumentLine:
    return DocumentLine(
        code=rule.document_code,
        label=rule.label,
        conditional=rule.level == CONDITIONAL,
        condition=rule.condition,
        description=rule.description,
        by_office=rule.by_office,
        citation=rule.citation,
        conflicting_citation=rule.conflicting_citation,
        to_be_confirmed=rule.to_be_confirmed,
        curation_note=rule.curation_note,
    )


def documents(
    answers: Answers, applicant: str, rules: Iterable[DocumentRule], product: str = ""
) -> tuple[tuple[DocumentLine, ...], tuple[DocumentLine, ...]]:
    """(documents to bring, documents explicitly not needed), one line per document code.

    When two rules name the same document, a required one wins over a conditional one.
    """
    matching = sorted(
        (
            rule
            for rule in rules
            if rule.applies(
                case=answers.case,
                applicant=applicant,
                purpose=answers.purpose,
                force_majeure=answers.force_majeure,
                product=product or product_of(answers),
            )
        ),
        key=lambda rule: (rule.order, rule.document_code),
    )
    needed: dict[str, DocumentRule] = {}
    not_needed: dict[str, DocumentRule] = {}
    for rule in matching:
        if rule.level == NOT_REQUIRED:
            not_needed.setdefault(rule.document_code, rule)
            continue
        current = needed.get(rule.document_code)
        if current is None or (current.level == CONDITIONAL and rule.level == REQUIRED):
            needed[rule.document_code] = rule
    for code in needed:
        not_needed.pop(code, None)
    return (
        tuple(_document_line(rule) for rule in needed.values()),
        tuple(_document_line(rule) for rule in not_needed.values()),
    )


def notes(
    answers: Answers, age: int, applicant: str, offered: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    found = [NOTE_ORIGINALS]
    if applicant == APPLICANT_CHILD:
        found += [NOTE_CHILD_PARENTS, NOTE_CHILD_TRAVEL_ALONE]
    if answers.case in ("lost", "lost_expired"):
        found.append(NOTE_POLICE_REPORT)
    if answers.case in SURCHARGE_BY_CASE:
        found.append(NOTE_BAP_APPROVAL)
    if answers.case in ("lost_expired", "damaged_expired"):
        found.append(NOTE_EXPIRED_LOST_DAMAGED)
    if answers.case in LOST_OR_DAMAGED and not answers.force_majeure:
        found.append(NOTE_LOST_DEFERRAL)
    if answers.force_majeure:
        found.append(NOTE_FORCE_MAJEURE)
    # Priority walk-in (60+, disabled, pregnant, under 5): said to everyone, since disability and pregnancy are not
    # asked.
    found.append(NOTE_WALK_IN)
    if answers.purpose == "work":
        found.append(NOTE_WORK_ROUTE)
        if offered and PRODUCT_MIGRANT not in offered and answers.case == "new":
            found.append(NOTE_MIGRANT_ASK_OFFICE)
    return tuple(found)


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text for text in texts if text))


def guide(answers: Answers, rules: Rules) -> Guide:
    """Everything the applicant needs to know, computed from the rules in force on `answers.on`."""
    validate(answers)
    if rules.validity is None:
        raise PassportInputError("on", NO_VALIDITY_RULE, on=answers.on)
    if rules.fee_schedule is None:
        raise PassportInputError("on", NO_FEE_SCHEDULE, on=answers.on)
    answers, product_warnings = fit_product(answers, rules.offered())
    if answers.migrant_worker_first and migrant_free_applies(answers):
        answers = replace(answers, electronic=False, validity_years=MIGRANT_VALIDITY_YEARS)
    age = age_on(answers.birth_date, answers.on)
    # Permenkumham 18/2022 and the document lists draw the same line: under 17 and unmarried is a child.
    adult = age >= rules.validity.adult_age or answers.married
    applicant = APPLICANT_ADULT if adult else APPLICANT_CHILD
    years, validity_warning = validity(answers, rules.validity)
    fee_items, fee_warning = fee(answers, rules.fee_schedule, years)
    free = migrant_free_applies(answers)
    product = product_of(answers if free else replace(answers, migrant_worker_first=False))
    needed, not_needed = documents(answers, applicant, rules.documents, product)
    work_warning = (
        GuideWarning(WORK_UNDER_MIN_AGE, {"age": age, "min_age": WORK_MIN_AGE})
        if answers.purpose == "work" and age < WORK_MIN_AGE
        else None
    )
    citations = _unique(
        [rules.validity.citation, rules.fee_schedule.citation]
        + [item.citation for item in fee_items]
        + [p.citation for p in rules.products or () if p.code == product]
        + [c for line in needed + not_needed for c in (line.citation, line.conflicting_citation)]
    )
    return Guide(
        answers=answers,
        age=age,
        applicant=applicant,
        validity_years=years,
        fee_schedule=rules.fee_schedule.name,
        fee_items=fee_items,
        documents=needed,
        not_needed=not_needed,
        warnings=product_warnings
        + tuple(w for w in (validity_warning, fee_warning, work_warning) if w is not None),
        notes=notes(answers, age, applicant, rules.offered()),
        citations=citations,
        product=product,
        products=rules.products,
    )


def rupiah(amount: int) -> str:
    """Indonesian money format: 1950000 → "Rp1.950.000"."""
    return "Rp" + f"{amount:,}".replace(",", ".")
