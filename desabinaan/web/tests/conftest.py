import pytest

from desabinaan.program.models import DesaBinaan
from desabinaan.regions.models import Village

from .inbox_data import office_share


@pytest.fixture
def inboxes(world):
    """Kanim Bengkulu's share in Tebat Monok, Kanim Bandung's in a Bandung village (a desa binaan made here)."""
    bandung_db = DesaBinaan.objects.create(
        village=world.bandung_village, kanim=world.kanim_bdg, status="active", sk_number="SINTETIS/2024"
    )

    def unused(district):
        return list(
            Village.objects.filter(district_id=district, desa_binaan__isnull=True).order_by("code")[:2]
        )

    world.bengkulu = office_share(
        officer=world.fajar,
        village=world.tebat_monok,
        new_villages=unused("17.71.01"),
        desa_binaan=DesaBinaan.objects.get(village=world.tebat_monok),
        prefix="Bengkulu",
    )
    world.bandung = office_share(
        officer=world.dewi,
        village=world.bandung_village,
        new_villages=unused("32.73.02"),
        desa_binaan=bandung_db,
        prefix="Bandung",
    )
    return world
