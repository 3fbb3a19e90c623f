import time

from django.core.management.base import BaseCommand

from desabinaan.jobs.services import job_run_next


class Command(BaseCommand):
    help = "Jalankan tugas latar belakang dari antrean basis data (impor daftar hadir, laporan)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Kosongkan antrean lalu berhenti.")
        parser.add_argument("--sleep", type=float, default=2.0, help="Jeda (detik) saat antrean kosong.")

    def handle(self, *args, once=False, sleep=2.0, **options):
        while True:
            job = job_run_next()
            if job is not None:
                self.stdout.write(f"{job.kind} #{job.pk}: {job.status}")
                continue
            if once:
                return
            time.sleep(sleep)
