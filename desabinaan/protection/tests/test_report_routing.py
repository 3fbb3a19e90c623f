"""Every anonymous report has an owner: routing by place, the triage queue, and assignment by triage (issue 11)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from desabinaan.audit.models import AuditEntry
from desabinaan.offices.models import WorkingAreaAssignment
from desabinaan.protection import selectors
from desabinaan.protection.models import Report
from desabinaan.protection.services import PLACE_MISMATCH, referral_create, report_assign, report_submit
from desabinaan.regions.models import Province, Regency

PERSONAS = ("admin", "ani", "fajar", "budi", "citra", "dewi", "eka", "gita")


def submit(**place):
    return report_submit(category="recruiter", description="Calo menawarkan kerja", **place).report


def seen_by(world, report):
    return {name for name in PERSONAS if selectors.report_visible(getattr(world, name), report)}


@pytest.fixture
def places(world):
    return {
        "village": {"village": world.tebat_monok},
        "regency": {"regency": Regency.objects.get(code="32.73")},
        "province": {"province": Province.objects.get(code="17")},
        "nothing": {},
    }


def test_a_village_report_goes_to_the_kanim_serving_its_regency(world):
    report = submit(village=world.tebat_monok)
    assert (report.regency_id, report.province_id, report.kanim) == ("17.08", "17", world.kanim_bkl)


def test_a_regency_report_goes_to_the_kanim_serving_it(world):
    report = submit(regency=Regency.objects.get(code="32.73"))
    assert (report.village, report.province_id, report.kanim) == (None, "32", world.kanim_bdg)


@pytest.mark.parametrize("place", ["province", "nothing"])
def test_a_province_only_or_placeless_report_waits_for_triage(world, places, place):
    report = submit(**places[place])
    assert report.kanim is None
    assert report in selectors.reports_to_triage(world.admin)


def test_a_regency_no_kanim_serves_waits_for_triage(world):
    WorkingAreaAssignment.objects.filter(regency_id="17.71").update(valid_to=dt.date(2024, 12, 31))
    report = submit(regency=Regency.objects.get(code="17.71"))
    assert report.kanim is None and report.province_id == "17"
    assert seen_by(world, report) == {"admin", "eka"}


def test_places_that_disagree_are_refused(world):
    with pytest.raises(ValidationError, match=re.escape(str(PLACE_MISMATCH))):
        submit(village=world.tebat_monok, regency=Regency.objects.get(code="32.73"))
    with pytest.raises(ValidationError, match=re.escape(str(PLACE_MISMATCH))):
        submit(regency=Regency.objects.get(code="32.73"), province=Province.objects.get(code="17"))


@pytest.mark.parametrize(
    "place, expected",
    [
        ("village", {"admin", "ani", "fajar", "eka"}),
        ("regency", {"admin", "dewi"}),
        ("province", {"admin", "eka"}),
        ("nothing", {"admin", "eka"}),
    ],
)
def test_every_report_is_seen_by_someone(world, places, place, expected):
    report = submit(**places[place])
    seen = seen_by(world, report)
    assert seen, f"a report placed by {place} is visible to nobody"
    assert seen == expected


def test_a_kanwil_sees_only_its_province_in_the_triage_queue(world):
    jabar = submit(province=Province.objects.get(code="32"))
    placeless = submit()
    assert set(selectors.reports_to_triage(world.eka)) == {placeless}
    assert set(selectors.reports_to_triage(world.admin)) == {jabar, placeless}
    assert not selectors.reports_to_triage(world.fajar).exists()


def test_triage_assigns_a_report_to_a_kanim_and_it_is_audited(world):
    report = submit(province=Province.objects.get(code="17"))
    report_assign(actor=world.eka, report=report, kanim=world.kanim_bkl)
    report.refresh_from_db()
    assert report.kanim == world.kanim_bkl
    assert seen_by(world, report) == {"admin", "ani", "fajar", "eka"}
    entry = AuditEntry.objects.filter(action="update").latest("id")
    assert entry.changes == {"kanim_id": [None, world.kanim_bkl.pk]}


def test_a_kanwil_assigns_only_to_its_province_and_kanims_do_not_triage(world):
    report = submit()
    with pytest.raises(PermissionDenied):
        report_assign(actor=world.eka, report=report, kanim=world.kanim_bdg)
    with pytest.raises(PermissionDenied):
        report_assign(actor=world.fajar, report=report, kanim=world.kanim_bkl)
    report_assign(actor=world.admin, report=report, kanim=world.kanim_bdg)
    assert Report.objects.get(pk=report.pk).kanim == world.kanim_bdg


def test_a_regency_only_report_can_be_referred_by_its_owner(world):
    report = submit(regency=Regency.objects.get(code="17.71"))
    referral = referral_create(
        actor=world.fajar, report=report, agency=world.agency, action="assessment", reason="x"
    )
    assert referral in selectors.referrals_for(world.fajar)
    assert referral not in selectors.referrals_for(world.dewi)
    with pytest.raises(PermissionDenied):
        referral_create(actor=world.dewi, report=report, agency=world.agency, action="assessment", reason="x")


# --- Pages ---------------------------------------------------------------------------------------------------------


def test_the_triage_page_lists_unowned_reports(world, login, django_assert_max_num_queries):
    for _ in range(3):
        submit()
    owned = submit(village=world.tebat_monok)
    client = login(world.eka)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("protection:report_triage"))
    assert response.status_code == 200
    assert response.content.decode().count("/tugaskan/") == 3
    assert owned.receipt_code not in response.content.decode()


@pytest.mark.parametrize("persona, status", [("admin", 200), ("eka", 200), ("fajar", 403), ("dewi", 403)])
def test_it_validates_scope_on_the_triage_page(world, login, persona, status):
    assert login(getattr(world, persona)).get(reverse("protection:report_triage")).status_code == status


def test_assigning_asks_for_confirmation_first(world, login):
    report = submit(province=Province.objects.get(code="17"))
    client = login(world.eka)
    url = reverse("protection:report_assign", args=[report.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"kanim": world.kanim_bkl.pk})
    assert response.status_code == 200 and 'data-testid="confirm"' in response.content.decode()
    assert Report.objects.get(pk=report.pk).kanim is None
    response = client.post(url, {"kanim": world.kanim_bkl.pk, "confirm": "on"})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).kanim == world.kanim_bkl


@pytest.mark.parametrize("persona, status", [("fajar", 403), ("dewi", 404), ("budi", 403)])
def test_it_validates_scope_on_assign(world, login, persona, status):
    report = submit(village=world.tebat_monok)
    url = reverse("protection:report_assign", args=[report.pk])
    response = login(getattr(world, persona)).post(url, {"kanim": world.kanim_bdg.pk, "confirm": "on"})
    assert response.status_code == status
    assert Report.objects.get(pk=report.pk).kanim == world.kanim_bkl


def test_a_kanwil_cannot_pick_another_provinces_kanim(world, login):
    report = submit()
    url = reverse("protection:report_assign", args=[report.pk])
    response = login(world.eka).post(url, {"kanim": world.kanim_bdg.pk, "confirm": "on"})
    assert response.status_code == 200  # the choice is not offered: a form error
    assert Report.objects.get(pk=report.pk).kanim is None


def test_the_report_list_shows_the_owner(world, login, django_assert_max_num_queries):
    submit(village=world.tebat_monok)
    submit(regency=Regency.objects.get(code="17.71"))
    client = login(world.fajar)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("protection:reports")).content.decode()
    assert body.count(world.kanim_bkl.name) == 2


def test_the_public_form_takes_a_regency_or_a_province(world):
    client = Client()
    form = client.get(reverse("report:new")).content.decode()
    assert 'name="regency"' in form and 'name="province"' in form
    response = client.post(
        reverse("report:new"), {"category": "other", "description": "Ada calo", "regency": "32.73"}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.regency_id, report.province_id, report.kanim) == ("32.73", "32", world.kanim_bdg)
    client.post(reverse("report:new"), {"category": "other", "description": "Ada calo", "province": "17"})
    assert Report.objects.filter(province_id="17", kanim__isnull=True).count() == 1


# --- API -----------------------------------------------------------------------------------------------------------


def _api(payload):
    body = {"category": "recruiter", "description": "Ada calo", **payload}
    return Client().post("/api/v1/reports", body, content_type="application/json", REMOTE_ADDR="203.0.113.5")


@pytest.mark.parametrize(
    "payload, place, owner",
    [
        ({"village_code": "1708042002"}, ("17.08", "17"), "kanim_bkl"),
        ({"regency_code": "32.73"}, ("32.73", "32"), "kanim_bdg"),
        ({"regency_code": "3273", "province_code": "32"}, ("32.73", "32"), "kanim_bdg"),
        ({"province_code": "17"}, (None, "17"), None),
        ({}, (None, None), None),
    ],
)
def test_the_api_takes_a_regency_or_a_province(world, payload, place, owner):
    response = _api(payload)
    assert response.status_code == 201
    report = Report.objects.get(receipt_code=response.json()["receipt_code"])
    assert (report.regency_id, report.province_id) == place
    assert report.kanim == (getattr(world, owner) if owner else None)


@pytest.mark.parametrize("field, value", [("regency_code", "99.99"), ("province_code", "99")])
def test_the_api_refuses_unknown_place_codes(world, field, value):
    response = _api({field: value})
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert not Report.objects.exists()


def test_the_api_refuses_places_that_disagree(world):
    response = _api({"village_code": "17.08.04.2002", "province_code": "32"})
    assert response.status_code == 422
    assert response.json()["detail"] == str(PLACE_MISMATCH)
