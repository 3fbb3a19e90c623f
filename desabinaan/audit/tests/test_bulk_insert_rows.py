"""`core.bulk.insert_rows`, the insert under the import's bulk services, stores what `bulk_create` stores."""

import datetime as dt

from django.forms.models import model_to_dict

from desabinaan.audit.models import AuditEntry
from desabinaan.core.bulk import insert_rows
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.models import Person
from desabinaan.people.services.persons import _set_nik

NIK = "1708044204990001"


def _persons(world, n, nik):
    people = []
    for i in range(n):
        person = Person(
            name=f"Sari Sintetis {i}",
            name_key=f"sari sintetis {i}",
            sex="F",
            birth_date=dt.date(1999, 4, 2),
            birth_year=1999,
            village=world.tebat_monok,
            phone="+6281234567890",
        )
        if i == 0:
            _set_nik(person, nik)
        people.append(person)
    return people


def test_rows_read_back_as_bulk_create_writes_them(world):
    ours, theirs = _persons(world, 3, NIK), _persons(world, 3, "1708044204990002")
    insert_rows(ours)
    Person.objects.bulk_create(theirs)
    skip = {"id", "nik_encrypted", "nik_hash", "nik_masked"}  # (different NIKs: unique)
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine.pk is not None and not mine._state.adding
        stored, expected = Person.objects.get(pk=mine.pk), Person.objects.get(pk=reference.pk)
        assert {k: v for k, v in model_to_dict(stored).items() if k not in skip} == {
            k: v for k, v in model_to_dict(expected).items() if k not in skip
        }
    assert nik_decrypt(Person.objects.get(pk=ours[0].pk).nik_encrypted) == NIK
    assert Person.objects.get(pk=ours[0].pk).nik_masked == ours[0].nik_masked


def test_audit_entries_get_their_time_and_changes(world):
    entries = [
        AuditEntry(
            action=AuditEntry.Action.CREATE,
            target_type="people.person",
            target_id=str(i),
            changes={"a": [None, i]},
        )
        for i in range(1200)
    ]
    insert_rows(entries)
    stored = AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).order_by("pk")
    assert [e.changes for e in stored] == [{"a": [None, i]} for i in range(1200)]
    assert all(e.at is not None for e in stored)
    assert [e.target_id for e in stored] == [str(i) for i in range(1200)]


def test_a_thousand_rows_are_a_few_statements_not_one_each(world, django_assert_max_num_queries):
    entries = [
        AuditEntry(action=AuditEntry.Action.CREATE, target_type="x.y", target_id=str(i)) for i in range(1000)
    ]
    with django_assert_max_num_queries(30):
        insert_rows(entries)
    assert AuditEntry.objects.filter(target_type="x.y").count() == 1000
