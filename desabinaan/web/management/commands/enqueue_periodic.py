"""`manage.py enqueue_periodic frequent|daily|nightly`: hand the scheduled work to the task engine.

The schedule itself belongs to systemd timers (deploy/systemd/, docs/deploy.md): each timer runs this command, which
only enqueues, so the work runs on the workers and shows up like any other task.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from desabinaan.jobs.tasks import maintenance
from desabinaan.people.tasks import duplicates_scan_nightly
from desabinaan.privacy.tasks import apply_retention_task, escalate_overdue_requests
from desabinaan.protection.tasks import remind_overdue_referrals
from desabinaan.stats.live import refresh_enqueue
from desabinaan.stats.models import PendingRefresh
from desabinaan.stats.tasks import refresh_start

SCHEDULES = {
    "frequent": "every 5 minutes: recover jobs of dead workers, delete abandoned uploads, re-queue a lost live refresh, "
    "escalate data-subject requests that just passed their deadline",
    "daily": "07:00: email the overdue-referral reminders",
    "nightly": "02:00: full rebuild of the dashboard figures, prune finished task results older than 14 days, "
    "apply the retention schedule, the national duplicate scan",
}


class Command(BaseCommand):
    help = "Antrekan pekerjaan terjadwal: " + "; ".join(f"{k} ({v})" for k, v in SCHEDULES.items())

    def add_arguments(self, parser):
        parser.add_argument("schedule", choices=sorted(SCHEDULES))

    def handle(self, *args, schedule: str, **options):
        if schedule == "frequent":
            maintenance.enqueue()
            escalate_overdue_requests.enqueue()
            # The live refresh re-queues itself on the next write; this covers a worker lost with marks pending.
            if PendingRefresh.objects.exists():
                refresh_enqueue()
        elif schedule == "daily":
            remind_overdue_referrals.enqueue()
        else:
            apply_retention_task.enqueue()
            duplicates_scan_nightly.enqueue()
            job = refresh_start()
            self.stdout.write(f"penyegaran penuh: tugas {job.pk}")
            if isinstance(task_backends["default"], DatabaseBackend):
                call_command("prune_db_task_results", queue_name="*", min_age_days=14, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"{schedule}: diantrekan"))
