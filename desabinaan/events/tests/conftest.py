import datetime as dt

import pytest
from django.utils import timezone

from desabinaan.events import services
from desabinaan.events.models import TargetGroup, Topic


@pytest.fixture(autouse=True)
def _jobs_at_once(jobs_run_at_once, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_event(world):
    def _make(*, actor=None, village=None, starts_at=None, title="Sosialisasi TPPO", **kwargs):
        starts_at = starts_at or timezone.now() - dt.timedelta(minutes=30)
        return services.event_create(
            actor=actor or world.ani,
            title=title,
            village=village or world.tebat_monok,
            starts_at=starts_at,
            ends_at=kwargs.pop("ends_at", starts_at + dt.timedelta(hours=3)),
            target_groups=kwargs.pop("target_groups", TargetGroup.objects.filter(code="umum")),
            topics=kwargs.pop("topics", Topic.objects.filter(code="tppo")),
            **kwargs,
        )

    return _make


@pytest.fixture
def event(make_event):
    return make_event()


@pytest.fixture
def other_event(make_event, world):
    """An event in citra's village (Desa Urai), same office as Tebat Monok."""
    return make_event(village=world.other_village, title="Sosialisasi di Urai")


@pytest.fixture
def bandung_event(make_event, world):
    return make_event(actor=world.dewi, village=world.bandung_village, title="Sosialisasi Bandung")


def attendee(**overrides):
    data = {
        "name": "Siti Aminah",
        "sex": "F",
        "birth_year": 1995,
        "consent": True,
    }
    data.update(overrides)
    return data
