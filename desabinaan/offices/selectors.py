from django.db.models import Exists, OuterRef, QuerySet

from desabinaan.regions.models import Regency

from .models import Kanim, WorkingAreaAssignment


def current_working_area(*, kanim_id: int) -> list[str]:
    """Regency codes currently in the Kanim's working area."""
    return list(
        WorkingAreaAssignment.objects.filter(kanim_id=kanim_id, valid_to__isnull=True).values_list(
            "regency_id", flat=True
        )
    )


def kanims_serving_village(*, village_code: str) -> QuerySet[Kanim]:
    """The Kanim whose current working area holds the village's regency (normally exactly one)."""
    return Kanim.objects.filter(
        area_assignments__regency_id=village_code[:5], area_assignments__valid_to__isnull=True
    ).select_related("kanwil")


def regencies_without_kanim() -> QuerySet[Regency]:
    """Regencies/cities no Kanim currently serves: no officer's jurisdiction covers their villages."""
    served = WorkingAreaAssignment.objects.filter(regency=OuterRef("pk"), valid_to__isnull=True)
    return Regency.objects.filter(~Exists(served)).select_related("province").order_by("code")
