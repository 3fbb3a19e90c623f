"""Passport API. /api/v1/passport/: the public guide, no login (auth=None); it serves the same guide as /paspor/.

Field names are a contract with API clients; add fields, never rename them. Inputs are typed loosely on purpose so
that every bad value gets the guide's own Indonesian message (422 with the field and reason), not a generic one.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import Field

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.core.errors import ErrorOut, error_body, error_responses, field_invalid
from desabinaan.core.validators import DigitCode, FreeText
from desabinaan.people.selectors import person_get_for_user
from desabinaan.regions.forms import VILLAGE_UNKNOWN
from desabinaan.regions.selectors import village_get
from lib import passport as rules

from . import selectors, services, texts

router = Router(auth=None, tags=["paspor"])

NO_SCHEDULE_ON = _("Belum ada tarif paspor yang tercatat untuk tanggal tersebut.")
APPLICANTS_REFUSED = _("Sebagian pemohon tidak dapat dilayani.")


class GuideIn(Schema):
    purpose: str | None = Field(None, description=" | ".join(rules.PURPOSES))
    case: str | None = Field(None, description=" | ".join(rules.CASES))
    birth_date: str | None = Field(None, description="YYYY-MM-DD")
    married: bool | str | None = False
    electronic: bool | str | None = False
    validity_years: int | str | None = Field(None, description="5 | 10")
    same_day: bool | str | None = False
    force_majeure: bool | str | None = False
    migrant_worker_first: bool | str | None = Field(
        False, description="Paspor pertama calon PMI, 24 halaman, 5 tahun (Permenkumham 9/2020)"
    )
    on: str | None = Field(None, description="Tanggal permohonan YYYY-MM-DD; kosong: hari ini")
    village_code: str | None = Field(
        None,
        description="Kode desa Kemendagri, mis. 17.08.04.2002: panduan untuk kantor imigrasi yang melayaninya",
    )
    office_id: int | str | None = Field(
        None,
        description="Id kantor imigrasi (mengalahkan village_code). Dengan kantor, jenis paspor yang tidak "
        "diterbitkannya diganti dan diberi peringatan, mis. e_passport_only.",
    )


class OfficeOut(Schema):
    id: int
    name: str


class ProductOut(Schema):
    code: str = Field(description=" | ".join(rules.PRODUCTS))
    label: str


class FeeItemOut(Schema):
    code: str
    label: str
    amount_idr: int
    citation: str


class FeeOut(Schema):
    schedule: str
    total_idr: int
    items: list[FeeItemOut]


class DocumentOut(Schema):
    code: str
    label: str
    conditional: bool
    condition: str
    description: str
    by_office: bool


class NotNeededOut(Schema):
    code: str
    label: str
    citation: str


class StepOut(Schema):
    code: str
    text: str
    url: str


class WarningOut(Schema):
    code: str
    message: str


class WorkRouteOut(Schema):
    requirements: list[str]
    red_flags: list[str]


class GuideOut(Schema):
    validity_years: int
    requested_validity_years: int
    age: int
    applicant: str = Field(description="adult | child")
    on: dt.date
    fee: FeeOut
    documents: list[DocumentOut]
    not_needed: list[NotNeededOut]
    steps: list[StepOut]
    warnings: list[WarningOut]
    notes: list[str]
    work_route: WorkRouteOut | None
    citations: list[str]
    office: OfficeOut | None = None
    product: str = Field(description=" | ".join(rules.PRODUCTS))
    products: list[ProductOut] | None = Field(
        None, description="Jenis paspor yang diterbitkan kantor itu pada tanggal itu; null tanpa kantor"
    )


class ScheduleOut(Schema):
    name: str
    citation: str
    effective_from: dt.date
    effective_to: dt.date | None
    items: list[FeeItemOut]


class FeesQuery(Schema):
    on: str | None = Field(None, description="YYYY-MM-DD; kosong: hari ini")


def _invalid(error: rules.PassportInputError):
    """lib.passport's input error (no Django there) as the API's 422: the guide's Indonesian text, field, code."""
    return field_invalid(error.field, texts.error_text(error), code=error.code)


@router.post("/guide", response=GuideOut, summary="Panduan paspor: dokumen, biaya, masa berlaku, langkah")
def guide(request, payload: GuideIn):
    try:
        data = payload.dict()
        answers = selectors.answers_from(data)
        office = selectors.office_for(
            office_id=data.get("office_id"), village_code=data.get("village_code") or ""
        )
        return selectors.guide_out(selectors.guide_for(answers=answers, office=office), office=office)
    except rules.PassportInputError as error:
        raise _invalid(error) from None


@router.get(
    "/fees",
    response={200: ScheduleOut, **error_responses(404)},
    summary="Tarif paspor yang berlaku pada suatu tanggal",
)
def fees(request, filters: Query[FeesQuery]):
    on = timezone.localdate()
    if filters.on:
        try:
            on = dt.date.fromisoformat(filters.on.strip())
        except ValueError:
            raise _invalid(rules.PassportInputError("on", rules.BAD_DATE)) from None
    schedule = selectors.fee_schedule_on(on=on)
    if schedule is None:
        raise Http404(NO_SCHEDULE_ON)
    return selectors.fee_schedule_out(schedule)


