"""Data-subject requests API: POST /api/v1/people/{id}/requests and GET /api/v1/data-requests.

The field names of the request and response schemas are a contract with API clients; add fields, never rename.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from desabinaan.core.errors import error_responses
from desabinaan.people.selectors import person_get_for_user

from . import selectors, services
from .models import DataRequest

router = Router(tags=["pelindungan data pribadi"])

Kind = Literal["access", "correction", "erasure", "restriction", "withdrawal", "objection"]


class DataRequestIn(Schema):
    kind: Kind
    received_at: dt.datetime = Field(description="Waktu permintaan diterima (awal hitungan tenggat)")
    notes: str = Field("", max_length=2000)
    guardian_name: str = Field("", max_length=150, description="Wajib bila orangnya belum 18 tahun")
    guardian_relation: str = Field("", max_length=50)


class DataRequestOut(Schema):
    id: int
    kind: str
    status: str
    due_at: dt.datetime
    person_id: int | None = None
    received_at: dt.datetime | None = None
    overdue: bool = False

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue


@router.post(
    "/people/{id}/requests",
    response={201: DataRequestOut, **error_responses(403, 404, 409)},
    summary="Catat permintaan subjek data (UU PDP) untuk satu orang",
)
def request_create(request, id: int, payload: DataRequestIn):
    person = person_get_for_user(request.auth, pk=id)
    created = services.data_request_create(
        actor=request.auth,
        person=person,
        kind=payload.kind,
        received_at=payload.received_at,
        notes=payload.notes,
        guardian_name=payload.guardian_name,
        guardian_relation=payload.guardian_relation,
        channel=DataRequest.Channel.API,
    )
    return 201, created


@router.get(
    "/data-requests",
    response=list[DataRequestOut],
    summary="Permintaan subjek data di wilayah kerja (overdue=true: lewat tenggat)",
)
@paginate
def requests_list(request, overdue: bool | None = None):
    return selectors.data_requests_for(request.auth, overdue=overdue)
