"""Person registry API: /api/v1/people. Same services and selectors as the pages.

The field names of the request and response schemas are a contract with API clients; add fields, never rename.
"""

import datetime as dt
import re
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.core.errors import ErrorOut, error_body, field_invalid
from desabinaan.core.validators import DigitCode, NameText
from desabinaan.regions.selectors import village_get
from lib import nik as nik_lib
from lib.text import is_ascii_digits

from . import selectors, services
from . import validation as v
from .models import Person

# A NIK (16 digits, spaces/dots/dashes as people type them) in a search term: it must not travel in a URL.
_NIK_IN_TEXT = re.compile(r"[0-9](?:[\s.\-]*[0-9]){15}")
NIK_IN_NAME_SEARCH = _(
    "Pencarian nama (q) tidak boleh memuat NIK: kirim NIK dalam isi permintaan ke POST /api/v1/people/search."
)

router = Router(tags=["orang"])


class PersonIn(Schema):
    name: NameText = Field(min_length=1, max_length=150)
    nik: str | None = Field(None, description="16 angka; tidak pernah dikembalikan utuh")
    birth_date: dt.date | None = None
    birth_year: int | None = Field(None, description="Bila hanya tahun lahir yang diketahui")
    sex: Literal["M", "F"]
    village_code: DigitCode = Field(description="Kode Kemendagri desa/kelurahan, mis. 17.08.04.2002")
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


class ConflictOut(ErrorOut):
    """The 409 of a NIK already registered: the error body plus the existing person, when in the caller's scope."""

    existing_id: int | None


class PersonFilter(Schema):
    q: str = Field(
        "",
        description="Potongan nama (ejaan Muhammad/Moh. dsb. dianggap sama). Tanpa NIK: pencarian dengan NIK "
        "memakai POST /api/v1/people/search",
    )


class PersonSearchIn(Schema):
    q: str = Field("", description="Potongan nama, seperti q pada GET /api/v1/people (boleh kosong)")
    nik: str | None = Field(None, description="16 angka: hanya orang dengan NIK ini di wilayah kerja Anda")


def _nik_in(text: str) -> str | None:
    match = _NIK_IN_TEXT.search(text)
    return nik_lib.normalize(match.group()) if match else None


def _ref(person: Person) -> dict:
    return {"id": person.pk, "name": person.name, "nik_masked": person.nik_masked}


@router.post("", response={201: PersonCreatedOut, 409: ConflictOut}, summary="Daftarkan orang")
def create_person(request, payload: PersonIn):
    """Register a person. Similar persons do not block the API; they come back in `possible_duplicates`."""
    scope = scope_for(request.auth)
    if not scope.can_write:
        raise PermissionDenied(v.READ_ONLY)
    village = village_get(code=payload.village_code.strip())
    if village is None:
        raise field_invalid("village_code", v.VILLAGE_UNKNOWN_CODE, code="unknown")
    if not scope.contains_village(village):
        raise PermissionDenied(v.VILLAGE_OUT_OF_SCOPE)
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
        # Not a plain Conflict: the body names the existing person, and only when the caller may see them.
        in_scope = scope.contains_village(exc.existing.village_id)
        detail = v.NIK_ALREADY_REGISTERED if in_scope else v.NIK_REGISTERED_ELSEWHERE
        body = error_body(detail, field="nik", code="nik_registered")
        return 409, {**body, "existing_id": exc.existing.pk if in_scope else None}
    person.village = village
    person.possible_duplicates = [_ref(c) for c in candidates]
    return 201, person


@router.get("", response=list[PersonOut], summary="Daftar orang di wilayah kerja")
@paginate
def list_people(request, filters: PersonFilter = Query(...)):  # noqa: B008 - ninja's declaration style
    """Name search. A q holding a NIK (16 digits) is refused with 422 on `q`, so the NIK is never searched by URL:
    a search with a NIK is `POST /api/v1/people/search`."""
    if _nik_in(filters.q):
        raise field_invalid("q", NIK_IN_NAME_SEARCH, code="nik_in_query")
    return selectors.people_for_user(request.auth, q=filters.q)


@router.post("/search", response=list[PersonOut], summary="Cari orang (nama dan/atau NIK) di wilayah kerja")
@paginate
def search_people(request, payload: PersonSearchIn):
    """The search that may carry a NIK, in the body so it never sits in a URL or an access log line.

    Same scope and result shape as `GET /api/v1/people`. With `nik`, only the person that NIK belongs to, when in
    the caller's scope (no rows otherwise, whether the NIK is unknown or elsewhere); `q` further narrows by name.
    A NIK found is written to the access log (channel "api").
    """
    nik = payload.nik
    if nik is not None and nik.strip():
        value = nik_lib.normalize(nik)
        if not is_ascii_digits(value):
            raise field_invalid("nik", v.NIK_MESSAGES[nik_lib.NOT_DIGITS], code=nik_lib.NOT_DIGITS)
        if len(value) != 16:
            raise field_invalid("nik", v.NIK_MESSAGES[nik_lib.WRONG_LENGTH], code=nik_lib.WRONG_LENGTH)
    else:
        # A NIK typed into q here is taken as the NIK (it is in the body, as it should be).
        value = _nik_in(payload.q) or ""
    # Never a name word made of NIK digits, whichever field carried the NIK.
    people = selectors.people_search_for_user(
        request.auth, q=_NIK_IN_TEXT.sub(" ", payload.q), nik=value or None
    )
    if value:
        for person in people[:1]:
            access_record(actor=request.auth, person=person, channel="api", purpose="cari dengan NIK")
    return people


@router.get("/{int:person_id}", response=PersonOut, summary="Detail orang")
def get_person(request, person_id: int):
    """One person in the caller's scope; every read is written to the access log (channel "api")."""
    person = selectors.person_get_for_user(request.auth, pk=person_id)
    access_record(actor=request.auth, person=person, channel="api", purpose="lihat detail")
    return person
