"""One-archive backup and restore: the database, the uploaded files and a manifest (`manage.py backup` / `restore`).

The archive (tar.gz) holds `manifest.json` first, then `database.sqlite3` (SQLite's online backup API: a consistent
copy while the app runs) or `database.pgdump` (`pg_dump --format=custom`), then `media/` (MEDIA_ROOT). The manifest
carries a fingerprint of the NIK keys, never the keys: HMAC-SHA256 of a fixed label under each key. Encrypted NIKs
are useless without their keys, so restore refuses an archive whose keys the server does not hold (docs/operations.md
keeps the keys in escrow, apart from the archives).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from importlib import metadata
from io import BytesIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DATABASE_FILE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Changing the label changes every fingerprint: old archives would then never match.
FINGERPRINT_LABEL = b"desabinaan/backup/nik-key-fingerprint/v1"


class BackupError(Exception):
    """A refusal with a message for the operator (the commands turn it into a CommandError)."""


def keys_mismatch_message() -> str:
    return _(
        "Kunci NIK yang terpasang tidak cocok dengan arsip ini: NIK di dalamnya tidak akan terbaca. "
        "Pasang NIK_ENCRYPTION_KEYS dan NIK_HASH_KEY dari saat arsip dibuat (lihat docs/operations.md, "
        "penyimpanan kunci), lalu ulangi."
    )


def vendor_mismatch_message(archive: str, configured: str) -> str:
    return _("Arsip ini dari basis data %(archive)s, sedangkan yang terpasang %(configured)s.") % {
        "archive": archive,
        "configured": configured,
    }


def not_an_archive_message() -> str:
    return _("Berkas ini bukan arsip cadangan Desa Binaan.")


def fingerprint(key: str) -> str:
    return hmac.new(key.encode(), FINGERPRINT_LABEL, hashlib.sha256).hexdigest()


def key_fingerprints() -> dict:
    """Fingerprints of the configured NIK keys: encryption keys newest first, and the lookup-hash key."""
    return {
        "encryption": [fingerprint(key) for key in settings.NIK_ENCRYPTION_KEYS],
        "hash": fingerprint(settings.NIK_HASH_KEY) if settings.NIK_HASH_KEY else "",
    }


def keys_match(archived: dict) -> bool:
    """The archive's newest encryption key is among the configured ones and the hash key is the same.

    Older archived keys may have been retired since (`rotate_nik_key` re-encrypted their tokens before that).
    """
    configured = key_fingerprints()
    newest = (archived.get("encryption") or [None])[0]
    return newest in configured["encryption"] and hmac.compare_digest(
        archived.get("hash", ""), configured["hash"]
    )


def row_counts() -> dict[str, int]:
    """Rows per table of every model: the manifest's record, and what a restore drill compares.

    Only tables that exist: a backup taken before `migrate` (the usual step before an upgrade) must still run.
    """
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in tables
    }


def app_version() -> str:
    try:
        return metadata.version("desabinaan")
    except metadata.PackageNotFoundError:
        return "unknown"


def archive_path(output: Path | None) -> Path:
    """`output` itself, or a timestamped name inside it when it is a directory (default var/backups/)."""
    directory = Path(settings.VAR_DIR) / "backups" if output is None else output
    if output is not None and not output.is_dir():
        return output
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return directory / f"desabinaan-{stamp}.tar.gz"


# --- Backup --------------------------------------------------------------------------------------------------------


def backup_create(*, output: Path) -> dict:
    """Write the archive to `output` (readable by its owner only; complete or absent) and return its manifest."""
    vendor = connection.vendor
    if vendor not in DATABASE_FILE:
        raise BackupError(_("Basis data %(vendor)s tidak didukung.") % {"vendor": vendor})
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="desabinaan-backup-") as tmp:
        database = Path(tmp) / DATABASE_FILE[vendor]
        manifest = {
            "format": FORMAT,
            "app_version": app_version(),
            "vendor": vendor,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "counts": row_counts(),
            "nik_keys": key_fingerprints(),
        }
        if vendor == "sqlite":
            _sqlite_dump(database)
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(database), *_pg_args()])
        partial = output.with_name(output.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            body = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(body), int(dt.datetime.now().timestamp()), 0o600
            tar.addfile(info, BytesIO(body))  # first, so restore checks it before reading the rest
            tar.add(database, arcname=database.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname=MEDIA_DIR)
        partial.replace(output)
    return manifest


def _sqlite_dump(target: Path) -> None:
    # The online backup API copies a consistent snapshot while other processes read and write. It reads through
    # Django's own connection, so it works for the file database and the test suite's in-memory one alike.
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


# --- Restore -------------------------------------------------------------------------------------------------------


def manifest_read(path: Path) -> dict:
    """The archive's manifest (its first member), or BackupError when the file is not one of our archives."""
    try:
        with tarfile.open(path, mode="r:gz") as tar:
            member = tar.next()
            if member is None or member.name != MANIFEST:
                raise BackupError(not_an_archive_message())
            stream = tar.extractfile(member)
            manifest = json.loads(stream.read()) if stream else {}
    except (OSError, tarfile.TarError, ValueError) as exc:
        raise BackupError(not_an_archive_message()) from exc
    if manifest.get("format") != FORMAT or manifest.get("vendor") not in DATABASE_FILE:
        raise BackupError(not_an_archive_message())
    return manifest


