"""Region reference data: /api/v1/regions/. Public (auth=None): public forms look village codes up before login.

The field names of VillageOut are a contract with API clients; add fields, never rename them.
"""

from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import Field

from desabinaan.core.cache import memo

from .models import District, Province, Regency, Village
from .selectors import normalize_code, village_get, villages_search, villages_with_parents

router = Router(auth=None, tags=["wilayah"])

SEARCH_LIMIT_MAX = 50
VILLAGE_NOT_FOUND = _("Desa/kelurahan dengan kode tersebut tidak ditemukan.")
DISTRICT_NOT_FOUND = _("Kecamatan dengan kode tersebut tidak ditemukan.")
REGENCY_NOT_FOUND = _("Kabupaten/kota dengan kode tersebut tidak ditemukan.")
PROVINCE_NOT_FOUND = _("Provinsi dengan kode tersebut tidak ditemukan.")


class RegionRef(Schema):
    code: str
    name: str


class VillageOut(Schema):
    code: str
    name: str
    kind: str = Field(
        description="desa | kelurahan (from the code: fourth part starting with 1 is a kelurahan)"
    )
    postal_code: str
    district: RegionRef
    regency: RegionRef
    province: RegionRef


class VillageSearch(Schema):
    q: str = Field("", description="Nama (tanpa peduli huruf besar/aksen) atau awalan kode")
    limit: int = Field(20, ge=1, le=SEARCH_LIMIT_MAX)


def _ref(region) -> dict:
    return {"code": region.code, "name": region.name}


def village_out(village: Village) -> dict:
    """The API shape of a village; expects district and regency__province selected (villages_with_parents)."""
    return {
        "code": village.code,
        "name": village.name,
        "kind": str(village.kind),
        "postal_code": village.postal_code,
        "district": _ref(village.district),
        "regency": _ref(village.regency),
        "province": _ref(village.regency.province),
    }


@router.get("/villages", response=list[VillageOut], summary="Cari desa/kelurahan")
def villages_find(request, filters: Query[VillageSearch]):
    # Kept per region generation (core.cache): an import or an edit of a region answers at once with the new rows.
    return memo(
        "regions",
        f"villages:{get_language()}:{filters.limit}:{filters.q}",
        lambda: [village_out(v) for v in villages_search(q=filters.q, limit=filters.limit)],
    )


@router.get("/villages/{code}", response=VillageOut, summary="Satu desa/kelurahan menurut kode")
def village_detail(request, code: str):
    village = village_get(code=normalize_code(code))
    if village is None:
        raise Http404(VILLAGE_NOT_FOUND)
    return village_out(village)


@router.get("/provinces", response=list[RegionRef], summary="Daftar provinsi")
def provinces_list(request):
    return list(Province.objects.order_by("code").values("code", "name"))


@router.get("/provinces/{code}/regencies", response=list[RegionRef], summary="Kabupaten/kota dalam provinsi")
def regencies_list(request, code: str):
    if not Province.objects.filter(code=code).exists():
        raise Http404(PROVINCE_NOT_FOUND)
    return list(Regency.objects.filter(province_id=code).order_by("code").values("code", "name"))


@router.get("/regencies/{code}/districts", response=list[RegionRef], summary="Kecamatan dalam kabupaten/kota")
def districts_list(request, code: str):
    code = normalize_code(code)
    if not Regency.objects.filter(code=code).exists():
        raise Http404(REGENCY_NOT_FOUND)
    return list(District.objects.filter(regency_id=code).order_by("code").values("code", "name"))


@router.get("/districts/{code}/villages", response=list[VillageOut], summary="Desa/kelurahan dalam kecamatan")
def district_villages(request, code: str):
    code = normalize_code(code)
    if not District.objects.filter(code=code).exists():
        raise Http404(DISTRICT_NOT_FOUND)
    # A district has at most a few hundred villages, so the list is bounded without paging.
    return [village_out(v) for v in villages_with_parents().filter(district_id=code).order_by("code")]
