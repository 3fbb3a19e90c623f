"""Re-encrypt every stored NIK with the newest key, and optionally recompute the lookup hashes.

Key rotation: put the new Fernet key first in NIK_ENCRYPTION_KEYS (keep the old ones after it), run this command,
then drop the old keys. Hash-key change: set NIK_HASH_KEY to the new key and run with --rehash, giving the old key
through --old-hash-key or NIK_OLD_HASH_KEY; rows whose hash matches neither key are reported, not touched.
Prints counts only: never a NIK.
"""

import os

from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from desabinaan.people.crypto import nik_decrypt, nik_hash, nik_rotate
from desabinaan.people.models import Person

BATCH = 500


class Command(BaseCommand):
    help = (
        "Re-encrypt NIKs with the newest key in NIK_ENCRYPTION_KEYS; --rehash recomputes the lookup hashes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rehash", action="store_true", help="Recompute nik_hash under NIK_HASH_KEY.")
        parser.add_argument(
            "--old-hash-key",
            default=None,
            help="The previous NIK_HASH_KEY (default: environment variable NIK_OLD_HASH_KEY).",
        )

    def handle(self, *args, rehash=False, old_hash_key=None, **options):
        old_key = old_hash_key or os.environ.get("NIK_OLD_HASH_KEY", "")
        if rehash and not old_key:
            raise CommandError("--rehash needs the old hash key (--old-hash-key or NIK_OLD_HASH_KEY).")
        counts = {"reencrypted": 0, "rehashed": 0, "hash_current": 0, "hash_mismatch": 0, "unreadable": 0}
        ids = list(Person.objects.exclude(nik_encrypted="").order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                rows = Person.objects.select_for_update().filter(pk__in=ids[start : start + BATCH])
                for pk, token, stored_hash in rows.values_list("pk", "nik_encrypted", "nik_hash"):
                    self._one(pk, token, stored_hash, rehash, old_key, counts)
        self.stdout.write(
            "NIK re-encrypted: {reencrypted}; rehashed: {rehashed}; hash already current: {hash_current}; "
            "hash matching neither key: {hash_mismatch}; unreadable (no key decrypts): {unreadable}".format(
                **counts
            )
        )
        if counts["unreadable"] or counts["hash_mismatch"]:
            raise CommandError("Some records could not be processed; see the counts above.")

    def _one(self, pk, token, stored_hash, rehash, old_key, counts):
        try:
            new_token = nik_rotate(token)
        except InvalidToken:
            counts["unreadable"] += 1
            return
        update = {"nik_encrypted": new_token}
        counts["reencrypted"] += 1
        # Merged records carry no hash (the NIK lives on the kept person), so there is nothing to rehash.
        if rehash and stored_hash:
            nik = nik_decrypt(new_token)
            new_hash = nik_hash(nik)
            if stored_hash == new_hash:
                counts["hash_current"] += 1
            elif stored_hash == nik_hash(nik, key=old_key):
                update["nik_hash"] = new_hash
                counts["rehashed"] += 1
            else:
                counts["hash_mismatch"] += 1
        # A queryset update: key maintenance is not an edit of the person (no version bump, no updated_at).
        Person.objects.filter(pk=pk).update(**update)
