"""A readiness check for a person without passport-assistance consent warns before saving: the page asks for an
explicit confirmation (or links to recording the consent), the API answers 422 with code `consent_missing`."""

import pytest
from django.core.exceptions import ValidationError

from desabinaan.audit.models import AuditEntry
from desabinaan.passport import services, texts
from desabinaan.passport.models import ReadinessCheck

URL = "/paspor/kesiapan/baru/"


@pytest.fixture
def yanti(make_person):
    return make_person("Yanti Tanpa Persetujuan", consent=False)


def test_the_page_warns_and_saves_nothing_without_confirmation(world, login, yanti):
    response = login(world.budi).post(URL, {"person": yanti.pk, "purpose": "tourism", "case": "new"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="consent-warning"' in page
    assert str(texts.READINESS_CONSENT_MISSING)[:40] in page
    assert f"/orang/{yanti.pk}/persetujuan/" in page
    assert 'name="confirm_without_consent"' in page
    assert not ReadinessCheck.objects.exists()


def test_the_confirmation_checkbox_is_not_offered_up_front(world, login):
    page = login(world.budi).get(URL).content.decode()
    assert 'name="confirm_without_consent"' not in page


def test_a_confirmed_check_is_saved_and_the_confirmation_audited(world, login, yanti):
    response = login(world.budi).post(
        URL, {"person": yanti.pk, "purpose": "tourism", "case": "new", "confirm_without_consent": "on"}
    )
    check = ReadinessCheck.objects.get()
    assert response.status_code == 302
    entry = AuditEntry.objects.get(target_type="passport.readinesscheck", target_id=str(check.pk))
    assert "tanpa persetujuan" in entry.summary


def test_a_person_with_consent_needs_no_confirmation(world, login, siti):
    response = login(world.budi).post(URL, {"person": siti.pk, "purpose": "tourism", "case": "new"})
    assert response.status_code == 302


def test_a_withdrawn_consent_does_not_count(world, yanti, siti):
    consent = siti.consents.get()
    consent.withdrawn_at = consent.given_at
    consent.save(update_fields=["withdrawn_at"])
    with pytest.raises(ValidationError) as refused:
        services.readiness_check_create(actor=world.budi, person=siti, purpose="tourism")
    assert refused.value.error_dict["confirm_without_consent"][0].code == texts.CONSENT_MISSING_CODE
