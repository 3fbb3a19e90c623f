from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from desabinaan.accounts.demo import DEFAULT_PASSWORD, demo_password
from desabinaan.web.demo import ACCOUNTS, RegionsMissing, demo_seed

# Demo accounts share one known password: creating them on a production server would open it to anyone.
REFUSED_WITHOUT_DEBUG = (
    "seed_demo hanya untuk pengembangan dan demo (DEBUG aktif). Tambahkan --force jika Anda yakin server ini "
    "memang server demo."
)
NOTHING_TO_DO = "Tidak ada perubahan: data demo sudah lengkap."


class Command(BaseCommand):
    help = "Isi data demo sintetis: Kanim Bengkulu dan Bandung, desa binaan Tebat Monok dan Urai, akun demo, warga."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Jalankan walaupun DEBUG tidak aktif.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        try:
            # The same password the demo login page shows.
            result = demo_seed(password=demo_password())
        except RegionsMissing as exc:
            raise CommandError(str(exc)) from exc
        for note in result.skipped:
            self.stdout.write(self.style.WARNING(note))
        if not result.changed:
            self.stdout.write(NOTHING_TO_DO)
            return
        made = ", ".join(f"{n} {kind}" for kind, n in result.created.items())
        self.stdout.write(self.style.SUCCESS(f"Data demo dibuat: {made}."))
        self.stdout.write("Akun demo: " + ", ".join(username for username, *_ in ACCOUNTS))
        # Only the documented default is printed; a password chosen through DEMO_PASSWORD stays out of logs.
        self.stdout.write(
            f"Kata sandi: {DEFAULT_PASSWORD}"
            if demo_password() == DEFAULT_PASSWORD
            else "Kata sandi: nilai DEMO_PASSWORD"
        )
