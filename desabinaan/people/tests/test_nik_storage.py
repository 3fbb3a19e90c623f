"""The NIK is stored encrypted, found through a keyed hash, masked everywhere, and shown only on an explicit POST."""

import logging

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from desabinaan.audit.models import AccessEntry
from desabinaan.people.crypto import nik_decrypt, nik_hash
from desabinaan.people.models import Person
from desabinaan.people.selectors import person_find_by_nik
from desabinaan.people.services import NIK_REVEAL_PURPOSE

from .conftest import MALE_NIK

HIDDEN_DIGITS = MALE_NIK[4:12]  # the part the mask hides


def _all_database_values() -> str:
    """Every value of every table, as text (works on SQLite in memory and on PostgreSQL)."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - introspected names
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def _create_by_web_and_api(world, login):
    web = login(world.fajar).post(
        "/orang/baru/",
        {
            "name": "Andi Saputra",
            "nik": MALE_NIK,
            "birth_date": "1990-05-12",
            "sex": "M",
            "village": "17.08.04.2002",
        },
    )
    assert web.status_code == 302
    api = login(world.fajar).post(
        "/api/v1/people",
        {
            "name": "Andi Saputra",
            "nik": "1771011205900003",
            "birth_date": "1990-05-12",
            "sex": "M",
            "village_code": "17.08.04.2002",
            "phone": "081234567890",
        },
        content_type="application/json",
    )
    assert api.status_code == 201
    return Person.objects.get(nik_hash=nik_hash(MALE_NIK))


def test_the_raw_nik_appears_nowhere_in_the_database(world, login):
    person = _create_by_web_and_api(world, login)
    login(world.fajar).get(f"/orang/{person.pk}/")
    dump = _all_database_values()
    assert "1771********0001" in dump  # the dump really contains person rows
    for secret in (MALE_NIK, "1771011205900003", HIDDEN_DIGITS):
        assert secret not in dump
    assert nik_decrypt(person.nik_encrypted) == MALE_NIK


def test_the_raw_nik_appears_in_no_log_record(world, login, caplog):
    caplog.set_level(logging.DEBUG)
    person = _create_by_web_and_api(world, login)
    client = login(world.fajar)
    client.get(f"/orang/{person.pk}/")
    client.post("/orang/", {"nik": MALE_NIK})
    client.post(f"/orang/{person.pk}/nik/")
    login(world.fajar).post(
        "/api/v1/people",
        {
            "name": "X",
            "nik": "1771011205900001",
            "birth_date": "1990-05-13",
            "sex": "M",
            "village_code": "17.08.04.2002",
        },
        content_type="application/json",
    )
    assert caplog.records  # the 422 above is logged by Django
    assert MALE_NIK not in caplog.text
    assert HIDDEN_DIGITS not in caplog.text


def test_it_finds_a_person_by_the_hash(world, make_person):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    assert person.nik_hash == nik_hash(MALE_NIK) != MALE_NIK
    assert person_find_by_nik(nik="1771 0112 0590 0001") == person
    assert person_find_by_nik(nik=MALE_NIK, user=world.budi) == person
    assert person_find_by_nik(nik=MALE_NIK, user=world.citra) is None


def test_the_nik_search_is_a_post_and_redirects_in_scope(world, login, make_person):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    response = login(world.budi).post("/orang/", {"nik": MALE_NIK})
    assert response.status_code == 302
    assert response.url == f"/orang/{person.pk}/"
    assert MALE_NIK not in response.url
    elsewhere = login(world.citra).post("/orang/", {"nik": MALE_NIK})
    assert elsewhere.status_code == 200
    assert MALE_NIK not in elsewhere.content.decode()


def test_the_detail_page_shows_only_the_mask(world, login, make_person):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    html = login(world.fajar).get(f"/orang/{person.pk}/").content.decode()
    assert "1771********0001" in html
    assert MALE_NIK not in html
    assert "Tampilkan NIK" in html


@pytest.mark.parametrize("persona", ["fajar", "ani", "admin"])
def test_officers_see_the_full_nik_after_an_explicit_post_that_is_logged(world, login, make_person, persona):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    client = login(getattr(world, persona))
    assert client.get(f"/orang/{person.pk}/nik/").status_code == 405
    response = client.post(f"/orang/{person.pk}/nik/")
    assert response.status_code == 200
    assert MALE_NIK in response.content.decode()
    assert "no-store" in response.headers["Cache-Control"]
    entry = AccessEntry.objects.get(person=person, purpose=NIK_REVEAL_PURPOSE)
    assert entry.actor == getattr(world, persona)


@pytest.mark.parametrize("persona", ["budi", "eka"])
def test_other_roles_cannot_reveal_the_nik(world, login, make_person, persona):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    client = login(getattr(world, persona))
    assert "Tampilkan NIK" not in client.get(f"/orang/{person.pk}/").content.decode()
    response = client.post(f"/orang/{person.pk}/nik/")
    assert response.status_code == 403
    assert MALE_NIK not in response.content.decode()
    assert not AccessEntry.objects.filter(purpose=NIK_REVEAL_PURPOSE).exists()


def test_the_api_never_returns_the_full_nik(world, login, make_person):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    client = login(world.admin)
    for url in (f"/api/v1/people/{person.pk}", "/api/v1/people"):
        body = client.get(url).content.decode()
        assert "1771********0001" in body
        assert MALE_NIK not in body


def test_rotate_nik_key_reencrypts_with_the_newest_key(world, make_person, settings, capsys):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    old_key = settings.NIK_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.NIK_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_nik_key")
    assert "re-encrypted: 1" in capsys.readouterr().out
    person.refresh_from_db()
    assert Fernet(new_key.encode()).decrypt(person.nik_encrypted.encode()).decode() == MALE_NIK
    settings.NIK_ENCRYPTION_KEYS = [new_key]  # the old key can now be dropped
    assert nik_decrypt(person.nik_encrypted) == MALE_NIK


def test_rotate_nik_key_rehashes_after_a_hash_key_change(world, make_person, settings, capsys):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    old_hash_key = settings.NIK_HASH_KEY
    settings.NIK_HASH_KEY = "a-brand-new-hash-key-for-the-test-0123456789"
    assert person_find_by_nik(nik=MALE_NIK) is None
    call_command("rotate_nik_key", "--rehash", "--old-hash-key", old_hash_key)
    out = capsys.readouterr().out
    assert "rehashed: 1" in out
    assert MALE_NIK not in out
    assert person_find_by_nik(nik=MALE_NIK) == person
