from desabinaan.audit.models import AccessEntry

from .conftest import MALE_NIK


def test_the_admin_never_shows_the_encrypted_nik_or_hash(world, login, make_person):
    person = make_person("Andi", nik=MALE_NIK, sex="M")
    client = login(world.admin)
    html = client.get(f"/admin/people/person/{person.pk}/change/").content.decode()
    assert "Andi" in html
    assert "1771********0001" in html
    for secret in (MALE_NIK, person.nik_encrypted, person.nik_hash):
        assert secret not in html
    assert AccessEntry.objects.filter(person=person, channel="admin").exists()
    listing = client.get("/admin/people/person/").content.decode()
    assert person.nik_hash not in listing and MALE_NIK not in listing


def test_the_admin_is_read_only(world, login, make_person):
    person = make_person("Andi")
    client = login(world.admin)
    assert client.get("/admin/people/person/add/").status_code == 403
    client.post(f"/admin/people/person/{person.pk}/change/", {"name": "Changed"})
    person.refresh_from_db()
    assert person.name == "Andi"
