"""`manage.py worker`: one background worker of the configured task engine, after recovering dead attempts."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_rq.backend import RQBackend

from desabinaan.jobs.services import jobs_recover


class Command(BaseCommand):
    help = (
        "Jalankan pekerja latar belakang (impor daftar hadir, laporan resmi, penyegaran statistik). "
        "Tugas yang terhenti karena pekerja mati dilanjutkan lebih dulu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Jeda (detik) saat antrean kosong.")
        parser.add_argument("--batch", action="store_true", help="Kosongkan antrean lalu berhenti.")

    def handle(self, *args, interval=1.0, batch=False, verbosity=1, **options):
        requeued = jobs_recover()
        if requeued:
            self.stdout.write(f"dilanjutkan: {', '.join(map(str, requeued))}")
        backend = task_backends["default"]
        if isinstance(backend, DatabaseBackend):
            call_command(
                "db_worker",
                queue_name="*",
                interval=interval,
                batch=batch,
                reload=False,
                startup_delay=False,
                verbosity=verbosity,
            )
        elif isinstance(backend, RQBackend):
            call_command(
                "rqworker",
                *sorted(backend.queues),
                job_class="django_tasks_rq.backend.Job",
                burst=batch,
                verbosity=verbosity,
            )
        else:
            raise CommandError(
                f"TASK_BACKEND={type(backend).__name__} menjalankan tugas saat diantrekan; tidak perlu pekerja."
            )
