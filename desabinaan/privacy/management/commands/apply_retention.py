"""`manage.py apply_retention [--dry-run]`: purge or anonymise what the retention schedule says has expired."""

from django.core.management.base import BaseCommand

from desabinaan.privacy import retention


class Command(BaseCommand):
    help = (
        "Terapkan jadwal retensi data pribadi (UU PDP Pasal 42-44); --dry-run hanya menampilkan rencananya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="tampilkan apa yang akan diproses, tanpa mengubah"
        )

    def handle(self, *args, dry_run: bool, **options):
        lines = retention.apply(dry_run=dry_run)
        prefix = "[uji coba] " if dry_run else ""
        for line in lines:
            ids = ", ".join(f"#{pk}" for pk in line.ids) or "-"
            self.stdout.write(f"{prefix}{line.record_type} ({line.action}): {len(line.ids)} - {ids}")
        self.stdout.write(self.style.SUCCESS(f"{prefix}selesai: {sum(len(x.ids) for x in lines)} catatan"))
