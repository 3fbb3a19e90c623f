"""Every page and endpoint of the protection app against every persona (test_it_validates_scope)."""

import pytest
from django.test import Client
from django.urls import reverse

from desabinaan.audit.models import AccessEntry
from desabinaan.protection.services import referral_create, report_submit

from .conftest import make_person, screen

PERSONAS = ["ani", "fajar", "admin", "eka", "dewi", "budi", "citra", "gita"]
SECRETS = [
    b"RAHASIA-EVIDENCE",
    b"RAHASIA-NOTES",
    b"advisory-level",
    b"Perlu perhatian",
    b"recruited_by_broker",
]


# Expected status per persona, in the order of PERSONAS. Office staff of Kanim Bengkulu (ani, fajar) and the admin
# read and write Bengkulu's cases; Kanwil staff (eka) only read; another Kanim's officer (dewi) finds no such case
# (404) but may open the office lists; liaisons (budi, citra) and partner agencies (gita) never see the office side.
# fmt: off
#                                    ani  fajar admin eka  dewi budi citra gita
SCREENING_PAGES = [
    ("protection:screening",        (200, 200, 200, 200, 404, 403, 403, 403)),
    ("protection:screening_decide", (200, 200, 200, 403, 404, 403, 403, 403)),
    ("protection:screening_refer",  (200, 200, 200, 403, 404, 403, 403, 403)),
]
REPORT_PAGE =                       (200, 200, 200, 200, 404, 403, 403, 403)
OFFICE_LISTS = [
    ("protection:reports",          (200, 200, 200, 200, 200, 403, 403, 403)),
    ("protection:signals",          (200, 200, 200, 200, 200, 403, 403, 403)),
]
NEW_SCREENING =                     (200, 200, 200, 403, 404, 403, 403, 403)
# The overview: liaisons and agencies are sent (302) to their referrals.
OVERVIEW =                          (200, 200, 200, 200, 200, 302, 302, 302)
# fmt: on


def _by_persona(table):
    """(url name, persona, expected status) for every cell of a table of rows (url name, statuses)."""
    return [
        (name, persona, code) for name, codes in table for persona, code in zip(PERSONAS, codes, strict=True)
    ]


@pytest.mark.parametrize(("name", "persona", "expected"), _by_persona(SCREENING_PAGES))
def test_it_validates_scope_on_screening_pages(world, screening, login, name, persona, expected):
    response = login(getattr(world, persona)).get(reverse(name, args=[screening.pk]))
    assert response.status_code == expected


@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, REPORT_PAGE, strict=True))
def test_it_validates_scope_on_report_pages(world, report, login, persona, expected):
    response = login(getattr(world, persona)).get(reverse("protection:report", args=[report.report.pk]))
    assert response.status_code == expected


@pytest.mark.parametrize(("name", "persona", "expected"), _by_persona(OFFICE_LISTS))
def test_it_validates_scope_on_office_lists(world, login, name, persona, expected):
    assert login(getattr(world, persona)).get(reverse(name)).status_code == expected


@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, NEW_SCREENING, strict=True))
def test_the_new_screening_page_is_for_screening_officers(world, applicant, login, persona, expected):
    client = login(getattr(world, persona))
    assert client.get(reverse("protection:screening_new"), {"person": applicant.pk}).status_code == expected


@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, OVERVIEW, strict=True))
def test_the_overview_sends_villages_and_agencies_to_their_referrals(world, login, persona, expected):
    response = login(getattr(world, persona)).get(reverse("protection:index"))
    assert response.status_code == expected
    if expected == 302:
        assert response.url == reverse("protection:referrals")


@pytest.mark.parametrize(
    ("persona", "village", "agency"),
    [
        ("fajar", 200, 200),
        ("ani", 200, 200),
        ("admin", 200, 200),
        ("eka", 200, 200),
        ("dewi", 404, 404),
        ("budi", 200, 404),
        ("citra", 404, 404),
        ("gita", 404, 200),
    ],
)
def test_it_validates_scope_on_referral_pages(
    world, village_referral, agency_referral, login, persona, village, agency
):
    client = login(getattr(world, persona))
    assert client.get(reverse("protection:referral", args=[village_referral.pk])).status_code == village
    assert client.get(reverse("protection:referral", args=[agency_referral.pk])).status_code == agency
    assert client.get(reverse("protection:referrals")).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "protection:index",
        "protection:screening_new",
        "protection:referrals",
        "protection:reports",
        "protection:signals",
        "protection:agencies_import",
    ],
)
def test_protection_pages_send_anonymous_users_to_login(db, url):
    response = Client().get(reverse(url))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


@pytest.mark.parametrize("url", ["report:new", "report:status", "report:agency_check"])
def test_public_pages_need_no_login(db, url):
    assert Client().get(reverse(url)).status_code == 200


def test_a_liaison_never_sees_the_interview(world, screening, village_referral, login):
    client = login(world.budi)
    page = client.get(reverse("protection:referral", args=[village_referral.pk]))
    assert page.status_code == 200
    assert screening.person.name.encode() in page.content  # who to visit
    for secret in SECRETS:
        assert secret not in page.content
    listing = client.get(reverse("protection:referrals"))
    for secret in SECRETS:
        assert secret not in listing.content
    api = client.get(f"/api/v1/referrals/{village_referral.pk}").json()
    assert api["screening_id"] is None
    assert not {"advisory_level", "answers", "breakdown", "notes"} & api.keys()
    assert "RAHASIA" not in str(api)
    assert client.get(f"/api/v1/screenings/{screening.pk}").status_code == 403


def test_the_office_sees_the_interview_and_the_read_is_logged(world, screening, login):
    page = login(world.fajar).get(reverse("protection:screening", args=[screening.pk]))
    assert b"RAHASIA-EVIDENCE" in page.content
    assert AccessEntry.objects.filter(
        actor=world.fajar, person=screening.person, purpose="protection:screening"
    ).exists()


def test_a_partner_sees_only_the_referral_not_the_case(world, screening, agency_referral, report, login):
    client = login(world.gita)
    page = client.get(reverse("protection:referral", args=[agency_referral.pk]))
    for secret in SECRETS:
        assert secret not in page.content
    assert client.get(reverse("protection:screening", args=[screening.pk])).status_code == 403
    assert client.get(reverse("protection:report", args=[report.report.pk])).status_code == 403
    assert [r["id"] for r in client.get("/api/v1/referrals").json()] == [agency_referral.pk]


# --- Query counts --------------------------------------------------------------------------------------------------


def test_lists_use_a_bounded_number_of_queries(world, login, django_assert_max_num_queries, report):
    for i in range(6):
        s = screen(world, make_person(world, name=f"P{i}"))
        referral_create(actor=world.fajar, screening=s, to_village=True, action="visit", reason="x")
        referral_create(actor=world.fajar, screening=s, agency=world.agency, action="visit", reason="x")
        report_submit(category="other", description=f"r{i}", village=world.tebat_monok)
    client = login(world.fajar)
    for url in ["/perlindungan/", "/perlindungan/rujukan/", "/perlindungan/laporan/", "/api/v1/referrals"]:
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200
    liaison = login(world.budi)
    with django_assert_max_num_queries(15):
        assert liaison.get("/perlindungan/rujukan/").status_code == 200
