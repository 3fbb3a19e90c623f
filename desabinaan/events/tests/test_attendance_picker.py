"""The attendance picker: search the registry (name, phone, NIK through its keyed hash) in the user's scope, add the
person in one tap, and correct the list in place (change the target group, remove with confirmation, audited)."""

import pytest
from django.urls import reverse

from desabinaan.audit.models import AccessEntry, AuditEntry
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance, QuizResponse
from desabinaan.people import services as people
from desabinaan.people.models import Consent, LawfulBasis, Person, Purpose

NIK = "1708044506950001"  # district 17.08.04, woman born 05-06-1995


def _person(world, name="Siti Aminah", *, village=None, consent=True, **kwargs):
    person = people.person_create(
        actor=world.admin,
        name=name,
        sex=kwargs.pop("sex", "F"),
        birth_year=kwargs.pop("birth_year", 1995),
        village=village or world.tebat_monok,
        allow_probable_duplicates=True,
        **kwargs,
    )
    if consent:
        people.consent_record(
            actor=world.admin,
            person=person,
            purpose=Purpose.EDUCATION,
            lawful_basis=LawfulBasis.CONSENT,
            purpose_text="teks",
        )
    return person


def _search(client, event, q, htmx=True):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("events:attend_search", args=[event.pk]), {"q": q}, headers=headers)


def _pick(client, event, person, **extra):
    return client.post(reverse("events:attend_pick", args=[event.pk]), {"person": person.pk, **extra})


def test_a_liaison_finds_a_registered_person_by_name_and_records_them_in_one_tap(world, login, event):
    siti = _person(world)
    client = login(world.budi)
    found = _search(client, event, "siti amin").content.decode()
    assert f'data-candidate="{siti.pk}"' in found
    response = _pick(client, event, siti)
    assert response.status_code == 302 and response["Location"] == reverse("events:attend", args=[event.pk])
    attendance = Attendance.objects.get(event=event)
    assert attendance.person == siti and attendance.target_group.code == "umum"  # the event's only group
    assert Person.objects.count() == 1  # nothing typed again, no second record
    page = client.get(response["Location"]).content.decode()
    assert "Siti Aminah dicatat hadir." in page
    assert "Sudah tercatat hadir" in _search(client, event, "siti").content.decode()


def test_it_finds_a_person_by_full_nik_through_the_keyed_hash_and_logs_the_read(world, login, event):
    siti = _person(world, nik=NIK, birth_date=None)
    client = login(world.ani)
    found = _search(client, event, "1708 0445 0695 0001").content.decode()
    assert f'data-candidate="{siti.pk}"' in found
    assert NIK not in found  # only the masked NIK is shown
    assert AccessEntry.objects.filter(person=siti, actor=world.ani).exists()
    partial = _search(client, event, "17080445").content.decode()
    assert "data-candidate" not in partial and str(v.PICKER_PARTIAL_NIK) in partial


def test_it_finds_a_person_by_phone_written_either_way(world, login, event):
    siti = _person(world, phone="081234567890")
    client = login(world.budi)
    for typed in ("0812-3456-7890", "+62 812 3456 7890"):
        assert f'data-candidate="{siti.pk}"' in _search(client, event, typed).content.decode(), typed


def test_it_never_offers_a_person_outside_the_users_scope(world, login, event, other_event):
    outsider = _person(world, "Siti Urai", village=world.other_village)
    budi = login(world.budi)
    assert "data-candidate" not in _search(budi, event, "siti").content.decode()
    assert _pick(budi, event, outsider).status_code == 404  # a forged id is refused
    assert not Attendance.objects.exists()
    assert _search(login(world.citra), event, "siti").status_code == 404  # event outside citra's village
    assert _search(login(world.dewi), event, "siti").status_code == 404
    assert _search(login(world.eka), event, "siti").status_code == 403  # Kanwil reads only


