import pytest
from django.core.exceptions import ValidationError

from desabinaan.audit.models import AccessEntry, AuditEntry
from desabinaan.audit.services import access_record
from desabinaan.people import validation as v
from desabinaan.people.crypto import nik_hash
from desabinaan.people.models import Consent, NotDuplicate, Person
from desabinaan.people.selectors import people_for_user, person_find_by_nik
from desabinaan.people.services import consent_record, person_mark_not_duplicate, person_merge

from .conftest import MALE_NIK


@pytest.fixture
def pair(world, make_person):
    keep = make_person("Muhammad Rizki", sex="M")
    remove = make_person("Moh. Rizki", sex="M", nik=MALE_NIK, phone="0812000111")
    return keep, remove


def test_merge_moves_every_related_record(world, pair):
    keep, remove = pair
    consent = consent_record(
        actor=world.budi, person=remove, purpose="education", lawful_basis="consent", purpose_text="teks"
    )
    access_record(actor=world.budi, person=remove)
    person_merge(actor=world.fajar, keep=keep, remove=remove)
    consent.refresh_from_db()
    assert consent.person == keep
    # AccessEntry lives in the audit app: found through Person._meta.related_objects, not a hand-made list.
    assert AccessEntry.objects.filter(person=remove).count() == 0
    assert AccessEntry.objects.filter(person=keep).count() == 1


def test_merge_marks_the_removed_record_and_moves_the_nik(world, pair):
    keep, remove = pair
    person_merge(actor=world.fajar, keep=keep, remove=remove)
    keep.refresh_from_db()
    remove.refresh_from_db()
    assert remove.merged_into == keep
    assert remove.nik_hash is None and remove.nik_encrypted == ""
    assert keep.nik_hash == nik_hash(MALE_NIK)
    assert keep.nik_masked == "1771********0001"
    assert keep.phone == "+62812000111"  # stored as E.164 when registered
    assert person_find_by_nik(nik=MALE_NIK) == keep
    assert list(people_for_user(world.fajar)) == [keep]


def test_merge_is_audited_on_both_records(world, pair):
    keep, remove = pair
    person_merge(actor=world.fajar, keep=keep, remove=remove)
    merged = AuditEntry.objects.get(action="merge", target_id=str(remove.pk))
    assert merged.actor == world.fajar
    assert merged.changes["merged_into"] == [None, str(keep.pk)]
    kept = AuditEntry.objects.get(action="merge", target_id=str(keep.pk))
    assert kept.changes["merged_from"] == [None, str(remove.pk)]
    assert MALE_NIK not in repr(merged.changes) + repr(kept.changes)


def test_merge_refuses_nonsense(world, pair, make_person):
    keep, remove = pair
    with pytest.raises(ValidationError):
        person_merge(actor=world.fajar, keep=keep, remove=keep)
    other_nik = make_person("Moh Rizki", sex="M", nik="1771011205900009")
    with pytest.raises(ValidationError) as info:
        person_merge(actor=world.fajar, keep=remove, remove=other_nik)
    assert info.value.messages == [str(v.MERGE_TWO_NIKS)]
    person_merge(actor=world.fajar, keep=keep, remove=remove)
    with pytest.raises(ValidationError):
        person_merge(actor=world.fajar, keep=keep, remove=remove)


def test_not_duplicate_decisions_carry_over(world, pair, make_person):
    keep, remove = pair
    third = make_person("Muhammad Rizky", sex="M")
    person_mark_not_duplicate(actor=world.fajar, person_a=third, person_b=remove)
    person_merge(actor=world.fajar, keep=keep, remove=remove)
    low, high = sorted((keep.pk, third.pk))
    assert NotDuplicate.objects.filter(person_a_id=low, person_b_id=high).exists()
    assert not NotDuplicate.objects.filter(person_a=remove).exists()
    assert not NotDuplicate.objects.filter(person_b=remove).exists()


def test_the_merge_page_asks_for_confirmation(world, login, pair):
    keep, remove = pair
    client = login(world.budi)
    page = client.get(f"/orang/{keep.pk}/gabung/")
    assert f"?dengan={remove.pk}" in page.content.decode()
    confirm = client.get(f"/orang/{keep.pk}/gabung/?dengan={remove.pk}").content.decode()
    assert "data-confirm=" in confirm
    assert 'name="confirmed" value="1"' in confirm
    unconfirmed = client.post(f"/orang/{keep.pk}/gabung/", {"remove": remove.pk})
    assert unconfirmed.status_code == 302
    assert Person.objects.get(pk=remove.pk).merged_into is None
    done = client.post(f"/orang/{keep.pk}/gabung/", {"remove": remove.pk, "confirmed": "1"})
    assert done.status_code == 302
    assert Person.objects.get(pk=remove.pk).merged_into == keep
    detail = client.get(f"/orang/{keep.pk}/").content.decode()
    assert f'href="/orang/{remove.pk}/"' in detail  # listed under merged records


def test_merge_only_within_scope_and_for_writers(world, login, pair, make_person):
    keep, remove = pair
    outside = make_person("Moh. Rizki", sex="M", village=world.other_village)
    budi = login(world.budi)
    assert budi.get(f"/orang/{keep.pk}/gabung/?dengan={outside.pk}").status_code == 404
    assert budi.post(f"/orang/{keep.pk}/gabung/", {"remove": outside.pk, "confirmed": "1"}).status_code == 404
    assert (
        login(world.eka)
        .post(f"/orang/{keep.pk}/gabung/", {"remove": remove.pk, "confirmed": "1"})
        .status_code
        == 403
    )
    assert (
        login(world.dewi)
        .post(f"/orang/{keep.pk}/gabung/", {"remove": remove.pk, "confirmed": "1"})
        .status_code
        == 404
    )
    assert not Person.objects.filter(merged_into__isnull=False).exists()
    assert Consent.objects.count() == 0
