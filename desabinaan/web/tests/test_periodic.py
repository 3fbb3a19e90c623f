"""The scheduled work (`manage.py enqueue_periodic`, run by the systemd timers in deploy/systemd/)."""

import datetime as dt
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from desabinaan.jobs.models import Job
from desabinaan.people.models import Person
from desabinaan.protection.models import IndicatorSet, Referral, Screening
from desabinaan.stats.models import PendingRefresh, StatsState
from desabinaan.stats.tasks import REFRESH, refresh_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue_referral(world):
    person = Person.objects.create(name="Siti Sintetis", name_key="siti sintetis", sex="F", village=world.tebat_monok,
                                   birth_year=1990)  # fmt: skip
    screening = Screening.objects.create(
        person=person, village=world.tebat_monok, kanim=world.kanim_bkl, officer=world.fajar,
        indicator_set=IndicatorSet.objects.filter(is_active=True).first(), purpose="work",
        destination_country="Malaysia", advisory_level="attention",
    )  # fmt: skip
    return Referral.objects.create(
        screening=screening, village=world.tebat_monok, to_village=True, action="visit", reason="Kunjungan",
        due_on=timezone.localdate() - dt.timedelta(days=3), created_by=world.fajar,
    )  # fmt: skip


def test_daily_reminds_everyone_who_can_act_on_an_overdue_referral_and_nobody_else(world, overdue_referral):
    call_command("enqueue_periodic", "daily", stdout=None)

    recipients = sorted(address for message in mail.outbox for address in message.to)
    # The Kanim's officers and the village's liaison; not the other village, not the other Kanim.
    assert recipients == sorted(u.email for u in (world.ani, world.fajar, world.budi))
    message = next(m for m in mail.outbox if m.to == [world.budi.email])
    assert "1 rujukan" in message.subject
    assert "/perlindungan/rujukan/?overdue=1" in message.body
    assert "Kunjungan" not in message.body, "a reminder carries a count and a link, never the case"


def test_daily_sends_nothing_when_no_referral_is_overdue(world, overdue_referral):
    Referral.objects.filter(pk=overdue_referral.pk).update(due_on=timezone.localdate() + dt.timedelta(days=1))
    call_command("enqueue_periodic", "daily", stdout=None)
    assert mail.outbox == []


def test_frequent_requeues_the_job_of_a_dead_worker_and_a_lost_live_refresh(world, settings):
    job = Job.objects.create(
        kind=REFRESH, payload={"villages": [world.tebat_monok.code]}, task_path=refresh_job.module_path,
        status=Job.Status.RUNNING, worker=f"{socket.gethostname()}:999999999", heartbeat_at=timezone.now(),
        attempts=1,
    )  # fmt: skip
    PendingRefresh.objects.create(village_code=world.tebat_monok.code, marked_at=timezone.now())

    call_command("enqueue_periodic", "frequent", stdout=None)

    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.DONE, 2)
    assert not PendingRefresh.objects.exists(), "the live refresh ran and took the mark"
    assert StatsState.objects.get().refresh_queued_at is None


def test_nightly_rebuilds_every_figure_as_a_job(world, jobs_run_at_once):
    call_command("enqueue_periodic", "nightly", stdout=None)
    job = Job.objects.get(kind=REFRESH)
    assert job.status == Job.Status.DONE and job.payload == {"villages": None}
    assert StatsState.objects.get().refreshed_at is not None
