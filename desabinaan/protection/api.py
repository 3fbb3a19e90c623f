"""Protection over JSON. Mounted at the API root, so its paths are /api/v1/screening/…, /screenings, /referrals,
/reports and /agencies. Field names are a contract: add fields, never rename them.

/reports (POST), /reports/status, /reports/messages and /agencies are public (no authentication) and rate-limited;
they live in `api_public`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from pydantic import Field

from desabinaan.audit.services import access_record
from desabinaan.core.errors import error_responses, field_invalid
from desabinaan.core.validators import FreeText
from desabinaan.offices.models import PartnerAgency
from desabinaan.people.selectors import person_get_for_user

from . import selectors, services
from .api_public import router as public_router
from .models import Decision, IndicatorSet, Referral, Screening

router = Router(tags=["perlindungan"])

# The public operations (reports, agency check) live in api_public; mounted with the rest at the API root.
router.add_router("", public_router)

AGENCY_UNKNOWN = _("Instansi mitra tidak dikenal.")
OFFICE_ONLY = _("Hanya petugas kantor imigrasi yang dapat membuka data skrining.")


def _office(request):
    if not selectors.is_office(request.auth):
        raise PermissionDenied(OFFICE_ONLY)


# --- Screening -----------------------------------------------------------------------------------------------------

AnswerValue = Literal["yes", "no", "unknown"]


class IndicatorOut(Schema):
    code: str
    label: str
    label_en: str
    group: str
    weight: int
    citation: str
    version: int

    @staticmethod
    def resolve_version(obj):
        return obj.indicator_set.version


class ContributionOut(Schema):
    code: str
    contribution: int


class ScreeningIn(Schema):
    person_id: int
    purpose: str = Field(description="tourism, umrah, work, family, study, business, other")
    destination_country: str = Field(min_length=1, max_length=100)
    answers: dict[str, AnswerValue]
    evidence: dict[str, str] = {}
    job: str = ""
    host_abroad: str = ""
    sponsor_name: str | None = None
    sponsor_phone: str | None = None
    agency_name: str | None = None
    documents_seen: FreeText = ""
    notes: FreeText = ""


class ScreeningCreatedOut(Schema):
    id: int
    advisory_level: str
    advisory_score: int
    breakdown: list[ContributionOut]
    indicator_set_version: int
    agency_check: str


class AnswerOut(Schema):
    code: str
    answer: str
    evidence: str
    contribution: int


class DecisionOut(Schema):
    id: int
    kind: str
    rationale: str
    pending_documents: str
    legal_basis: str
    advisory_level: str
    is_override: bool
    corrects_id: int | None
    decided_at: dt.datetime


class LegalStopOut(Schema):
    code: str
    label: str
    citation: str


class ScreeningOut(ScreeningCreatedOut):
    person_id: int
    village_code: str
    purpose: str
    destination_country: str
    job: str
    host_abroad: str
    sponsor_name: str
    sponsor_phone: str
    agency_name: str
    documents_seen: str
    answers: list[AnswerOut]
    decisions: list[DecisionOut]
    # Legal facts beside the advisory level (e.g. a minor departing for work, UU 18/2017 Art. 5(a)): never a score.
    legal_stops: list[LegalStopOut]
    created_at: dt.datetime


class DecisionIn(Schema):
    kind: Literal["proceed", "postpone", "refuse", "suspend", "refer"]
    rationale: FreeText
    pending_documents: FreeText = ""
    legal_basis: str = ""
    corrects_id: int | None = None


class ReferralIn(Schema):
    to_village: bool = False
    agency_id: int | None = None
    action: FreeText
    reason: FreeText
    due_on: dt.date | None = None


def _screening_out(screening: Screening, *, full: bool = False) -> dict:
    out = {
        "id": screening.pk,
        "advisory_level": screening.advisory_level,
        "advisory_score": screening.advisory_score,
        "breakdown": services.screening_breakdown(screening),
        "indicator_set_version": screening.indicator_set.version,
        "agency_check": screening.agency_check,
    }
    if full:
        out.update(
            person_id=screening.person_id,
            village_code=screening.village_id,
            purpose=screening.purpose,
            destination_country=screening.destination_country,
            job=screening.job,
            host_abroad=screening.host_abroad,
            sponsor_name=screening.sponsor_name,
            sponsor_phone=screening.sponsor_phone,
            agency_name=screening.agency_name,
            documents_seen=screening.documents_seen,
            created_at=screening.created_at,
            answers=[
                {
                    "code": a.indicator.code,
                    "answer": a.answer,
                    "evidence": a.evidence,
                    "contribution": a.contribution,
                }
                for a in selectors.screening_answers(screening)
            ],
            decisions=selectors.decisions_of(screening),
            legal_stops=[
                {"code": stop.code, "label": stop.display_label, "citation": stop.citation}
                for stop in selectors.legal_stops_for(screening)
            ],
        )
    return out


@router.get(
    "/screening/indicators",
    response={200: list[IndicatorOut], **error_responses(404)},
    summary="Indikator skrining (versi aktif)",
)
def indicators_list(request):
    _office(request)
    try:
        indicator_set = selectors.indicator_set_active()
    except IndicatorSet.DoesNotExist:
        raise Http404(services.NO_INDICATOR_SET) from None
    return indicator_set.indicators.select_related("indicator_set").order_by("order", "code")


@router.post(
    "/screenings",
    response={201: ScreeningCreatedOut, **error_responses(404)},
    summary="Buka skrining wawancara",
)
def screening_create(request, payload: ScreeningIn):
    _office(request)
    person = person_get_for_user(request.auth, pk=payload.person_id)  # Http404 outside the scope
    screening = services.screening_create(
        actor=request.auth,
        person=person,
        purpose=payload.purpose,
        destination_country=payload.destination_country,
        answers=payload.answers,
        evidence=payload.evidence,
        job=payload.job,
        host_abroad=payload.host_abroad,
        sponsor_name=payload.sponsor_name or "",
        sponsor_phone=payload.sponsor_phone or "",
        agency_name=payload.agency_name or "",
        documents_seen=payload.documents_seen,
        notes=payload.notes,
    )
    return 201, _screening_out(screening)


@router.get("/screenings/{id}", response=ScreeningOut, summary="Satu skrining")
def screening_detail(request, id: int):
    _office(request)
    screening = selectors.screening_get(user=request.auth, pk=id)
    access_record(actor=request.auth, person=screening.person, channel="api", purpose="protection:screening")
    return _screening_out(screening, full=True)


@router.post(
    "/screenings/{id}/decision",
    response={201: DecisionOut, **error_responses(409)},
    summary="Putuskan skrining",
)
def screening_decide(request, id: int, payload: DecisionIn):
    _office(request)
    screening = selectors.screening_get(user=request.auth, pk=id)
    corrects = None
    if payload.corrects_id is not None:
        corrects = Decision.objects.filter(pk=payload.corrects_id, screening=screening).first()
        if corrects is None:
            raise field_invalid("corrects_id", services.NOT_CURRENT_DECISION, code="not_current")
    decision = services.screening_decide(
        actor=request.auth,
        screening=screening,
        kind=payload.kind,
        rationale=payload.rationale,
        pending_documents=payload.pending_documents,
        legal_basis=payload.legal_basis,
        corrects=corrects,
    )
    return 201, decision


def _agency(agency_id: int | None):
    if agency_id is None:
        return None
    agency = PartnerAgency.objects.filter(pk=agency_id).first()
    if agency is None:
        raise field_invalid("agency_id", AGENCY_UNKNOWN, code="unknown")
    return agency


# --- Referrals -----------------------------------------------------------------------------------------------------


class ReferralOut(Schema):
    id: int
    source: str
    screening_id: int | None
    report_id: int | None
    person_name: str
    village_code: str | None
    village_name: str
    to_village: bool
    agency_id: int | None
    agency_name: str
    action: str
    reason: str
    status: str
    outcome: str
    outcome_note: str
    due_on: dt.date
    overdue: bool
    version: int
    created_at: dt.datetime


def _referral_out(referral: Referral, user) -> dict:
    office = selectors.can_see_case_details(user)
    return {
        "id": referral.pk,
        "source": "screening" if referral.screening_id else "report",
        # Only the office may follow the link into the interview or the report.
        "screening_id": referral.screening_id if office else None,
        "report_id": referral.report_id if office else None,
        "person_name": referral.screening.person.name if referral.screening_id else "",
        "village_code": referral.village_id,
        "village_name": referral.village.name if referral.village_id else "",
        "to_village": referral.to_village,
        "agency_id": referral.agency_id,
        "agency_name": referral.agency.name if referral.agency_id else "",
        "action": referral.action,
        "reason": referral.reason,
        "status": referral.status,
        "outcome": referral.outcome,
        "outcome_note": referral.outcome_note,
        "due_on": referral.due_on,
        "overdue": referral.is_overdue(),
        "version": referral.version,
        "created_at": referral.created_at,
    }


class ReferralPatch(Schema):
    status: Literal["open", "in_progress", "closed"]
    outcome: str = ""
    outcome_note: str = ""
    version: int | None = Field(
        None, description="Versi yang dibaca; perubahan orang lain sejak itu ditolak (409)"
    )


@router.post("/screenings/{id}/referrals", response={201: ReferralOut}, summary="Rujuk pemohon")
def screening_refer(request, id: int, payload: ReferralIn):
    _office(request)
    screening = selectors.screening_get(user=request.auth, pk=id)
    referral = services.referral_create(
        actor=request.auth,
        screening=screening,
        to_village=payload.to_village,
        agency=_agency(payload.agency_id),
        action=payload.action,
        reason=payload.reason,
        due_on=payload.due_on,
    )
    return 201, _referral_out(selectors.referral_get(user=request.auth, pk=referral.pk), request.auth)


@router.get("/referrals", response=list[ReferralOut], summary="Rujukan yang boleh dilihat pengguna")
def referrals_list(request, status: str = "", overdue: bool = False):
    qs = selectors.referrals_overdue(request.auth) if overdue else selectors.referrals_for(request.auth)
    if status:
        qs = qs.filter(status=status)
    return [_referral_out(r, request.auth) for r in qs.order_by("due_on", "id")[:200]]


@router.get("/referrals/{id}", response=ReferralOut, summary="Satu rujukan")
def referral_detail(request, id: int):
    referral = selectors.referral_get(user=request.auth, pk=id)
    if referral.screening_id:
        access_record(
            actor=request.auth, person=referral.screening.person, channel="api", purpose="protection:referral"
        )
    return _referral_out(referral, request.auth)


@router.patch(
    "/referrals/{id}",
    response={200: ReferralOut, **error_responses(409)},
    summary="Perbarui status rujukan",
)
def referral_update(request, id: int, payload: ReferralPatch):
    referral = selectors.referral_get(user=request.auth, pk=id)
    services.referral_update(
        actor=request.auth,
        referral=referral,
        version=payload.version if payload.version is not None else referral.version,
        status=payload.status,
        outcome=payload.outcome,
        outcome_note=payload.outcome_note,
    )
    return _referral_out(selectors.referral_get(user=request.auth, pk=id), request.auth)
