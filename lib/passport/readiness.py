"""Village-assisted readiness check: the documents still missing and the procedural-route warnings for work abroad.

Inputs are behaviours, documents and routes only. The one personal attribute that enters is the age, because the
law draws that line (UU 18/2017 Art. 5: a migrant worker is at least 18); sex, religion, ethnicity or home village
never do (docs/rules.md §3). Rule data (the moratorium country list, the Disnaker document rule) comes in as arguments.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text import fold
from .public_guide import (
    APPLICANT_ADULT,
    APPLICANT_CHILD,
    WORK_MIN_AGE,
    Answers,
    DocumentLine,
    Rules,
    documents,
)

# Crockford-like alphabet without the look-alikes 0/O, 1/I/L and U, so a code read out over the phone survives.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_GROUPS = 2
REFERENCE_GROUP_LENGTH = 4

JOB_TYPES = (
    "domestic_worker",
    "housekeeper",
    "baby_sitter",
    "family_cook",
    "elderly_caretaker",
    "family_driver",
    "child_care",
    "caregiver",
    "factory",
    "plantation",
    "construction",
    "fishing",
    "hospitality",
    "other",
)
# Purposes under which a job abroad is not allowed: a visit or worship visa used to work is a red flag.
VISIT_PURPOSES = frozenset({"tourism", "family_visit", "umrah_hajj"})
# Study or internship abroad with paid work in view: the 2024 "ferienjob" case (docs/rules.md §4).
STUDY_PURPOSES = frozenset({"study", "internship"})
DISNAKER_DOCUMENT = "disnaker_recommendation"

# Readiness warning codes (RouteWarning.code); the Django layer holds their messages and default citations.
RC_UNDER_MIN_AGE = "under_18"
RC_AGENCY_UNVERIFIED = "agency_unverified"
RC_NO_DISNAKER = "no_disnaker_recommendation"
RC_MORATORIUM = "moratorium"
RC_VISIT_WITH_JOB = "visit_purpose_with_job_offer"
RC_PAID_UP_FRONT = "paid_up_front"
RC_NO_PLACEMENT_AGREEMENT = "no_placement_agreement"
RC_SCAM_DESTINATION = "scam_destination"
RC_STUDY_WITH_WORK = "study_purpose_with_work"
RC_ONE_CHANNEL_NOT_DESIGNATED = "one_channel_agency_not_designated"
READINESS_WARNINGS = (
    RC_UNDER_MIN_AGE,
    RC_AGENCY_UNVERIFIED,
    RC_NO_DISNAKER,
    RC_MORATORIUM,
    RC_VISIT_WITH_JOB,
    RC_PAID_UP_FRONT,
)
# Warnings from route advisory data (advisory_warnings), after the ones above.
ADVISORY_WARNINGS = (
    RC_NO_PLACEMENT_AGREEMENT,
    RC_SCAM_DESTINATION,
    RC_STUDY_WITH_WORK,
    RC_ONE_CHANNEL_NOT_DESIGNATED,
)

# Kinds of route advisory data (passport.RouteAdvisory.Kind).
ADV_NO_PLACEMENT_AGREEMENT = "no_placement_agreement"
ADV_SCAM_DESTINATION = "scam_destination"
ADV_STUDY_COVER = "study_cover"
ADV_ONE_CHANNEL_AGENCY = "one_channel_agency"


def reference_code(prefix: str = "RC", *, choice=None) -> str:
    """A random human-friendly reference such as "RC-7K3M-9Q2P" (30^8 ≈ 6.6e11 codes; the caller checks uniqueness)."""
    pick = choice or secrets.choice
    groups = (
        "".join(pick(REFERENCE_ALPHABET) for _ in range(REFERENCE_GROUP_LENGTH))
        for _ in range(REFERENCE_GROUPS)
    )
    return "-".join((prefix, *groups))


def normalize_reference(text: str) -> str:
    """What a person types (lower case, stray spaces) → the stored form."""
    return "".join((text or "").split()).upper()


@dataclass(frozen=True)
class MoratoriumData:
    """Job types closed in some countries, with the One Channel exception (all codes; empty = none)."""

    citation: str
    countries: frozenset[str]
    job_types: frozenset[str]
    one_channel_countries: frozenset[str] = frozenset()
    one_channel_job_types: frozenset[str] = frozenset()
    one_channel_citation: str = ""

    def closes(self, *, country: str, job_type: str, one_channel: bool) -> bool:
        if country not in self.countries or job_type not in self.job_types:
            return False
        through_one_channel = (
            one_channel and country in self.one_channel_countries and job_type in self.one_channel_job_types
        )
        return not through_one_channel


@dataclass(frozen=True)
class Intention:
    """What a resident intends, as recorded by the village or the office. No demographic field but the age."""

    purpose: str
    on: dt.date
    age: int
    case: str = "new"
    married: bool = False
    destination_country: str = ""
    job_type: str = ""
    employer: str = ""
    agency_name: str = ""
    # Whether the licensed P3MI registry holds the named agency with a licence in force (looked up by the caller).
    agency_verified: bool = False
    sponsor_name: str = ""
    paid_up_front: bool = False
    one_channel: bool = False
    job_offer: bool = False
    documents_in_hand: frozenset[str] = frozenset()

    @property
    def has_job(self) -> bool:
        """A job abroad is in view: the purpose says work, or a job, employer or agency was named."""
        return (
            self.purpose == "work"
            or self.job_offer
            or bool(self.job_type.strip() or self.employer.strip() or self.agency_name.strip())
        )


@dataclass(frozen=True)
class RouteWarning:
    code: str
    citation: str = ""
    params: dict = field(default_factory=dict)


def readiness_warnings(
    intention: Intention, *, moratoria: Iterable[MoratoriumData] = (), disnaker_citation: str = ""
) -> tuple[RouteWarning, ...]:
    """The procedural-route warnings, in a fixed order. Citations left empty come from the caller's texts."""
    found: list[RouteWarning] = []
    work = intention.has_job
    if work and intention.age < WORK_MIN_AGE:
        found.append(RouteWarning(RC_UNDER_MIN_AGE, params={"age": intention.age, "min_age": WORK_MIN_AGE}))
    if work and intention.agency_name.strip() and not intention.agency_verified:
        found.append(RouteWarning(RC_AGENCY_UNVERIFIED, params={"agency": intention.agency_name.strip()}))
    if work and DISNAKER_DOCUMENT not in intention.documents_in_hand:
        found.append(RouteWarning(RC_NO_DISNAKER, citation=disnaker_citation))
    if work and intention.destination_country and intention.job_type:
        for rule in moratoria:
            if rule.closes(
                country=intention.destination_country,
                job_type=intention.job_type,
                one_channel=intention.one_channel,
            ):
                citation = rule.citation
                if intention.one_channel and rule.one_channel_citation:
                    citation = f"{citation} {rule.one_channel_citation}"
                found.append(
                    RouteWarning(
                        RC_MORATORIUM,
                        citation=citation,
                        params={
                            "country": intention.destination_country,
                            "job_type": intention.job_type,
                            "one_channel": intention.one_channel,
                        },
                    )
                )
                break
    if intention.purpose in VISIT_PURPOSES and work:
        found.append(RouteWarning(RC_VISIT_WITH_JOB, params={"purpose": intention.purpose}))
    if intention.paid_up_front:
        found.append(RouteWarning(RC_PAID_UP_FRONT, params={"sponsor": intention.sponsor_name.strip()}))
    return tuple(found)


