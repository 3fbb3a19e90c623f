"""Office lookups: /api/v1/offices/. Public (auth=None): a resident's form asks which office serves their village."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import Field

from desabinaan.core.errors import error_responses
from desabinaan.core.validators import DigitCode
from desabinaan.regions.models import Village
from desabinaan.regions.selectors import normalize_code

from .selectors import kanims_serving_village

router = Router(auth=None, tags=["kantor"])

VILLAGE_UNKNOWN = _("Desa/kelurahan dengan kode tersebut tidak ditemukan.")


class KanwilRef(Schema):
    id: int
    name: str


class KanimOut(Schema):
    id: int
    name: str
    office_class: str
    address: str
    phone: str
    kanwil: KanwilRef


class KanimFilter(Schema):
    village_code: DigitCode = Field(..., description="Kode desa/kelurahan Kemendagri, mis. 17.08.04.2002")


@router.get(
    "/kanims",
    response={200: list[KanimOut], **error_responses(404)},
    summary="Kantor imigrasi yang melayani sebuah desa/kelurahan",
)
def kanims_for_village(request, filters: Query[KanimFilter]):
    code = normalize_code(filters.village_code)
    if not Village.objects.filter(code=code).exists():
        raise Http404(VILLAGE_UNKNOWN)
    return [
        {
            "id": kanim.pk,
            "name": kanim.name,
            "office_class": kanim.office_class,
            "address": kanim.address,
            "phone": kanim.phone,
            "kanwil": {"id": kanim.kanwil_id, "name": kanim.kanwil.name},
        }
        for kanim in kanims_serving_village(village_code=code).order_by("name")
    ]
