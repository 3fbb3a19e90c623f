from django.core.management.base import BaseCommand

from desabinaan.stats.services import stats_refresh, stats_refresh_changed
from desabinaan.stats.tasks import refresh_start


class Command(BaseCommand):
    help = "Rebuild the dashboard rollups: everything (default), or only villages changed since the last run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--changed", action="store_true", help="only villages changed since the last refresh"
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue a full refresh for the worker instead of running it here",
        )

    def handle(self, *args, changed=False, enqueue=False, **options):
        if enqueue:
            job = refresh_start()
            self.stdout.write(f"job {job.pk} queued")
            return

        def progress(done, total):
            self.stdout.write(f"  {done}/{total}")

        result = stats_refresh_changed(progress=progress) if changed else stats_refresh(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"refreshed: {result}"))
