import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.people import validation as v
from desabinaan.people.forms import PURPOSE_TEXTS
from desabinaan.people.models import Consent
from desabinaan.people.selectors import people_needing_attention
from desabinaan.people.services import consent_record, consent_withdraw


@pytest.fixture
def minor(make_person):
    today = timezone.localdate()
    return make_person("Putri", birth_date=dt.date(today.year - 15, 1, 1))


def test_a_minor_needs_a_guardian(world, minor):
    with pytest.raises(ValidationError) as info:
        consent_record(
            actor=world.budi, person=minor, purpose="education", lawful_basis="consent", purpose_text="t"
        )
    assert info.value.error_dict["guardian_name"][0].message == v.GUARDIAN_REQUIRED
    assert not Consent.objects.exists()
    consent = consent_record(
        actor=world.budi,
        person=minor,
        purpose="education",
        lawful_basis="consent",
        purpose_text="t",
        guardian_name="Siti",
        guardian_relation="ibu",
    )
    assert consent.guardian_name == "Siti"


def test_an_adult_needs_no_guardian_and_it_is_audited(world, make_person):
    person = make_person("Rina")
    consent = consent_record(
        actor=world.budi, person=person, purpose="passport", lawful_basis="consent", purpose_text="teks"
    )
    assert consent.collected_by == world.budi
    assert AuditEntry.objects.filter(
        target_type="people.consent", target_id=str(consent.pk), action="create"
    ).exists()


def test_withdrawing_counts_the_person_as_without_consent_again(world, make_person):
    person = make_person("Rina")
    assert people_needing_attention(world.budi)["without_consent"] == 1
    consent = consent_record(
        actor=world.budi, person=person, purpose="education", lawful_basis="consent", purpose_text="t"
    )
    assert people_needing_attention(world.budi)["without_consent"] == 0
    consent_withdraw(actor=world.budi, consent=consent)
    assert people_needing_attention(world.budi)["without_consent"] == 1
    with pytest.raises(ValidationError):
        consent_withdraw(actor=world.budi, consent=consent)


def test_the_consent_page_shows_the_purpose_text_and_records_it(world, login, make_person):
    person = make_person("Rina")
    client = login(world.budi)
    html = client.get(f"/orang/{person.pk}/persetujuan/").content.decode()
    assert str(PURPOSE_TEXTS["education"])[:60] in html
    response = client.post(f"/orang/{person.pk}/persetujuan/", {"purposes": ["education"]})
    assert response.status_code == 302
    assert Consent.objects.get().purpose_text == str(PURPOSE_TEXTS["education"])


def test_the_consent_page_rejects_a_minor_without_guardian(world, login, minor):
    response = login(world.budi).post(f"/orang/{minor.pk}/persetujuan/", {"purposes": ["education"]})
    assert response.status_code == 200
    assert str(v.GUARDIAN_REQUIRED) in response.content.decode()
    assert not Consent.objects.exists()


def test_withdraw_by_post_within_scope(world, login, make_person):
    person = make_person("Rina")
    consent = consent_record(
        actor=world.budi, person=person, purpose="education", lawful_basis="consent", purpose_text="t"
    )
    assert login(world.citra).post(f"/orang/persetujuan/{consent.pk}/tarik/").status_code == 404
    assert login(world.eka).post(f"/orang/persetujuan/{consent.pk}/tarik/").status_code == 403
    assert login(world.budi).post(f"/orang/persetujuan/{consent.pk}/tarik/").status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
