"""Person registry API: /api/v1/people. Same services and selectors as the pages.

The field names of the request and response schemas are a contract with API clients; add fields, never rename.
"""

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.regions.selectors import village_get

from . import selectors, services
from . import validation as v
from .models import Person

router = Router(tags=["orang"])
PERSON_NOT_FOUND = _("Orang tidak ditemukan.")


class PersonIn(Schema):
    name: str = Field(min_length=1, max_length=150)
    nik: str | None = Field(None, description="16 angka; tidak pernah dikembalikan utuh")
    birth_date: dt.date | None = None
    birth_year: int | None = Field(None, description="Bila hanya tahun lahir yang diketahui")
    sex: Literal["M", "F"]
    village_code: str = Field(description="Kode Kemendagri desa/kelurahan, mis. 17.08.04.2002")
    phone: str = Field("", max_length=20)


class PersonRef(Schema):
    id: int
    name: str
    nik_masked: str


class PersonOut(Schema):
    id: int
    name: str
    nik_masked: str
    has_nik: bool
    birth_date: dt.date | None
    birth_year: int | None
    sex: str
    village_code: str
    village_name: str
    version: int
    merged_into_id: int | None = None

    @staticmethod
    def resolve_village_code(obj) -> str:
        return obj.village_id

    @staticmethod
    def resolve_village_name(obj) -> str:
        # Lists select the village (people_for_user), so this costs no query per row.
        return obj.village.name


class PersonCreatedOut(PersonOut):
    possible_duplicates: list[PersonRef]


class ErrorOut(Schema):
    detail: str
    field: str | None = None
    code: str | None = None


class ConflictOut(Schema):
    detail: str
    existing_id: int | None


class PersonFilter(Schema):
    q: str = Field("", description="Potongan nama (ejaan Muhammad/Moh. dsb. dianggap sama)")


def _ref(person: Person) -> dict:
    return {"id": person.pk, "name": person.name, "nik_masked": person.nik_masked}


def _first_error(error: ValidationError) -> tuple[str, str | None, str | None]:
    """(message, field, code) of the first problem, for the 422 body."""
    if hasattr(error, "error_dict"):
        field, errors = next(iter(error.error_dict.items()))
        first = errors[0]
        message = first.message % first.params if first.params else first.message
        return str(message), (None if field == "__all__" else field), first.code
    return str(error.messages[0]), None, getattr(error, "code", None)


@router.post(
    "",
    response={201: PersonCreatedOut, 403: ErrorOut, 409: ConflictOut, 422: ErrorOut},
    summary="Daftarkan orang",
)
def create_person(request, payload: PersonIn):
    """Register a person. Similar persons do not block the API; they come back in `possible_duplicates`."""
    scope = scope_for(request.auth)
    if not scope.can_write:
        return 403, {"detail": str(v.READ_ONLY)}
    village = village_get(code=payload.village_code.strip())
    if village is None:
        return 422, {"detail": str(v.VILLAGE_UNKNOWN_CODE), "field": "village_code", "code": "unknown"}
    if not scope.contains_village(village):
        return 403, {"detail": str(v.VILLAGE_OUT_OF_SCOPE), "field": "village_code"}
    candidates = services.probable_duplicates_of(
        name=payload.name,
        birth_date=payload.birth_date,
        birth_year=payload.birth_year or (payload.birth_date.year if payload.birth_date else None),
        village=village,
        within=scope,
    )
    try:
        person = services.person_create(
            actor=request.auth,
            name=payload.name,
            nik=payload.nik or None,
            birth_date=payload.birth_date,
            birth_year=payload.birth_year,
            sex=payload.sex,
            village=village,
            phone=payload.phone,
            allow_probable_duplicates=True,
        )
    except services.NikAlreadyRegistered as exc:
        in_scope = scope.contains_village(exc.existing.village_id)
        detail = v.NIK_ALREADY_REGISTERED if in_scope else v.NIK_REGISTERED_ELSEWHERE
        return 409, {"detail": str(detail), "existing_id": exc.existing.pk if in_scope else None}
    except PermissionDenied as exc:
        return 403, {"detail": str(exc)}
    except ValidationError as exc:
        message, field, code = _first_error(exc)
        return 422, {"detail": message, "field": field, "code": code}
    person.village = village
    person.possible_duplicates = [_ref(c) for c in candidates]
    return 201, person


@router.get("", response=list[PersonOut], summary="Daftar orang di wilayah kerja")
@paginate
def list_people(request, filters: PersonFilter = Query(...)):  # noqa: B008 - ninja's declaration style
    return selectors.people_for_user(request.auth, q=filters.q)


@router.get("/{int:person_id}", response={200: PersonOut, 404: ErrorOut}, summary="Detail orang")
def get_person(request, person_id: int):
    """One person in the caller's scope; every read is written to the access log (channel "api")."""
    try:
        person = selectors.person_get_for_user(request.auth, pk=person_id)
    except Http404:
        return 404, {"detail": str(PERSON_NOT_FOUND)}
    access_record(actor=request.auth, person=person, channel="api", purpose="lihat detail")
    return 200, person
