"""NIK encryption and the keyed lookup hash.

Fernet keys come from settings.NIK_ENCRYPTION_KEYS, newest first: encryption uses the first, decryption tries each,
so old tokens stay readable until `manage.py rotate_nik_key` re-encrypts them. The lookup hash is HMAC-SHA256 under
settings.NIK_HASH_KEY, so the table alone does not let anyone test guessed NIKs.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings

from lib import nik as nik_lib


@lru_cache(maxsize=4)
def _multifernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise RuntimeError("NIK_ENCRYPTION_KEYS is empty")  # also a system check (desabinaan.E003)
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    # Keyed on the settings value so override_settings in tests and a reload after rotation take effect.
    return _multifernet(tuple(settings.NIK_ENCRYPTION_KEYS))


def nik_encrypt(nik: str) -> str:
    return fernet().encrypt(nik_lib.normalize(nik).encode()).decode()


def nik_decrypt(token: str) -> str:
    return fernet().decrypt(token.encode()).decode()


def nik_rotate(token: str) -> str:
    """The token re-encrypted under the newest key."""
    return fernet().rotate(token.encode()).decode()


def nik_hash(nik: str, *, key: str | None = None) -> str:
    secret = settings.NIK_HASH_KEY if key is None else key
    if not secret:
        raise RuntimeError("NIK_HASH_KEY is empty")
    return hmac.new(secret.encode(), nik_lib.normalize(nik).encode(), hashlib.sha256).hexdigest()
