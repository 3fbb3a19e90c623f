"""From a readiness check with warnings, one click starts a screening, a referral or a report, filled in from the
check; starting one marks the check followed up."""

import re

import pytest

from desabinaan.passport import services, texts
from desabinaan.passport.models import ReadinessCheck
from desabinaan.protection.models import Referral, Report, Screening


@pytest.fixture
def check(world, siti):
    return services.readiness_check_create(
        actor=world.budi,
        person=siti,
        purpose="work",
        destination_country="SA",
        job_offer=True,
        job_type="domestic_worker",
        employer="Keluarga Al-Sintetis",
        agency_name="PT Cepat Berangkat",
        sponsor_name="Pak Udin",
        sponsor_phone="081299998888",
    )


def url(check, what: str) -> str:
    return f"/paspor/kesiapan/{check.reference}/{what}/"


def answers(form_page: str) -> dict:
    """Every indicator answered "no" (the radio names of the rendered screening form)."""
    return dict.fromkeys(set(re.findall(r'name="(a_[\w-]+)"', form_page)), "no")


def test_the_check_page_offers_the_follow_ups_to_officers_only(world, login, check):
    assert check.warnings and check.followed_up_at is None
    page = login(world.fajar).get(f"/paspor/kesiapan/{check.reference}/").content.decode()
    assert url(check, "skrining") in page and url(check, "laporan") in page
    # No screening yet: a referral has nothing to be filed under, so the page says to screen first.
    assert url(check, "rujukan") not in page
    village_page = login(world.budi).get(f"/paspor/kesiapan/{check.reference}/").content.decode()
    assert 'data-testid="follow-up"' not in village_page


def test_the_screening_form_is_filled_in_from_the_check(world, login, check):
    page = login(world.fajar).get(url(check, "skrining")).content.decode()
    assert "Siti Aminah" in page
    assert '<option value="work" selected>' in page
    for value in ("Arab Saudi", "Keluarga Al-Sintetis", "Pak Udin", "081299998888", "PT Cepat Berangkat"):
        assert value in page
    assert check.reference in page


def test_saving_the_screening_marks_the_check_followed_up(world, login, check):
    client = login(world.fajar)
    form = client.get(url(check, "skrining")).content.decode()
    data = {
        "purpose": "work",
        "destination_country": "Arab Saudi",
        "sponsor_name": "Pak Udin",
        "agency_name": "PT Cepat Berangkat",
        **answers(form),
    }
    response = client.post(url(check, "skrining"), data)
    screening = Screening.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/perlindungan/skrining/{screening.pk}/"
    assert screening.person == check.person and screening.sponsor_name == "Pak Udin"
    check.refresh_from_db()
    assert check.followed_up_at is not None


def test_opening_without_saving_does_not_follow_up(world, login, check):
    login(world.fajar).get(url(check, "skrining"))
    check.refresh_from_db()
    assert check.followed_up_at is None


def test_the_person_screening_link_uses_the_latest_check(world, login, check, siti):
    client = login(world.fajar)
    response = client.get(f"/paspor/skrining/orang/{siti.pk}/")
    assert response.status_code == 302 and response["Location"] == url(check, "skrining")


def test_a_person_without_a_check_gets_the_plain_screening_form(world, login, make_person):
    lone = make_person("Tanpa Pemeriksaan")
    response = login(world.fajar).get(f"/paspor/skrining/orang/{lone.pk}/")
    assert response["Location"] == f"/perlindungan/skrining/baru/?person={lone.pk}"


def test_a_referral_is_filed_under_the_latest_screening_and_follows_up(world, login, check):
    client = login(world.fajar)
    refused = client.get(url(check, "rujukan")).content.decode()
    assert str(texts.FOLLOW_UP_NEEDS_SCREENING)[:40] in refused
    screening = services.readiness_screening_create(
        actor=world.fajar, check=check, purpose="work", destination_country="Arab Saudi", answers={}
    )
    ReadinessCheck.objects.filter(pk=check.pk).update(followed_up_at=None)
    page = client.get(url(check, "rujukan")).content.decode()
    assert "PT Cepat Berangkat" in page and "Pak Udin" in page and check.reference in page
    # The reason is read by the village and the agency: the sponsor's phone stays out of it.
    assert "081299998888" not in page
    response = client.post(
        url(check, "rujukan"),
        {"to_village": "on", "action": "education", "reason": f"Dari {check.reference}: edukasi jalur resmi"},
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.screening == screening and referral.to_village
    check.refresh_from_db()
    assert check.followed_up_at is not None


def test_an_officer_files_a_report_about_the_recruiter(world, login, check):
    client = login(world.fajar)
    page = client.get(url(check, "laporan")).content.decode()
    assert "Pak Udin" in page and "081299998888" in page and "PT Cepat Berangkat" in page
    assert world.tebat_monok.code in page
    response = client.post(
        url(check, "laporan"),
        {
            "category": "fake_lpk",
            "description": f"Dari {check.reference}: PT tidak berizin",
            "village": world.tebat_monok.code,
            "agency_name": "PT Cepat Berangkat",
            "involved_0_name": "Pak Udin",
            "involved_0_phone": "081299998888",
        },
    )
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/perlindungan/laporan/{report.pk}/"
    assert report.village == world.tebat_monok and report.involved.get().name == "Pak Udin"
    check.refresh_from_db()
    assert check.followed_up_at is not None


def test_it_validates_scope(world, login, check):
    # An officer of another Kanim: the check is not theirs (404); a village liaison may not screen (403).
    for what in ("skrining", "rujukan", "laporan"):
        assert login(world.dewi).get(url(check, what)).status_code == 404
        assert login(world.citra).get(url(check, what)).status_code == 404
        assert login(world.budi).get(url(check, what)).status_code == 403
    assert login(world.dewi).get(f"/paspor/skrining/orang/{check.person_id}/").status_code == 404
    assert not Screening.objects.exists()
