"""Create an API token for a user and print it; the raw token is the last line so scripts can `tail -n1`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from desabinaan.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Buat token API untuk seorang pengguna. Token mentah dicetak di baris terakhir, hanya sekali."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--name", default="manage.py create_api_token", help="Nama token (untuk apa dipakai)"
        )

    def handle(self, *args, username, name, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Pengguna {username!r} tidak ditemukan.") from None
        # actor=None: recorded in the audit trail as the system, not as the owner acting on the web.
        token, raw = api_token_create(user=user, name=name, actor=None)
        self.stdout.write(
            f"Token {token.prefix}… dibuat untuk {user.username}. Simpan sekarang; tidak ditampilkan lagi."
        )
        self.stdout.write(raw)
