import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from desabinaan.audit.models import AuditEntry
from desabinaan.people import validation as v
from desabinaan.people.models import Person
from desabinaan.people.services import NikAlreadyRegistered, ProbableDuplicates, person_create

from .conftest import BIRTH, MALE_NIK


def test_it_registers_a_person_and_audits_without_secrets(world):
    person = person_create(
        actor=world.budi,
        name="  Andi   Saputra ",
        nik=MALE_NIK,
        birth_date=BIRTH,
        sex="M",
        village=world.tebat_monok,
        phone="081234567890",
    )
    assert person.name == "Andi Saputra"
    assert person.birth_year == 1990
    assert person.created_by == world.budi
    entry = AuditEntry.objects.get(target_type="people.person", target_id=str(person.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == world.budi
    assert entry.changes["name"] == [None, "Andi Saputra"]
    assert entry.changes["nik_hash"] == ["•", "•"]
    assert entry.changes["phone"] == ["•", "•"]
    assert MALE_NIK not in repr(entry.changes)
    assert "081234567890" not in repr(entry.changes)


def test_it_accepts_a_birth_year_alone(world):
    person = person_create(
        actor=world.budi, name="Sumiati", birth_year=1975, sex="F", village=world.tebat_monok
    )
    assert (person.birth_date, person.birth_year) == (None, 1975)


def test_it_needs_a_birth_date_or_year(world):
    with pytest.raises(ValidationError) as info:
        person_create(actor=world.budi, name="Sumiati", sex="F", village=world.tebat_monok)
    assert info.value.error_dict["birth_date"][0].message == v.BIRTH_REQUIRED


def test_it_stops_on_an_exact_nik_match(world, make_person):
    existing = make_person("Andi", nik=MALE_NIK, sex="M")
    with pytest.raises(NikAlreadyRegistered) as info:
        person_create(
            actor=world.fajar,
            name="Someone Else",
            nik=MALE_NIK,
            birth_date=BIRTH,
            sex="M",
            village=world.tebat_monok,
        )
    assert info.value.existing == existing
    assert Person.objects.count() == 1


@pytest.mark.parametrize("spelling", ["Moh. Rizki", "Muhamad Rizki", "M. Rizki", "MOCHAMMAD RIZKI"])
def test_it_finds_probable_duplicates_across_spellings(world, make_person, spelling):
    existing = make_person("Muhammad Rizki", sex="M")
    with pytest.raises(ProbableDuplicates) as info:
        person_create(actor=world.budi, name=spelling, birth_date=BIRTH, sex="M", village=world.tebat_monok)
    assert info.value.candidates == [existing]
    created = person_create(
        actor=world.budi,
        name=spelling,
        birth_date=BIRTH,
        sex="M",
        village=world.tebat_monok,
        allow_probable_duplicates=True,
    )
    assert created.pk != existing.pk


def test_same_year_counts_only_in_the_same_village(world, make_person):
    make_person("Muhammad Rizki", birth_year=1990, sex="M")
    with pytest.raises(ProbableDuplicates):
        person_create(
            actor=world.fajar, name="Moh Rizki", birth_year=1990, sex="M", village=world.tebat_monok
        )
    other = person_create(
        actor=world.fajar, name="Moh Rizki", birth_year=1990, sex="M", village=world.other_village
    )
    assert other.pk


def test_a_different_birth_date_is_not_a_duplicate(world, make_person):
    make_person("Muhammad Rizki", sex="M")
    person = person_create(
        actor=world.budi,
        name="Moh. Rizki",
        birth_date=dt.date(1991, 5, 12),
        sex="M",
        village=world.tebat_monok,
    )
    assert person.pk


def test_candidates_come_only_from_the_actors_scope(world, make_person):
    make_person("Muhammad Rizki", sex="M", village=world.other_village)
    # Budi cannot see Desa Urai, so that record must not be offered (or revealed) to him.
    person = person_create(
        actor=world.budi, name="Moh. Rizki", birth_date=BIRTH, sex="M", village=world.tebat_monok
    )
    assert person.pk


FORM = {"name": "Moh. Rizki", "nik": "", "birth_date": "1990-05-12", "sex": "M", "village": "17.08.04.2002"}


def test_the_form_registers_a_person(world, login):
    response = login(world.budi).post("/orang/baru/", FORM)
    person = Person.objects.get()
    assert response.status_code == 302
    assert response.url == f"/orang/{person.pk}/"
    assert person.village == world.tebat_monok


def test_the_form_starts_a_liaison_on_their_village(world, login):
    html = login(world.budi).get("/orang/baru/").content.decode()
    assert 'value="17.08.04.2002"' in html


def test_a_liaison_cannot_register_people_of_another_village(world, login):
    response = login(world.budi).post("/orang/baru/", {**FORM, "village": world.other_village.code})
    assert response.status_code == 200
    assert str(v.VILLAGE_OUT_OF_SCOPE) in response.content.decode()
    assert not Person.objects.exists()


def test_the_form_lists_probable_duplicates_before_creating(world, login, make_person):
    existing = make_person("Muhammad Rizki", sex="M")
    client = login(world.budi)
    response = client.post("/orang/baru/", FORM)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/orang/{existing.pk}/"' in html
    assert "Gunakan orang ini" in html
    assert 'name="confirm_new" value="1"' in html
    assert Person.objects.count() == 1
    confirmed = client.post("/orang/baru/", {**FORM, "confirm_new": "1"})
    assert confirmed.status_code == 302
    assert Person.objects.count() == 2


def test_the_form_links_an_exact_nik_match_in_scope(world, login, make_person):
    existing = make_person("Andi", nik=MALE_NIK, sex="M")
    response = login(world.budi).post("/orang/baru/", {**FORM, "name": "Andi S", "nik": MALE_NIK})
    html = response.content.decode()
    assert f'href="/orang/{existing.pk}/"' in html
    assert str(v.NIK_ALREADY_REGISTERED) in html
    assert Person.objects.count() == 1


def test_the_form_only_says_registered_elsewhere_out_of_scope(world, login, make_person):
    existing = make_person("Andi Rahasia", nik=MALE_NIK, sex="M", village=world.other_village)
    response = login(world.budi).post("/orang/baru/", {**FORM, "name": "Andi S", "nik": MALE_NIK})
    html = response.content.decode()
    assert str(v.NIK_REGISTERED_ELSEWHERE) in html
    assert f"/orang/{existing.pk}/" not in html
    assert "Andi Rahasia" not in html


def _api(client, **overrides):
    body = {"name": "Moh. Rizki", "birth_date": "1990-05-12", "sex": "M", "village_code": "17.08.04.2002"}
    return client.post("/api/v1/people", {**body, **overrides}, content_type="application/json")


def test_the_api_creates_and_reports_possible_duplicates(world, login, make_person):
    existing = make_person("Muhammad Rizki", sex="M", nik=MALE_NIK)
    response = _api(login(world.fajar))
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Moh. Rizki"
    assert body["birth_date"] == "1990-05-12"
    assert body["sex"] == "M"
    assert body["village_code"] == "17.08.04.2002"
    assert body["nik_masked"] == ""
    assert body["possible_duplicates"] == [
        {"id": existing.pk, "name": "Muhammad Rizki", "nik_masked": "1771********0001"}
    ]
    assert AuditEntry.objects.filter(target_id=str(body["id"]), action="create").exists()


def test_the_api_answers_409_on_an_exact_nik_match(world, login, make_person):
    existing = make_person("Andi", nik=MALE_NIK, sex="M")
    response = _api(login(world.fajar), nik=MALE_NIK)
    assert response.status_code == 409
    assert response.json() == {
        "detail": str(v.NIK_ALREADY_REGISTERED),
        "field": "nik",
        "code": "nik_registered",
        "existing_id": existing.pk,
    }


def test_the_api_hides_the_existing_id_out_of_scope(world, login, make_person):
    make_person("Andi", nik=MALE_NIK, sex="M", village=world.other_village)
    response = _api(login(world.budi), nik=MALE_NIK)
    assert response.status_code == 409
    assert response.json()["existing_id"] is None


def test_the_api_refuses_a_village_out_of_scope(world, login):
    assert _api(login(world.budi), village_code=world.other_village.code).status_code == 403
    assert _api(login(world.dewi)).status_code == 403
    assert _api(login(world.eka)).status_code == 403
    assert _api(login(world.fajar), village_code="99.99.99.9999").status_code == 422
    assert not Person.objects.exists()
