"""Which database a dashboard request reads: the router's choices recorded while the pages run.

The test database has no second server, so the recorded router answers "replica" and the query still runs on
"default"; what is asserted is the router's decision for each model the page reads or writes.
"""

import pytest
from django.urls import reverse

from desabinaan.core import dbrouter


@pytest.fixture
def decisions(monkeypatch):
    seen: list[tuple[str, str, str]] = []
    original_read = dbrouter.PrimaryReplicaRouter.db_for_read
    original_write = dbrouter.PrimaryReplicaRouter.db_for_write

    def read(self, model, **hints):
        alias = original_read(self, model, **hints)
        seen.append(("read", model._meta.label, alias))
        return "default"

    def write(self, model, **hints):
        alias = original_write(self, model, **hints)
        seen.append(("write", model._meta.label, alias))
        return alias

    monkeypatch.setattr(dbrouter, "replica_configured", lambda: True)
    monkeypatch.setattr(dbrouter.PrimaryReplicaRouter, "db_for_read", read)
    monkeypatch.setattr(dbrouter.PrimaryReplicaRouter, "db_for_write", write)
    return seen


def test_the_dashboard_reads_its_figures_from_the_replica(world, login, decisions):
    client = login(world.fajar)
    decisions.clear()
    page = client.get(reverse("stats:dashboard"), {"scope": f"kanim:{world.kanim_bkl.pk}"})
    assert page.status_code == 200
    reads = {(label, alias) for kind, label, alias in decisions if kind == "read"}
    assert ("stats.StatsState", "replica") in reads or ("stats.MonthlyFigure", "replica") in reads
    # Who is logged in comes from the primary even inside the dashboard.
    assert all(alias == "default" for label, alias in reads if label.startswith(("sessions.", "accounts.")))


def test_the_summary_api_reads_from_the_replica(world, login, decisions):
    client = login(world.fajar)
    decisions.clear()
    response = client.get("/api/v1/stats/summary", {"scope": f"kanim:{world.kanim_bkl.pk}"})
    assert response.status_code == 200
    assert any(kind == "read" and alias == "replica" for kind, _, alias in decisions)


def test_pages_that_write_keep_reading_the_primary(world, login, decisions):
    client = login(world.budi)
    decisions.clear()
    client.get(reverse("people:list"))
    assert decisions and all(alias == "default" for _, _, alias in decisions)


def test_the_person_outside_the_jurisdiction_is_still_refused(world, login, decisions):
    page = login(world.dewi).get(reverse("stats:dashboard"), {"scope": f"kanim:{world.kanim_bkl.pk}"})
    assert page.status_code == 403