def test_a_person_without_consent_needs_the_checkbox_before_being_recorded(world, login, event):
    siti = _person(world, consent=False)
    client = login(world.budi)
    found = _search(client, event, "siti").content.decode()
    assert 'name="consent"' in found
    refused = _pick(client, event, siti)
    assert refused.status_code == 422
    assert str(v.CONSENT_REQUIRED) in refused.content.decode()
    assert not Attendance.objects.exists()
    assert _pick(client, event, siti, consent="on").status_code == 302
    assert Consent.objects.filter(person=siti, purpose=Purpose.EDUCATION, collected_by=world.budi).exists()


def test_the_plain_form_without_javascript_shows_the_whole_page_with_results(world, login, event):
    siti = _person(world)
    page = _search(login(world.budi), event, "siti", htmx=False).content.decode()
    assert "<html" in page and f'data-candidate="{siti.pk}"' in page


def test_ten_registered_people_are_recorded_with_two_requests_each(world, login, event):
    persons = [_person(world, f"Peserta Nomor {chr(65 + i)}") for i in range(10)]
    client = login(world.budi)
    for person in persons:
        assert f'data-candidate="{person.pk}"' in _search(client, event, person.name).content.decode()
        assert _pick(client, event, person).status_code == 302
    assert Attendance.objects.filter(event=event).count() == 10


@pytest.mark.parametrize("size", [3, 30])
def test_the_search_costs_the_same_queries_whatever_the_registry_size(
    world, login, event, django_assert_max_num_queries, size
):
    for i in range(size):
        _person(world, f"Siti Nomor {i:03d}")
    client = login(world.budi)
    _search(client, event, "siti")  # warm the session and the user
    with django_assert_max_num_queries(12):
        response = _search(client, event, "siti")
    assert response.content.decode().count("data-candidate=") == min(size, 10)


def test_an_officer_corrects_the_target_group_and_removes_a_mistaken_attendance(world, login, event):
    from desabinaan.events.models import TargetGroup

    siti = _person(world)
    client = login(world.fajar)
    _pick(client, event, siti)
    attendance = Attendance.objects.get()
    QuizResponse.objects.create(
        event=event, attendance=attendance, phase="pre", source="paper", score=1, total=2
    )
    listing = client.get(reverse("events:attendance", args=[event.pk])).content.decode()
    assert reverse("events:attendance_remove", args=[event.pk, attendance.pk]) in listing
    other = TargetGroup.objects.exclude(pk=attendance.target_group_id).first()
    edit_url = reverse("events:attendance_edit", args=[event.pk, attendance.pk])
    assert client.post(edit_url, {"target_group": other.pk}).status_code == 302
    attendance.refresh_from_db()
    assert attendance.target_group == other
    assert AuditEntry.objects.filter(action="update", target_type="events.attendance").exists()
    remove_url = reverse("events:attendance_remove", args=[event.pk, attendance.pk])
    confirm = client.get(remove_url)
    assert confirm.status_code == 200 and "Ya, hapus" in confirm.content.decode()
    assert Attendance.objects.exists()  # asking removes nothing
    assert client.post(remove_url).status_code == 302
    assert not Attendance.objects.exists()
    assert Person.objects.filter(pk=siti.pk).exists()  # the person stays in the registry
    assert QuizResponse.objects.get().attendance is None  # the quiz answers stay, untied
    assert AuditEntry.objects.filter(action="delete", target_type="events.attendance").exists()


def test_correction_is_refused_outside_the_scope_and_for_read_only_roles(world, login, event):
    siti = _person(world)
    _pick(login(world.budi), event, siti)
    attendance = Attendance.objects.get()
    for name in ("events:attendance_edit", "events:attendance_remove"):
        url = reverse(name, args=[event.pk, attendance.pk])
        assert login(world.citra).post(url).status_code == 404
        assert login(world.dewi).post(url).status_code == 404
        assert login(world.eka).post(url).status_code == 403
        assert login(world.gita).post(url).status_code == 403
    assert Attendance.objects.filter(pk=attendance.pk).exists()
