"""A referral outcome that identifies a person as a victim is confidential (UU 21/2007 Art. 44, docs/rules.md §4):
the office and the partner agency handling the case see it; the village liaison never does."""

import pytest
from django.core.exceptions import ValidationError

from desabinaan.protection import selectors
from desabinaan.protection.forms import ReferralStatusForm
from desabinaan.protection.models import Referral
from desabinaan.protection.services import VICTIM_OUTCOME_NOT_FOR_VILLAGE, referral_update
from desabinaan.stats.periods import Period
from desabinaan.stats.selectors import summary, target_parse
from desabinaan.stats.services import stats_refresh


def _close_as_victim(world, referral):
    return referral_update(
        actor=world.fajar, referral=referral, version=referral.version, status="closed", outcome="victim"
    )


def test_the_liaison_no_longer_sees_a_village_referral_closed_as_victim(world, village_referral, login):
    assert selectors.referrals_for(world.budi).filter(pk=village_referral.pk).exists()
    _close_as_victim(world, village_referral)
    assert not selectors.referrals_for(world.budi).exists()
    client = login(world.budi)
    assert client.get(f"/perlindungan/rujukan/{village_referral.pk}/").status_code == 404
    assert b"korban" not in client.get("/perlindungan/rujukan/").content
    assert client.get(f"/api/v1/referrals/{village_referral.pk}").status_code == 404
    assert client.get("/api/v1/referrals").json() == []


def test_the_office_and_the_handling_agency_still_see_the_victim_outcome(world, agency_referral, login):
    referral = referral_update(
        actor=world.gita,
        referral=agency_referral,
        version=agency_referral.version,
        status="closed",
        outcome="victim",
    )
    assert referral.outcome == Referral.Outcome.VICTIM
    for persona in (world.fajar, world.gita):
        response = login(persona).get(f"/api/v1/referrals/{referral.pk}")
        assert response.status_code == 200 and response.json()["outcome"] == "victim"
    # The liaison of the applicant's village sees neither the agency's referral nor its outcome.
    assert login(world.budi).get(f"/api/v1/referrals/{referral.pk}").status_code == 404


def test_the_liaison_cannot_record_a_person_as_a_victim(world, village_referral, login):
    with pytest.raises(ValidationError) as exc:
        referral_update(
            actor=world.budi,
            referral=village_referral,
            version=village_referral.version,
            status="closed",
            outcome="victim",
        )
    assert str(VICTIM_OUTCOME_NOT_FOR_VILLAGE) in str(exc.value)
    page = login(world.budi).get(f"/perlindungan/rujukan/{village_referral.pk}/").content.decode()
    assert 'value="victim"' not in page
    assert "victim" in dict(ReferralStatusForm(allow_victim=True).fields["outcome"].choices)
    response = login(world.budi).patch(
        f"/api/v1/referrals/{village_referral.pk}",
        {"version": village_referral.version, "status": "closed", "outcome": "victim"},
        content_type="application/json",
    )
    assert response.status_code == 422 and response.json()["field"] == "outcome"
    village_referral.refresh_from_db()
    assert village_referral.status == "open"


def test_a_village_dashboard_never_counts_victims_but_the_office_area_does(world, village_referral):
    _close_as_victim(world, village_referral)
    stats_refresh()
    today = village_referral.created_at.date()
    month = Period(today.replace(day=1), today)
    village = summary(target_parse(f"village:{world.tebat_monok.code}"), month)["figures"]
    assert "victim" not in village["referral_outcomes"]
    kanim = summary(target_parse(f"kanim:{world.kanim_bkl.pk}"), month)["figures"]
    assert kanim["referral_outcomes"].get("victim") == 1
