"""Each model declares its personal and confidential fields (AUDIT_SECRET_FIELDS); the audit trail holds "•" for them."""

import datetime as dt

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_bulk_created, audit_record, diff, snapshot
from desabinaan.people.models import Person
from desabinaan.protection.models import Screening
from desabinaan.protection.services import screening_create

SCREENING_SECRETS = ("sponsor_name", "sponsor_phone", "sponsor_phone_normalized", "host_abroad", "notes")


def _person(world):
    return Person.objects.create(
        name="Sari Sintetis",
        name_key="sari sintetis",
        sex="F",
        birth_date=dt.date(1999, 4, 2),
        birth_year=1999,
        village=world.tebat_monok,
        phone="081234567890",
    )


def _screening(world):
    return screening_create(
        actor=world.fajar,
        person=_person(world),
        purpose="work",
        destination_country="Malaysia",
        answers={},
        host_abroad="Tuan Rumah Rahasia",
        sponsor_name="Pak Calo",
        sponsor_phone="0812-1111-2222",
        notes="Catatan RAHASIA-NOTES",
    )


def test_a_screenings_audit_entry_masks_sponsor_and_confidential_notes(world):
    screening = _screening(world)
    entry = AuditEntry.objects.get(target_type="protection.screening", target_id=str(screening.pk))
    for name in SCREENING_SECRETS:
        assert entry.changes[name] == ["•", "•"], name
    text = str(entry.changes)
    assert "RAHASIA" not in text and "1111" not in text and "Pak Calo" not in text
    assert entry.changes["destination_country"] == [None, "Malaysia"]


def test_a_diff_of_model_secret_fields_is_masked_when_recorded(world):
    screening = _screening(world)
    before = snapshot(screening, ["notes", "job"])
    screening.notes, screening.job = "Catatan baru RAHASIA", "Perawat"
    entry = audit_record(
        actor=world.fajar,
        action="update",
        target=screening,
        changes=diff(before, snapshot(screening, before)),
    )
    entry.refresh_from_db()
    assert entry.changes == {"notes": ["•", "•"], "job": ["", "Perawat"]}


def test_bulk_created_entries_mask_the_models_secret_fields(world):
    person = _person(world)
    person.nik_masked = "1708********0009"
    audit_bulk_created(actor=None, targets=[person])
    entry = AuditEntry.objects.get(target_type="people.person", target_id=str(person.pk))
    assert entry.changes["phone"] == ["•", "•"] and entry.changes["nik_masked"] == ["•", "•"]


def test_models_with_personal_fields_declare_them():
    assert set(SCREENING_SECRETS) <= Screening.AUDIT_SECRET_FIELDS
    assert {"nik_encrypted", "nik_hash", "phone"} <= Person.AUDIT_SECRET_FIELDS
