"""Recoverability: the backup archive, the restore drill, its refusals, and pages after a restore without var/media.

The drill runs on the suite's database vendor: SQLite in the default run (the in-memory test database, copied with
the online backup API through Django's connection), PostgreSQL in CI's PostgreSQL pass (pg_dump / pg_restore against
the test database, so the test's rows must be committed: `task_db`).
"""

import datetime as dt
import json
import re
import shutil
import sqlite3
import tarfile
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from desabinaan.core import backup
from desabinaan.events.models import EventFile, TargetGroup, Topic
from desabinaan.events.services import event_create
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.models import Person
from desabinaan.people.services import person_create
from desabinaan.program.models import DesaBinaan

NIK = "1771011205900009"
SK_BYTES = b"%PDF-1.4\n% SK sintetis untuk uji pemulihan\n%%EOF\n"
OTHER_KEY = "b3RoZXIta2V5LW5vdC10aGUtYXJjaGl2ZXMta2V5LTA="


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def drill(task_db, world, media):
    """Committed rows (personas, a person with a NIK, a village whose SK is on disk) and the archive of them."""
    person = person_create(
        actor=world.budi, name="Rudi Pemulihan", nik=NIK, birth_year=1990, sex="M", village=world.tebat_monok
    )
    desa_binaan = DesaBinaan.objects.get(village=world.tebat_monok)
    desa_binaan.sk_file.save("sk.pdf", ContentFile(SK_BYTES))
    archive = media.parent / "cadangan.tar.gz"
    call_command("backup", output=archive, stdout=StringIO())
    return person, desa_binaan, archive


@pytest.mark.slow
def test_a_restore_after_a_wipe_brings_back_every_row_the_nik_and_the_files(drill, media, client):
    person, desa_binaan, archive = drill
    counts = backup.row_counts()
    sk_path = Path(desa_binaan.sk_file.path)

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert not Person.objects.exists()

    call_command("restore", str(archive), yes=True, stdout=StringIO())

    assert backup.row_counts() == counts
    restored = Person.objects.get(pk=person.pk)
    assert nik_decrypt(restored.nik_encrypted) == NIK
    assert sk_path.read_bytes() == SK_BYTES
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "nik_keys": "ok"}


@pytest.mark.slow
def test_the_archive_holds_a_fingerprint_of_the_keys_never_the_keys(drill, settings):
    *_, archive = drill

    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        everything = b"".join(tar.extractfile(m).read() for m in tar if m.isfile())
    manifest = backup.manifest_read(archive)

    assert names[0] == "manifest.json"
    assert backup.DATABASE_FILE[connection.vendor] in names
    assert any(name.startswith("media/") and name.endswith(".pdf") for name in names)
    assert manifest["vendor"] == connection.vendor
    assert manifest["counts"]["people.person"] == 1
    assert manifest["nik_keys"] == backup.key_fingerprints()
    for secret in [*settings.NIK_ENCRYPTION_KEYS, settings.NIK_HASH_KEY]:
        assert secret.encode() not in everything
    assert archive.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only


@pytest.mark.slow
def test_a_restore_refuses_keys_that_cannot_read_the_archive(drill, settings):
    *_, archive = drill
    Person.objects.all().update(name="Diubah setelah cadangan")
    settings.NIK_ENCRYPTION_KEYS = [OTHER_KEY]

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), yes=True, stdout=StringIO())

    assert str(refused.value) == backup.keys_mismatch_message()
    assert Person.objects.get().name == "Diubah setelah cadangan"  # nothing touched


@pytest.mark.slow
def test_a_restore_refuses_another_hash_key_and_asks_before_replacing(drill, settings, monkeypatch):
    *_, archive = drill
    monkeypatch.setattr("builtins.input", lambda question: "tidak")

    with pytest.raises(CommandError, match="dibatalkan"):
        call_command("restore", str(archive), stdout=StringIO())

    settings.NIK_HASH_KEY = "another-hash-key-0123456789abcdef0123456789"
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), yes=True, stdout=StringIO())
    assert str(refused.value) == backup.keys_mismatch_message()


