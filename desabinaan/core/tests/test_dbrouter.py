"""The replica router: dashboard reads on the replica, writes and reads after a write on the primary."""

import pytest
from django.contrib.sessions.models import Session

from desabinaan.accounts.models import User
from desabinaan.core import dbrouter
from desabinaan.core.dbrouter import PrimaryReplicaRouter, replica_reads
from desabinaan.stats.models import MonthlyFigure

router = PrimaryReplicaRouter()


@pytest.fixture
def replica(monkeypatch):
    monkeypatch.setattr(dbrouter, "replica_configured", lambda: True)


def test_without_a_replica_every_read_goes_to_the_primary():
    with replica_reads():
        assert router.db_for_read(MonthlyFigure) == "default"


def test_reads_outside_a_dashboard_stay_on_the_primary(replica):
    assert router.db_for_read(MonthlyFigure) == "default"


def test_a_dashboard_reads_figures_from_the_replica_and_writes_to_the_primary(replica):
    with replica_reads():
        assert router.db_for_read(MonthlyFigure) == "replica"
        assert router.db_for_write(MonthlyFigure) == "default"


def test_a_read_right_after_a_write_stays_on_the_primary(replica):
    with replica_reads():
        router.db_for_write(MonthlyFigure)
        assert router.db_for_read(MonthlyFigure) == "default"
    with replica_reads():  # the next request (or block) starts afresh
        assert router.db_for_read(MonthlyFigure) == "replica"


def test_logins_and_sessions_are_always_read_from_the_primary(replica):
    with replica_reads():
        assert router.db_for_read(Session) == "default"
        assert router.db_for_read(User) == "default"


def test_the_replica_is_never_migrated():
    assert router.allow_migrate("default", "stats")
    assert not router.allow_migrate("replica", "stats")