def restore_check(manifest: dict) -> None:
    """Refuse before anything is touched: another database vendor, or NIK keys that cannot read the archive."""
    if manifest["vendor"] != connection.vendor:
        raise BackupError(vendor_mismatch_message(manifest["vendor"], connection.vendor))
    if not keys_match(manifest.get("nik_keys", {})):
        raise BackupError(keys_mismatch_message())


def backup_restore(*, path: Path) -> dict:
    """Replace the configured database and add the archive's files to MEDIA_ROOT; returns the manifest.

    Destructive: every table is replaced by the archive's. Files in MEDIA_ROOT that the archive lacks are kept.
    """
    manifest = manifest_read(path)
    restore_check(manifest)
    database_name = DATABASE_FILE[manifest["vendor"]]
    with tempfile.TemporaryDirectory(prefix="desabinaan-restore-") as tmp, tarfile.open(path, "r:gz") as tar:
        wanted = [m for m in tar if m.name == database_name or m.name.partition("/")[0] == MEDIA_DIR]
        # The "data" filter refuses absolute paths, links out of the directory and device files.
        tar.extractall(tmp, members=wanted, filter="data")
        database = Path(tmp) / database_name
        if not database.is_file():
            raise BackupError(not_an_archive_message())
        if manifest["vendor"] == "sqlite":
            _sqlite_load(database)
        else:
            connection.close()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--exit-on-error",
                    *_pg_args(),
                    str(database),
                ]
            )
        media = Path(tmp) / MEDIA_DIR
        if media.is_dir():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest


def _sqlite_load(source: Path) -> None:
    # Written through the live connection (not by replacing the file): SQLite then keeps its WAL and locks right, and
    # the in-memory test database is restored the same way as the production file.
    connection.ensure_connection()
    archived = sqlite3.connect(source)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()
    connection.close()


# --- PostgreSQL client tools ---------------------------------------------------------------------------------------


def _pg_args() -> list[str]:
    s = connection.settings_dict
    args = ["--dbname", s["NAME"]]
    if s.get("USER"):
        args += ["--username", s["USER"]]
    if s.get("HOST"):
        args += ["--host", s["HOST"]]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    return args


def _run(command: list[str]) -> None:
    # The password goes through the environment, never the command line (visible to every local user in ps).
    env = {**os.environ}
    password = connection.settings_dict.get("PASSWORD")
    if password:
        env["PGPASSWORD"] = password
    sslmode = connection.settings_dict.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 (no shell, fixed tools)
    except FileNotFoundError as exc:
        raise BackupError(_("Program %(name)s tidak ditemukan.") % {"name": command[0]}) from exc
    if result.returncode != 0:
        raise BackupError(
            _("%(name)s gagal: %(error)s") % {"name": command[0], "error": result.stderr.strip()[-2000:]}
        )
