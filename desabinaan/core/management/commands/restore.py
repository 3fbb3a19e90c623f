"""Bring back a `manage.py backup` archive: replaces the whole database and adds its files to MEDIA_ROOT.

Refuses an archive of another database vendor, or one whose NIK keys the server does not hold. Stop the web and
worker processes first (docs/operations.md, the restore drill).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from desabinaan.core import backup


class Command(BaseCommand):
    help = "Restore a backup archive into the configured database and MEDIA_ROOT (destructive)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive written by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, yes=False, **options):
        try:
            manifest = backup.manifest_read(path)
            backup.restore_check(manifest)
            if not yes and not self._confirmed(manifest):
                raise CommandError(_("Pemulihan dibatalkan."))
            backup.backup_restore(path=path)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = backup.row_counts()
        differing = sorted(label for label, n in manifest["counts"].items() if counts.get(label) != n)
        self.stdout.write(
            f"{path}: {sum(counts.values())} rows restored (archive of {manifest['created_at']})"
        )
        if differing:
            raise CommandError(
                _("Jumlah baris berbeda dari arsip: %(tables)s") % {"tables": ", ".join(differing)}
            )

    def _confirmed(self, manifest: dict) -> bool:
        question = _(
            "Seluruh isi basis data akan diganti dengan arsip %(created)s (versi %(version)s). Ketik 'ya' untuk "
            "melanjutkan: "
        ) % {"created": manifest["created_at"], "version": manifest["app_version"]}
        try:
            return input(question).strip().lower() in {"ya", "yes"}
        except EOFError:
            return False
