"""Write one backup archive: the database, the uploaded files and a manifest with a fingerprint of the NIK keys.

Safe while the app runs. The keys are not in the archive: keep them in escrow (docs/operations.md).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from desabinaan.core import backup


class Command(BaseCommand):
    help = "Write a backup archive (tar.gz): database, MEDIA_ROOT and a manifest (never the NIK keys)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Archive path, or a directory for desabinaan-<UTC time>.tar.gz in it (default: var/backups/).",
        )

    def handle(self, *args, output=None, **options):
        path = backup.archive_path(output)
        try:
            manifest = backup.backup_create(output=path)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"{path} ({manifest['vendor']}, {rows} rows, {path.stat().st_size} bytes)")