def readiness_documents(intention: Intention, rules: Rules) -> tuple[DocumentLine, ...]:
    """Every document the case needs (the same rules as the public guide, in force on `intention.on`)."""
    adult_age = rules.validity.adult_age if rules.validity else 17
    applicant = APPLICANT_ADULT if intention.age >= adult_age or intention.married else APPLICANT_CHILD
    answers = Answers(
        purpose=intention.purpose,
        case=intention.case,
        birth_date=intention.on,  # unused by documents(); the applicant category is computed above
        on=intention.on,
        married=intention.married,
    )
    needed, _not_needed = documents(answers, applicant, rules.documents)
    return needed


def missing_documents(intention: Intention, rules: Rules) -> tuple[DocumentLine, ...]:
    """Required documents the applicant brings and does not have yet (office-made and conditional ones excluded)."""
    return tuple(
        line
        for line in readiness_documents(intention, rules)
        if not line.conditional and not line.by_office and line.code not in intention.documents_in_hand
    )


@dataclass(frozen=True)
class Advisory:
    """One row of route advisory data in force: a destination fact, the study-cover rule or a designated P3MI."""

    kind: str
    citation: str
    country: str = ""
    area: str = ""
    agency: str = ""


def one_channel_designated(agency_name: str, advisories: Iterable[Advisory]) -> bool:
    """Whether `agency_name` is a P3MI designated for the One Channel System (names compared folded)."""
    name = fold(agency_name)
    return bool(name) and any(a.kind == ADV_ONE_CHANNEL_AGENCY and fold(a.agency) == name for a in advisories)


def advisory_warnings(
    intention: Intention, advisories: Iterable[Advisory], *, one_channel_claimed: bool = False
) -> tuple[RouteWarning, ...]:
    """Warnings from the route advisory data: a destination without a placement agreement or known for online-scam
    compounds, study or internship covering paid work, and a One Channel claim through a P3MI not designated for it.

    `intention.one_channel` is already limited to designated agencies by the caller; `one_channel_claimed` is what
    the resident said.
    """
    advisories = tuple(advisories)
    found: list[RouteWarning] = []
    work = intention.has_job
    country = intention.destination_country
    for kind, code in (
        (ADV_NO_PLACEMENT_AGREEMENT, RC_NO_PLACEMENT_AGREEMENT),
        (ADV_SCAM_DESTINATION, RC_SCAM_DESTINATION),
    ):
        row = next((a for a in advisories if a.kind == kind and country and a.country == country), None)
        if work and row is not None:
            found.append(
                RouteWarning(
                    code,
                    citation=row.citation,
                    params={"country": country, "area": f" ({row.area})" if row.area else ""},
                )
            )
    study = next((a for a in advisories if a.kind == ADV_STUDY_COVER), None)
    if work and intention.purpose in STUDY_PURPOSES and study is not None:
        found.append(
            RouteWarning(RC_STUDY_WITH_WORK, citation=study.citation, params={"purpose": intention.purpose})
        )
    if one_channel_claimed and not intention.one_channel:
        designated = [a.citation for a in advisories if a.kind == ADV_ONE_CHANNEL_AGENCY][:1]
        found.append(
            RouteWarning(
                RC_ONE_CHANNEL_NOT_DESIGNATED,
                citation=designated[0] if designated else "",
                params={"agency": intention.agency_name.strip()},
            )
        )
    return tuple(found)
