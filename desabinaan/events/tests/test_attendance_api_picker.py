"""The attendance picker and corrections through the API: same services, same scope as the pages."""

from desabinaan.audit.models import AuditEntry
from desabinaan.events.models import Attendance
from desabinaan.people import services as people


def _person(world, name="Rina Marlina", village=None):
    return people.person_create(
        actor=world.admin,
        name=name,
        sex="F",
        birth_year=1990,
        village=village or world.tebat_monok,
        allow_probable_duplicates=True,
    )


def _pick(client, event, person, **body):
    return client.post(
        f"/api/v1/events/{event.pk}/attendance/pick",
        {"person_id": person.pk, "consent": True, **body},
        content_type="application/json",
    )


def test_an_app_adds_a_registered_person_then_corrects_and_removes_the_attendance(world, login, event):
    rina = _person(world)
    client = login(world.budi)
    created = _pick(client, event, rina, target_group="umum")
    assert created.status_code == 201
    body = created.json()
    assert (body["person_id"], body["name"], body["target_group"], body["source"]) == (
        rina.pk,
        "Rina Marlina",
        "umum",
        "api",
    )
    again = _pick(client, event, rina)
    assert again.status_code == 409
    assert again.json()["code"] == "already_attending" and again.json()["existing_id"] == body["id"]
    url = f"/api/v1/events/{event.pk}/attendance/{body['id']}"
    changed = client.patch(url, {"target_group": None}, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["target_group"] is None
    unknown = client.patch(url, {"target_group": "tidak-ada"}, content_type="application/json")
    assert unknown.status_code == 422 and unknown.json()["field"] == "target_group"
    assert client.delete(url).status_code == 204
    assert not Attendance.objects.exists()
    assert AuditEntry.objects.filter(target_type="events.attendance", action="delete").exists()


def test_it_validates_scope_of_the_picker_and_corrections(world, login, event):
    rina = _person(world)
    outsider = _person(world, "Sari Urai", village=world.other_village)
    assert _pick(login(world.budi), event, outsider).status_code == 404  # a person outside the scope
    assert _pick(login(world.citra), event, rina).status_code == 404  # an event outside the scope
    assert _pick(login(world.dewi), event, rina).status_code == 404
    assert _pick(login(world.eka), event, rina).status_code == 403  # Kanwil reads only
    attendance_id = _pick(login(world.ani), event, rina).json()["id"]
    url = f"/api/v1/events/{event.pk}/attendance/{attendance_id}"
    for persona, status in ((world.citra, 404), (world.dewi, 404), (world.eka, 403)):
        client = login(persona)
        assert client.delete(url).status_code == status, persona
        assert client.patch(url, {}, content_type="application/json").status_code == status, persona
    assert Attendance.objects.filter(pk=attendance_id).exists()
