"""Accounts API: /api/v1/accounts/. Authenticated with the project default (Bearer token or verified session).

The field names of MeOut are a contract with API clients; add fields, never rename them.
"""

from ninja import Router, Schema
from pydantic import Field

from .scope import scope_for

router = Router(tags=["akun"])


class ScopeOut(Schema):
    national: bool = Field(description="true: the whole country; the code lists are then empty")
    regency_codes: list[str]
    village_codes: list[str]


class MeOut(Schema):
    username: str
    role: str
    kanim_id: int | None
    kanwil_id: int | None
    village_code: str | None
    scope: ScopeOut


@router.get("/me", response=MeOut, summary="Akun yang sedang dipakai dan wilayah kerjanya")
def me(request):
    user = request.auth
    scope = scope_for(user)
    kanwil_id = user.kanwil_id
    if kanwil_id is None and user.kanim_id is not None:
        # Kanim staff belong to their office's Kanwil; clients should not need a second lookup for it.
        kanwil_id = user.kanim.kanwil_id
    return {
        "username": user.get_username(),
        "role": user.role,
        "kanim_id": user.kanim_id,
        "kanwil_id": kanwil_id,
        "village_code": user.village_id,
        "scope": {
            "national": scope.is_national,
            "regency_codes": list(scope.regency_codes or ()),
            "village_codes": list(scope.village_codes),
        },
    }