# ---------------------------------------------------------------------------------------------------------------
# Readiness checks (/api/v1/readiness-checks) and collective requests (/api/v1/collective-requests): signed in
# (Bearer token or verified session), scoped like the pages, the same services. Mounted in desabinaan/api.py.
# ---------------------------------------------------------------------------------------------------------------

readiness_router = Router(tags=["kesiapan paspor"])
collective_router = Router(tags=["paspor kolektif"])


class ReadinessIn(Schema):
    person_id: int
    purpose: str = Field(description=" | ".join(rules.PURPOSES))
    case: str | None = Field("new", description=" | ".join(rules.CASES))
    married: bool = False
    destination_country: str | None = Field(None, description="Kode negara ISO 3166-1 alpha-2, mis. SA")
    job_offer: bool = False
    job_type: str | None = Field(None, description=" | ".join(rules.JOB_TYPES))
    employer: str | None = None
    agency_name: str | None = None
    sponsor_name: str | None = None
    sponsor_phone: str | None = None
    paid_up_front: bool = False
    amount_paid_idr: int | None = Field(None, ge=0)
    one_channel: bool = False
    documents_in_hand: list[str] = Field(default_factory=list, description="Kode dokumen, mis. ktp, kk")
    confirm_without_consent: bool = Field(
        False,
        description="Tanpa persetujuan pendampingan paspor yang berlaku, pemeriksaan ditolak (422, kode "
        "consent_missing) kecuali bernilai true.",
    )


class DocumentRefOut(Schema):
    code: str
    label: str


class RouteWarningOut(Schema):
    code: str
    message: str
    citation: str


class OutcomeOut(Schema):
    status: str
    postponement_cause: str
    on: dt.date
    note: str


class ReadinessOut(Schema):
    reference: str
    person_id: int
    person_name: str
    nik_masked: str
    village_code: str
    checked_on: dt.date
    purpose: str
    case: str
    destination_country: str
    job_type: str
    status: str
    missing_documents: list[DocumentRefOut]
    warnings: list[RouteWarningOut]
    outcomes: list[OutcomeOut] = []


class OutcomeIn(Schema):
    status: str = Field(description="applied | postponed | issued | abandoned")
    postponement_cause: str = Field(
        "", description="missing_documents | trafficking_concern; wajib bila status postponed"
    )
    on: dt.date | None = Field(None, description="YYYY-MM-DD; kosong: hari ini")
    note: FreeText = ""


def _readiness_out(check, outcomes=None) -> dict:
    return {
        "reference": check.reference,
        "person_id": check.person_id,
        "person_name": check.person.name,
        "nik_masked": check.person.nik_masked,
        "village_code": check.village_id,
        "checked_on": check.checked_on,
        "purpose": check.purpose,
        "case": check.case,
        "destination_country": check.destination_country,
        "job_type": check.job_type,
        "status": check.status,
        "missing_documents": check.missing_documents,
        "warnings": selectors.warnings_out(check.warnings),
        "outcomes": [
            {"status": o.status, "postponement_cause": o.postponement_cause, "on": o.on, "note": o.note}
            for o in outcomes or []
        ],
    }


@readiness_router.post(
    "",
    response={201: ReadinessOut, **error_responses(404)},
    summary="Catat pemeriksaan kesiapan paspor",
)
def readiness_create(request, payload: ReadinessIn):
    user = request.auth
    if not scope_for(user).can_write:
        raise PermissionDenied(texts.READ_ONLY)
    try:
        person = person_get_for_user(user, pk=payload.person_id)
    except Http404:
        # The person is named in the body, not the path: say which value was not found.
        raise Http404(texts.READINESS_PERSON_OUT_OF_SCOPE) from None
    check = services.readiness_check_create(
        actor=user,
        person=person,
        purpose=payload.purpose,
        case=payload.case or "new",
        married=payload.married,
        destination_country=payload.destination_country or "",
        job_offer=payload.job_offer,
        job_type=payload.job_type or "",
        employer=payload.employer or "",
        agency_name=payload.agency_name or "",
        sponsor_name=payload.sponsor_name or "",
        sponsor_phone=payload.sponsor_phone or "",
        paid_up_front=payload.paid_up_front,
        amount_paid_idr=payload.amount_paid_idr,
        one_channel=payload.one_channel,
        documents_in_hand=payload.documents_in_hand,
        confirm_without_consent=payload.confirm_without_consent,
    )
    return 201, _readiness_out(check)


@readiness_router.get("/{reference}", response=ReadinessOut, summary="Detail pemeriksaan kesiapan")
def readiness_get(request, reference: str):
    """A personal record: every read is written to the person's access log (channel "api")."""
    check = selectors.readiness_check_get_for_user(request.auth, reference=reference)
    access_record(
        actor=request.auth, person=check.person, channel="api", purpose=texts.READINESS_DETAIL_PURPOSE
    )
    return _readiness_out(check, selectors.readiness_outcomes(check))


