"""Protection's public API: anonymous reports of suspicious recruiters (submit, status, add information) and the
licensed-agency (P3MI) check. No authentication; every operation is rate-limited. Included in `api.router`, so the
paths stay /api/v1/reports… and /api/v1/agencies.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict, Field

from desabinaan.core.errors import error_responses, field_invalid
from desabinaan.core.validators import DigitCode, FreeText, NameText
from desabinaan.regions.models import Province, Regency
from desabinaan.regions.selectors import normalize_code, village_get

from . import ratelimit, selectors, services
from .models import Report

router = Router(tags=["perlindungan"])

REPORT_NOT_FOUND = _("Kode tanda terima atau frasa sandi tidak cocok.")
TOO_MANY_ATTEMPTS = _("Terlalu banyak percobaan. Coba lagi nanti.")
TOO_MANY_REPORTS = _("Terlalu banyak laporan dari koneksi ini. Coba lagi nanti.")
VILLAGE_UNKNOWN = _("Kode desa/kelurahan tidak dikenal.")
REGENCY_UNKNOWN = _("Kode kabupaten/kota tidak dikenal.")
PROVINCE_UNKNOWN = _("Kode provinsi tidak dikenal.")


# --- Anonymous reports ---------------------------------------------------------------------------------------------


class InvolvedIn(Schema):
    """A person involved: an entry with unknown keys is refused, never silently dropped (blank entries are skipped)."""

    model_config = ConfigDict(extra="forbid")

    name: NameText | None = Field(None, max_length=150)
    phone: str | None = Field(None, max_length=30)
    account: str | None = Field(None, max_length=150)


class ReportIn(Schema):
    category: Literal["recruiter", "fake_lpk", "job_offer", "family_abroad", "other"]
    description: FreeText = Field(min_length=1)
    village_code: DigitCode | None = None
    regency_code: DigitCode | None = Field(
        None, description="Bila desa tidak diketahui: kabupaten/kota, mis. 17.08"
    )
    province_code: DigitCode | None = Field(None, description="Bila hanya provinsi yang diketahui, mis. 17")
    occurred_on: dt.date | None = None
    involved: list[InvolvedIn] = Field(default_factory=list, max_length=20)
    agency_name: str | None = Field(None, max_length=250)
    callback_contact: str | None = Field(None, max_length=200)


class ReceiptOut(Schema):
    receipt_code: str
    passphrase: str


class StatusIn(Schema):
    receipt_code: str = Field(max_length=40)
    passphrase: str = Field(max_length=100)


class MessageIn(StatusIn):
    body: str = Field(min_length=1, max_length=5000)


class MessageOut(Schema):
    author: str
    body: str
    at: dt.datetime


class StatusOut(Schema):
    status: str
    status_label: str
    messages: list[MessageOut]


def _status_out(report: Report) -> dict:
    return {
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "messages": [
            {"author": m.author_kind, "body": m.body, "at": m.created_at}
            for m in selectors.report_messages(report)
        ],
    }


@router.post(
    "/reports",
    auth=None,
    response={201: ReceiptOut, **error_responses(429)},
    summary="Laporkan perekrut mencurigakan",
)
def report_submit(request, payload: ReportIn):
    if not ratelimit.allow(request, "report_submit"):
        raise HttpError(429, str(TOO_MANY_REPORTS))
    village = None
    if payload.village_code:
        village = village_get(code=normalize_code(payload.village_code))
        if village is None:
            raise field_invalid("village_code", VILLAGE_UNKNOWN, code="unknown")
    regency = province = None
    if payload.regency_code:
        regency = Regency.objects.filter(code=normalize_code(payload.regency_code)).first()
        if regency is None:
            raise field_invalid("regency_code", REGENCY_UNKNOWN, code="unknown")
    if payload.province_code:
        province = Province.objects.filter(code=normalize_code(payload.province_code)).first()
        if province is None:
            raise field_invalid("province_code", PROVINCE_UNKNOWN, code="unknown")
    submitted = services.report_submit(
        category=payload.category,
        description=payload.description,
        village=village,
        regency=regency,
        province=province,
        occurred_on=payload.occurred_on,
        involved=[i.dict() for i in payload.involved],
        agency_name=payload.agency_name or "",
        callback_contact=payload.callback_contact or "",
    )
    return 201, {"receipt_code": submitted.report.receipt_code, "passphrase": submitted.passphrase}


def _authenticated_report(request, receipt_code: str, passphrase: str) -> Report:
    """The report; 429 after repeated failures, one identical 404 for any mismatch."""
    if not ratelimit.allow(request, "report_status_failure"):
        raise HttpError(429, str(TOO_MANY_ATTEMPTS))
    report = selectors.report_authenticate(receipt_code=receipt_code, passphrase=passphrase)
    if report is None:
        raise Http404(REPORT_NOT_FOUND)
    # Only failures count: a right receipt and passphrase gives back the attempt counted above.
    ratelimit.refund(request, "report_status_failure")
    return report


@router.post(
    "/reports/status",
    auth=None,
    response={200: StatusOut, **error_responses(404, 429)},
    summary="Status laporan",
)
def report_status(request, payload: StatusIn):
    report = _authenticated_report(request, payload.receipt_code, payload.passphrase)
    return 200, _status_out(report)


@router.post(
    "/reports/messages",
    auth=None,
    response={201: StatusOut, **error_responses(404, 429)},
    summary="Tambah informasi pada laporan",
)
def report_add(request, payload: MessageIn):
    report = _authenticated_report(request, payload.receipt_code, payload.passphrase)
    services.report_add_information(report=report, body=payload.body)
    return 201, _status_out(report)


# --- Licensed agencies ---------------------------------------------------------------------------------------------


class AgencyOut(Schema):
    name: str
    licence_number: str
    status: str
    valid_until: dt.date | None
    address: str
    score: float


@router.get(
    "/agencies",
    auth=None,
    response={200: list[AgencyOut], **error_responses(429)},
    summary="Cek P3MI berizin",
)
def agencies_check(request, q: str = ""):
    if not ratelimit.allow(request, "agency_search"):
        raise HttpError(429, str(TOO_MANY_ATTEMPTS))
    return 200, [
        {
            "name": m.agency.name,
            "licence_number": m.agency.licence_number,
            "status": m.status,
            "valid_until": m.agency.valid_until,
            "address": m.agency.address,
            "score": round(m.score, 2),
        }
        for m in selectors.agencies_search(q)
    ]
