"""Jurisdiction: the one place that decides which villages (and so which records) a user may see.

Every selector, page and API endpoint filters through `scope_for(user)`; no view builds its own scope filter.
Records are scoped through the village they belong to (a person's home village, an event's village, ...), so
`Scope.filter(queryset, path="village")` works for any model with a path to `regions.Village`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from desabinaan.offices.models import Kanim
from desabinaan.offices.selectors import current_working_area
from desabinaan.regions.models import Regency

from .models import Role


@dataclass(frozen=True)
class Scope:
    # None means "every regency" (national); a tuple limits to those regency codes.
    regency_codes: tuple[str, ...] | None = ()
    village_codes: tuple[str, ...] = ()
    kanim_ids: tuple[int, ...] = ()
    # Kanwil staff: their province, for records owned by an office but not yet assigned to one (reports' triage).
    province_codes: tuple[str, ...] = ()
    # Whether the user may create and edit records in the scope (Kanwil staff read and report only).
    can_write: bool = False

    @property
    def is_national(self) -> bool:
        return self.regency_codes is None

    @property
    def is_empty(self) -> bool:
        return self.regency_codes == () and not self.village_codes

    def q(self, path: str = "village") -> Q:
        """A filter on the village reached by `path` ("" when filtering villages themselves)."""
        prefix = f"{path}__" if path else ""
        if self.is_national:
            return Q()
        if self.village_codes:
            return Q(**{f"{prefix}code__in": self.village_codes})
        if self.regency_codes:
            return Q(**{f"{prefix}regency_id__in": self.regency_codes})
        return Q(pk__in=[])

    def filter(self, queryset: QuerySet, path: str = "village") -> QuerySet:
        if self.is_empty:
            return queryset.none()
        return queryset.filter(self.q(path))

    def owned_q(self, *, owner: str = "kanim", province: str = "province") -> Q:
        """A filter on records owned by an office (reports), where an empty owner means "in the triage queue".

        National: everything. Kanim staff: what their office owns. Kanwil staff: what the Kanims of the province
        own, the province's unassigned records, and unassigned records with no province (the national queue).
        """
        if self.is_national:
            return Q()
        q = Q(**{f"{owner}_id__in": self.kanim_ids}) if self.kanim_ids else Q(pk__in=[])
        if self.province_codes:
            unassigned = Q(**{f"{owner}__isnull": True})
            q |= unassigned & (
                Q(**{f"{province}_id__in": self.province_codes}) | Q(**{f"{province}__isnull": True})
            )
        return q

    def contains_village(self, village) -> bool:
        code = getattr(village, "code", village)
        if self.is_national:
            return True
        if self.village_codes:
            return code in self.village_codes
        return code[:5] in (self.regency_codes or ())


NO_SCOPE = Scope()


def _kanim_regencies(kanim_id: int) -> tuple[str, ...]:
    return tuple(current_working_area(kanim_id=kanim_id))


def scope_for(user) -> Scope:
    """The user's jurisdiction, computed once per user object (so once per request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_SCOPE
    cached = getattr(user, "_desabinaan_scope", None)
    if cached is not None:
        return cached
    scope = _compute(user)
    user._desabinaan_scope = scope
    return scope


def _compute(user) -> Scope:
    if user.is_superuser or user.role == Role.NATIONAL_ADMIN:
        return Scope(regency_codes=None, can_write=True)
    if user.role == Role.KANWIL and user.kanwil_id:
        province = user.kanwil.province_id
        regencies = tuple(Regency.objects.filter(province_id=province).values_list("code", flat=True))
        kanims = tuple(Kanim.objects.filter(kanwil_id=user.kanwil_id).values_list("id", flat=True))
        return Scope(regency_codes=regencies, kanim_ids=kanims, province_codes=(province,), can_write=False)
    if user.role in (Role.OFFICER, Role.PIMPASA) and user.kanim_id:
        return Scope(
            regency_codes=_kanim_regencies(user.kanim_id), kanim_ids=(user.kanim_id,), can_write=True
        )
    if user.role == Role.LIAISON and user.village_id:
        return Scope(regency_codes=(), village_codes=(user.village_id,), can_write=True)
    return NO_SCOPE
