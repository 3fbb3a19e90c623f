"""Fostered villages over JSON: /api/v1/desa-binaan. Field names are a contract: add fields, never rename them."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.pagination import paginate

from desabinaan.core.errors import error_responses, field_invalid
from desabinaan.core.pagination import BoundedPageNumberPagination
from desabinaan.core.validators import DigitCode, FreeText
from desabinaan.regions.selectors import normalize_code, village_get

from . import selectors, services
from .models import DesaBinaan

router = Router(tags=["desa binaan"])

PARTNER_REFUSED = _("Akun ini tidak memiliki akses ke data desa binaan.")
VILLAGE_UNKNOWN = _("Kode desa/kelurahan tidak dikenal.")


class DesaBinaanOut(Schema):
    id: int
    village_code: str
    village_name: str
    district: str
    regency: str
    province: str
    kanim: str
    status: str
    status_label: str
    sk_number: str
    sk_date: dt.date | None
    designated_on: dt.date | None

    # Resolvers read the related rows selected by selectors.desa_binaan_for (no query per item).
    @staticmethod
    def resolve_village_code(obj):
        return obj.village.code

    @staticmethod
    def resolve_village_name(obj):
        return obj.village.name

    @staticmethod
    def resolve_district(obj):
        return obj.village.district.name

    @staticmethod
    def resolve_regency(obj):
        return obj.village.regency.name

    @staticmethod
    def resolve_province(obj):
        return obj.village.regency.province.name

    @staticmethod
    def resolve_kanim(obj):
        return obj.kanim.name

    @staticmethod
    def resolve_status_label(obj):
        return str(obj.get_status_display())


class DesaBinaanDetailOut(DesaBinaanOut):
    criteria: list[str]

    @staticmethod
    def resolve_criteria(obj):
        return list(
            obj.proposal_criteria.order_by("criterion__order").values_list("criterion__code", flat=True)
        )


class ProposalIn(Schema):
    village_code: DigitCode
    criteria: list[str] = []
    notes: FreeText = ""


class TransitionIn(Schema):
    to: str
    reason: FreeText
    sk_number: str | None = None
    sk_date: dt.date | None = None


class TransitionOut(Schema):
    id: int
    from_status: str
    to_status: str
    at: dt.datetime
    reason: str
    desa_binaan: DesaBinaanDetailOut


class ActivityIn(Schema):
    kind: str
    date: dt.date
    place: str
    participants: int = 0
    notes: FreeText = ""


class ActivityOut(Schema):
    id: int
    kind: str
    kind_label: str
    date: dt.date
    place: str
    participants: int
    notes: str
    author: str
    created_at: dt.datetime
    version: int

    @staticmethod
    def resolve_kind_label(obj):
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_author(obj):
        return obj.author.username


def _require_program(request) -> None:
    if not selectors.can_see_program(request.auth):
        raise PermissionDenied(PARTNER_REFUSED)


def _get(request, id: int) -> DesaBinaan:
    _require_program(request)
    return selectors.desa_binaan_get(user=request.auth, pk=id)  # Http404 → 404


@router.get("", response=list[DesaBinaanOut], summary="Daftar desa binaan dalam wilayah pengguna")
@paginate(BoundedPageNumberPagination, page_size=50)
def desa_binaan_list(request, q: str = "", status: str = ""):
    _require_program(request)
    return selectors.desa_binaan_list(user=request.auth, q=q, status=status)


@router.post("", response={201: DesaBinaanDetailOut, **error_responses(409)}, summary="Usulkan desa binaan")
def desa_binaan_propose(request, payload: ProposalIn):
    _require_program(request)
    village = village_get(code=normalize_code(payload.village_code))
    if village is None:
        raise field_invalid("village_code", VILLAGE_UNKNOWN, code="unknown")
    db = services.desa_binaan_propose(
        actor=request.auth,
        village=village,
        criteria=payload.criteria,
        notes=payload.notes,
    )
    db = selectors.desa_binaan_get(user=request.auth, pk=db.pk)
    return 201, db


@router.get("/{id}", response=DesaBinaanDetailOut, summary="Satu desa binaan")
def desa_binaan_detail(request, id: int):
    return _get(request, id)


@router.post(
    "/{id}/transitions",
    response={201: TransitionOut, **error_responses(409)},
    summary="Ubah status desa binaan",
)
def desa_binaan_transition(request, id: int, payload: TransitionIn):
    db = _get(request, id)
    row = services.desa_binaan_transition(
        actor=request.auth,
        desa_binaan=db,
        to=payload.to,
        reason=payload.reason,
        sk_number=payload.sk_number,
        sk_date=payload.sk_date,
    )
    return 201, {
        "id": row.pk,
        "from_status": row.from_status,
        "to_status": row.to_status,
        "at": row.at,
        "reason": row.reason,
        "desa_binaan": db,
    }


@router.get("/{id}/activities", response=list[ActivityOut], summary="Kegiatan desa binaan")
@paginate(BoundedPageNumberPagination, page_size=50)
def activities_list(request, id: int):
    db = _get(request, id)
    return db.activities.select_related("author").order_by("-date", "-id")


@router.post("/{id}/activities", response={201: ActivityOut}, summary="Catat kegiatan")
def activity_create(request, id: int, payload: ActivityIn):
    db = _get(request, id)
    activity = services.activity_create(actor=request.auth, desa_binaan=db, **payload.dict())
    return 201, activity