def test_a_rotated_key_set_still_reads_an_archive_of_the_old_newest_key(settings):
    archived = backup.key_fingerprints()
    settings.NIK_ENCRYPTION_KEYS = [OTHER_KEY, *settings.NIK_ENCRYPTION_KEYS]  # rotate_nik_key's first step

    assert backup.keys_match(archived)
    settings.NIK_ENCRYPTION_KEYS = [OTHER_KEY]
    assert not backup.keys_match(archived)


def test_a_restore_refuses_another_database_vendor():
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    manifest = {"vendor": other, "nik_keys": backup.key_fingerprints()}

    with pytest.raises(backup.BackupError) as refused:
        backup.restore_check(manifest)

    assert str(refused.value) == backup.vendor_mismatch_message(other, connection.vendor)


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    path = tmp_path / "bukan.tar.gz"
    path.write_bytes(b"not a tar")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), yes=True)

    assert str(refused.value) == backup.not_an_archive_message()


# --- A database restored without var/media ------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_sk_missing_from_storage_answers_404_not_500(world, login, media):
    desa_binaan = DesaBinaan.objects.get(village=world.tebat_monok)
    desa_binaan.sk_file.save("sk.pdf", ContentFile(SK_BYTES))
    Path(desa_binaan.sk_file.path).unlink()

    response = login(world.budi).get(f"/desa-binaan/{desa_binaan.pk}/sk/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_an_event_file_missing_from_storage_answers_404_not_500(world, login, media):
    starts_at = timezone.now() - dt.timedelta(hours=1)
    event = event_create(
        actor=world.ani, title="Sosialisasi TPPO", village=world.tebat_monok, starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2), target_groups=TargetGroup.objects.filter(code="umum"),
        topics=Topic.objects.filter(code="tppo"),
    )  # fmt: skip
    item = EventFile.objects.create(
        event=event, kind="material", file=ContentFile(SK_BYTES, name="materi.pdf"), original_name="materi.pdf",
        content_type="application/pdf", size=len(SK_BYTES),
    )  # fmt: skip
    Path(item.file.path).unlink()

    response = login(world.budi).get(f"/sosialisasi/{event.pk}/berkas/{item.pk}/")

    assert response.status_code == 404


# --- Integrity checks the sqlite3 command-line tool can run -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's own integrity check")
def test_a_migrated_sqlite_copy_passes_the_plain_sqlite3_integrity_checks(task_db, world, tmp_path):
    # Through the plain sqlite3 module, not Django's connection (which registers Django's SQL functions): what an
    # operator runs with the sqlite3 tool. A CHECK constraint calling a django_* function fails integrity_check
    # with "unknown function" (people.Person's birth-year check did, before people.YearOf).
    person_create(
        actor=world.budi, name="Rudi Integritas", nik=NIK, birth_date=dt.date(1990, 5, 12), sex="M",
        village=world.tebat_monok,
    )  # fmt: skip
    path = tmp_path / "copy.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    plain = sqlite3.connect(path)
    try:
        schema = " ".join(
            sql for (sql,) in plain.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
        )
        integrity = plain.execute("PRAGMA integrity_check").fetchall()
        foreign_keys = plain.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        plain.close()

    assert not re.search(r"\bdjango_\w+\s*\(", schema)  # quoted table names are not calls
    assert " REGEXP " not in schema.upper()
    assert integrity == [("ok",)]
    assert foreign_keys == []


@pytest.mark.django_db
def test_the_birth_year_check_still_holds_in_the_database(world):
    person = person_create(
        actor=world.budi,
        name="Rudi Tahun",
        birth_date=dt.date(1990, 5, 12),
        sex="M",
        village=world.tebat_monok,
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(birth_year=1991)
    Person.objects.filter(pk=person.pk).update(birth_year=1990, birth_date=None)


def test_an_archive_of_an_unknown_format_is_refused(tmp_path):
    path = tmp_path / "tangan.tar.gz"
    body = json.dumps({"format": 99, "vendor": "sqlite"}).encode()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(body)
        tar.addfile(info, BytesIO(body))

    with pytest.raises(backup.BackupError):
        backup.manifest_read(path)
