"""Figures follow the work: a write marks its village, the commit enqueues one refresh, the dashboards say how fresh
they are, and an officer may ask for a refresh of their scope (at most once per REFRESH_COOLDOWN).

The suite's task engine runs a task when it is enqueued, so "after the commit" is when the figure changes here.
"""

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from desabinaan.events import services as events
from desabinaan.events.models import TargetGroup, Topic
from desabinaan.jobs.models import Job
from desabinaan.stats import live
from desabinaan.stats.models import Level, MonthlyFigure, PendingRefresh, StatsState
from desabinaan.stats.services import stats_refresh
from desabinaan.stats.tasks import REFRESH

pytestmark = pytest.mark.django_db


def national_attendances() -> int:
    return sum(
        MonthlyFigure.objects.filter(level=Level.NATIONAL, metric="attendances").values_list(
            "value", flat=True
        )
    )


@pytest.fixture
def event(world):
    now = timezone.now()
    return events.event_create(
        actor=world.ani, title="Sosialisasi migrasi aman", village=world.tebat_monok,
        starts_at=now - dt.timedelta(hours=1), ends_at=now + dt.timedelta(hours=1),
        target_groups=TargetGroup.objects.filter(code="umum"), topics=Topic.objects.filter(code="tppo"),
    )  # fmt: skip


def attend(world, event, name: str):
    return events.attendance_record(
        actor=world.budi, event=event, name=name, sex="F", birth_year=1990, village=world.tebat_monok,
        consent=True,
    )  # fmt: skip


def test_a_committed_attendance_reaches_the_national_figure(task_db, world, event):
    assert national_attendances() == 0
    attend(world, event, "Siti Aminah")  # its own transaction: committed when the service returns
    assert national_attendances() == 1
    attend(world, event, "Rudi Hartono")  # the same service again: a new transaction, a new refresh
    assert national_attendances() == 2
    assert not PendingRefresh.objects.exists(), "the refresh took its mark"
    assert StatsState.objects.get().refresh_queued_at is None


def test_a_burst_of_writes_in_one_village_costs_one_refresh(task_db, world, event, monkeypatch):
    StatsState.objects.update(refresh_queued_at=None)
    enqueued = []
    monkeypatch.setattr(live, "refresh_pending", SimpleNamespace(enqueue=lambda: enqueued.append(1)))
    with transaction.atomic():
        for name in ("Siti Aminah", "Rudi Hartono", "Wati Lestari"):
            attend(world, event, name)
    assert enqueued == [1]
    # Later transactions while that refresh is still queued enqueue nothing more, however many.
    attend(world, event, "Yanti Susanti")
    attend(world, event, "Dewi Sartika")
    assert enqueued == [1]
    assert list(PendingRefresh.objects.values_list("village_code", flat=True)) == [world.tebat_monok.code]


def test_a_rolled_back_write_marks_nothing(world, event):
    PendingRefresh.objects.all().delete()  # the event's own mark
    with pytest.raises(RuntimeError), transaction.atomic():
        attend(world, event, "Siti Aminah")
        raise RuntimeError
    assert not PendingRefresh.objects.exists()


def test_the_dashboard_says_when_figures_were_computed_and_that_changes_are_pending(world, event, login):
    stats_refresh()
    attend(world, event, "Siti Aminah")  # marked; the test transaction never commits, so no refresh runs
    page = login(world.ani).get(reverse("stats:dashboard"), {"scope": f"kanim:{world.kanim_bkl.pk}"})
    html = page.content.decode()
    assert "data-pending" in html and "angka dihitung" in html
    other = login(world.dewi).get(reverse("stats:dashboard"))
    assert "data-pending" not in other.content.decode(), "Bandung's figures have nothing pending"


def test_an_officer_refreshes_their_scope_at_most_once_per_cooldown(world, login, jobs_run_at_once):
    ani = login(world.ani)
    url = reverse("stats:refresh") + f"?scope=kanim:{world.kanim_bkl.pk}"
    response = ani.post(url)
    job = Job.objects.get(kind=REFRESH)
    assert response.url == reverse("stats:job", args=[job.pk])
    assert job.status == Job.Status.DONE and job.created_by == world.ani
    assert world.tebat_monok.code in job.payload["villages"]
    assert all(code.startswith("17.") for code in job.payload["villages"])
    assert ani.get(response.url).status_code == 200

    again = ani.post(url, follow=True)
    assert Job.objects.filter(kind=REFRESH).count() == 1
    assert "Penyegaran baru saja diminta" in again.content.decode()


@pytest.mark.parametrize(
    ("persona", "scope", "status"),
    [
        ("dewi", "kanim:{bkl}", 403),  # another Kanim's officer
        ("budi", "kanim:{bkl}", 403),  # a liaison sees only their village
        ("budi", "village:17.08.04.2002", 302),
        ("eka", "province:17", 302),
    ],
)
def test_a_refresh_request_is_refused_outside_the_jurisdiction(
    world, login, jobs_run_at_once, persona, scope, status
):
    response = login(getattr(world, persona)).post(
        reverse("stats:refresh") + "?scope=" + scope.format(bkl=world.kanim_bkl.pk)
    )
    assert response.status_code == status
    assert Job.objects.filter(kind=REFRESH).count() == (1 if status == 302 else 0)


def test_the_progress_page_of_a_task_is_its_owners(world, login, jobs_run_at_once):
    login(world.ani).post(reverse("stats:refresh") + f"?scope=kanim:{world.kanim_bkl.pk}")
    job = Job.objects.get(kind=REFRESH)
    assert login(world.fajar).get(reverse("stats:job", args=[job.pk])).status_code == 404
    assert login(world.admin).get(reverse("stats:job", args=[job.pk])).status_code == 200


def test_an_imported_sign_in_sheet_reaches_the_national_figure_with_one_mark_per_village(
    task_db, world, event
):
    """The import writes through the bulk services, which announce each chunk once (`records_written`)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nama", "L/P", "Tahun atau tanggal lahir", "Kode desa", "Setuju (ya/tidak)"])
    for name in ("Siti Aminah", "Rudi Hartono", "Wati Lestari"):
        sheet.append([name, "P", 1990, world.tebat_monok.code, "ya"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    assert national_attendances() == 0
    report = events.attendance_import_sheet(actor=world.budi, event=event, source=buffer)
    assert report.created == 3
    assert national_attendances() == 3
    assert not PendingRefresh.objects.exists(), "the refresh took the village's mark"
