"""persons_bulk_create: every row checked as person_create checks one, and every row answered."""

from desabinaan.audit.models import AuditEntry
from desabinaan.people import validation as v
from desabinaan.people.models import Consent, LawfulBasis, Person, Purpose
from desabinaan.people.services import (
    ConsentTerms,
    PersonIn,
    consents_bulk_record,
    person_create,
    persons_bulk_create,
)

from .conftest import BIRTH, FEMALE_NIK, MALE_NIK

TERMS = ConsentTerms(purpose=Purpose.EDUCATION, lawful_basis=LawfulBasis.CONSENT, purpose_text="Sosialisasi")


def test_it_registers_good_rows_with_consent_and_reports_each_refused_row(world):
    village = world.tebat_monok.code
    registered = person_create(
        actor=world.budi, name="Ani", nik=FEMALE_NIK, birth_date=BIRTH, sex="F", village=world.tebat_monok
    )
    outcomes = persons_bulk_create(
        actor=world.budi,
        rows=[
            PersonIn(
                name=" Andi  Saputra ",
                sex="M",
                village_id=village,
                birth_date=BIRTH,
                nik=MALE_NIK,
                phone="0812-3456-7890",
            ),
            PersonIn(name="Tanpa Lahir", sex="M", village_id=village),
            PersonIn(name="Salah NIK", sex="M", village_id=village, birth_year=1990, nik="1771010101900000"),
            PersonIn(name="Ani Lagi", sex="F", village_id=village, birth_date=BIRTH, nik=FEMALE_NIK),
            PersonIn(name="Di Luar", sex="M", village_id=world.other_village.code, birth_year=1990),
            PersonIn(name="Anak", sex="F", village_id=village, birth_year=2015),
            PersonIn(name="X" * 200, sex="M", village_id=village, birth_year=1990),
        ],
        consent=TERMS,
    )
    andi = outcomes[0].person
    assert andi is not None and andi.pk and andi.name == "Andi Saputra" and andi.nik_hash
    assert andi.phone == "+6281234567890"  # stored as E.164, like person_create
    assert (
        outcomes[0].consent.person_id == andi.pk and outcomes[0].consent.lawful_basis == LawfulBasis.CONSENT
    )
    assert outcomes[1].error == str(v.BIRTH_REQUIRED)
    assert outcomes[2].error == str(v.NIK_MESSAGES["bad_serial"])
    assert outcomes[3].existing == registered
    assert outcomes[4].error == str(v.VILLAGE_OUT_OF_SCOPE)
    assert outcomes[5].error == str(v.GUARDIAN_REQUIRED)
    assert outcomes[6].error  # full_clean: name longer than the field
    assert all(o.person is None for o in outcomes[1:])
    assert Person.objects.count() == 2 and Consent.objects.count() == 1
    entry = AuditEntry.objects.get(target_type="people.person", target_id=str(andi.pk))
    assert entry.changes["nik_hash"] == ["•", "•"] and entry.changes["phone"] == ["•", "•"]
    assert MALE_NIK not in repr(entry.changes)


def test_it_refuses_probable_duplicates_unless_allowed(world):
    person_create(actor=world.budi, name="Sumiati", birth_year=1975, sex="F", village=world.tebat_monok)
    row = PersonIn(name="Sumiati", sex="F", village_id=world.tebat_monok.code, birth_year=1975)
    (refused,) = persons_bulk_create(actor=world.budi, rows=[row])
    assert refused.person is None and [c.name for c in refused.candidates] == ["Sumiati"]
    (allowed,) = persons_bulk_create(actor=world.budi, rows=[row], allow_probable_duplicates=True)
    assert allowed.person is not None


def test_consents_are_checked_like_consent_record(world):
    adult = person_create(
        actor=world.budi, name="Dewasa", birth_year=1980, sex="M", village=world.tebat_monok
    )
    minor = person_create(
        actor=world.budi, name="Remaja", birth_year=2012, sex="F", village=world.tebat_monok
    )
    written, refused = consents_bulk_record(
        actor=world.budi, items=[(adult, "", ""), (minor, "", "")], terms=TERMS
    )
    assert isinstance(written, Consent) and written.pk and written.person == adult
    assert refused == str(v.GUARDIAN_REQUIRED)