@readiness_router.post(
    "/{reference}/outcome", response=ReadinessOut, summary="Catat hasil permohonan (petugas)"
)
def readiness_outcome(request, reference: str, payload: OutcomeIn):
    check = selectors.readiness_check_get_for_user(request.auth, reference=reference)
    services.readiness_outcome_record(
        actor=request.auth,
        check=check,
        status=payload.status,
        on=payload.on or timezone.localdate(),
        note=payload.note,
        postponement_cause=payload.postponement_cause,
    )
    return _readiness_out(check, selectors.readiness_outcomes(check))


class ApplicantIn(Schema):
    person_id: int
    type: str = Field(description="new | replacement_expired | replacement_full (lost/damaged ditolak)")


class CollectiveIn(Schema):
    village_code: DigitCode
    proposed_date: dt.date
    place: str
    contact_name: str
    contact_phone: str
    vulnerable_group: bool = False
    vulnerable_reason: FreeText = ""
    applicants: list[ApplicantIn] = Field(default_factory=list)
    submit: bool = Field(False, description="true: langsung diajukan (jumlah minimal pemohon diperiksa)")


class ApplicantOut(Schema):
    person_id: int
    name: str
    nik_masked: str
    birth_date: dt.date | None
    type: str


class CollectiveOut(Schema):
    id: int
    village_code: str
    proposed_date: dt.date
    place: str
    contact_name: str
    contact_phone: str
    vulnerable_group: bool
    status: str
    service_date: dt.date | None
    decline_reason: str
    applicants: list[ApplicantOut]


class ApplicantProblemOut(Schema):
    index: int
    person_id: int | None
    field: str
    message: str


class CollectiveErrorOut(ErrorOut):
    """The 422 of a request some applicants cannot join: the error body plus every refused applicant and why."""

    applicants: list[ApplicantProblemOut] = []


class DecisionIn(Schema):
    decision: str = Field(description="accepted | declined")
    service_date: dt.date | None = None
    reason: FreeText = ""


def _collective_out(collective) -> dict:
    return {
        "id": collective.pk,
        "village_code": collective.village_id,
        "proposed_date": collective.proposed_date,
        "place": collective.place,
        "contact_name": collective.contact_name,
        "contact_phone": collective.contact_phone,
        "vulnerable_group": collective.vulnerable_group,
        "status": collective.status,
        "service_date": collective.service_date,
        "decline_reason": collective.decline_reason,
        "applicants": [
            {
                "person_id": a.person_id,
                "name": a.person.name,
                "nik_masked": a.person.nik_masked,
                "birth_date": a.person.birth_date,
                "type": a.application_type,
            }
            for a in selectors.collective_applicants(collective)
        ],
    }


@collective_router.post(
    "",
    response={201: CollectiveOut, 422: CollectiveErrorOut},
    summary="Buat permohonan paspor kolektif (Eazy Passport)",
)
def collective_create(request, payload: CollectiveIn):
    user = request.auth
    if not scope_for(user).can_write:
        raise PermissionDenied(texts.READ_ONLY)
    village = village_get(code=payload.village_code.strip())
    if village is None:
        raise field_invalid("village_code", VILLAGE_UNKNOWN, code="unknown")
    try:
        with transaction.atomic():
            collective = services.collective_request_create(
                actor=user,
                village=village,
                proposed_date=payload.proposed_date,
                place=payload.place,
                contact_name=payload.contact_name,
                contact_phone=payload.contact_phone,
                vulnerable_group=payload.vulnerable_group,
                vulnerable_reason=payload.vulnerable_reason,
                applicants=[(a.person_id, a.type) for a in payload.applicants],
            )
            if payload.submit:
                services.collective_request_submit(actor=user, request=collective)
    except services.ApplicantsRefused as refused:
        # Not a plain ValidationError: the body lists every refused applicant, not only the first problem.
        body = error_body(APPLICANTS_REFUSED, field="applicants", code="applicants")
        return 422, {**body, "applicants": refused.problems}
    return 201, _collective_out(collective)


@collective_router.get("/{int:request_id}", response=CollectiveOut, summary="Detail")
def collective_get(request, request_id: int):
    return _collective_out(selectors.collective_request_get_for_user(request.auth, pk=request_id))


@collective_router.post(
    "/{int:request_id}/submit", response=CollectiveOut, summary="Ajukan permohonan kolektif"
)
def collective_submit(request, request_id: int):
    collective = selectors.collective_request_get_for_user(request.auth, pk=request_id)
    services.collective_request_submit(actor=request.auth, request=collective)
    return _collective_out(collective)


@collective_router.post(
    "/{int:request_id}/decision",
    response=CollectiveOut,
    summary="Terima atau tolak permohonan kolektif (kantor imigrasi)",
)
def collective_decide(request, request_id: int, payload: DecisionIn):
    collective = selectors.collective_request_get_for_user(request.auth, pk=request_id)
    services.collective_request_decide(
        actor=request.auth,
        request=collective,
        decision=payload.decision,
        service_date=payload.service_date,
        reason=payload.reason,
    )
    return _collective_out(collective)
