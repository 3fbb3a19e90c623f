import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from desabinaan.audit.models import AuditEntry
from desabinaan.core.errors import Conflict
from desabinaan.people import validation as v
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.services import person_update
from lib import nik as nik_lib

from .conftest import MALE_NIK


def test_it_updates_and_audits_the_change(world, make_person):
    person = make_person("Rina", phone="0811111111")
    updated = person_update(
        actor=world.budi, person=person, version=1, name="Rina Marlina", phone="0822222222"
    )
    assert updated.version == 2
    person.refresh_from_db()
    assert (person.name, person.name_key, person.version) == ("Rina Marlina", "rina marlina", 2)
    entry = AuditEntry.objects.get(target_id=str(person.pk), action=AuditEntry.Action.UPDATE)
    assert entry.changes["name"] == ["Rina", "Rina Marlina"]
    assert entry.changes["phone"] == ["•", "•"]
    assert entry.changes["version"] == [1, 2]


def test_a_stale_version_is_refused_not_overwritten(world, make_person):
    person = make_person("Rina")
    person_update(actor=world.fajar, person=person, version=1, name="Rina M")
    with pytest.raises(Conflict) as info:
        person_update(actor=world.budi, person=person, version=1, name="Rina B")
    assert str(info.value) == str(v.VERSION_CONFLICT)
    person.refresh_from_db()
    assert person.name == "Rina M"


def test_nothing_changed_writes_nothing(world, make_person):
    person = make_person("Rina")
    person_update(actor=world.budi, person=person, version=1, name="Rina")
    person.refresh_from_db()
    assert person.version == 1
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).exists()


def test_a_sex_change_must_still_match_the_nik(world, make_person):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    with pytest.raises(ValidationError) as info:
        person_update(actor=world.fajar, person=person, version=1, sex="F")
    assert info.value.error_dict["nik"][0].code == nik_lib.SEX_MISMATCH


def test_it_replaces_the_nik(world, make_person):
    person = make_person("Andi", sex="M")
    person_update(actor=world.fajar, person=person, version=1, nik=MALE_NIK)
    person.refresh_from_db()
    assert nik_decrypt(person.nik_encrypted) == MALE_NIK
    assert person.nik_masked == "1771********0001"
    assert MALE_NIK not in repr(AuditEntry.objects.filter(action="update").values_list("changes", flat=True))


def test_the_birth_year_follows_a_new_birth_date(world, make_person):
    person = make_person("Rina")
    person_update(actor=world.fajar, person=person, version=1, birth_date=dt.date(1992, 1, 2))
    person.refresh_from_db()
    assert person.birth_year == 1992


def _form(person, **overrides):
    data = {
        "name": person.name,
        "nik": "",
        "birth_date": person.birth_date.isoformat(),
        "sex": person.sex,
        "village": person.village_id,
        "phone": person.phone,
        "version": person.version,
    }
    return {**data, **overrides}


def test_the_edit_page_saves_with_the_version(world, login, make_person):
    person = make_person("Rina")
    client = login(world.budi)
    html = client.get(f"/orang/{person.pk}/ubah/").content.decode()
    assert 'name="version"' in html
    response = client.post(f"/orang/{person.pk}/ubah/", _form(person, name="Rina Marlina"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Rina Marlina"


def test_the_edit_page_shows_a_conflict_in_indonesian(world, login, make_person):
    person = make_person("Rina")
    stale = _form(person, name="Rina Budi")
    person_update(actor=world.fajar, person=person, version=1, name="Rina Fajar")
    response = login(world.budi).post(f"/orang/{person.pk}/ubah/", stale)
    assert response.status_code == 200
    assert str(v.VERSION_CONFLICT) in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Rina Fajar"
