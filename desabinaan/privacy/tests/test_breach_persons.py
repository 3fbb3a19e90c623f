"""The breach register's affected persons: linked from the officer's scope (name search or a NIK looked up through
the keyed hash), counted on the page, listed in the letters by masked NIK only; and the privacy pages in the menu."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from desabinaan.audit.models import AccessEntry
from desabinaan.people.services import person_create
from desabinaan.privacy import services
from desabinaan.privacy.models import Breach, Restriction
from desabinaan.web.demo import demo_seed

from .conftest import make_person, pdf_text
from .test_breaches import record

NIK = "1708044204990001"  # Tebat Monok (17.08.04), a woman born 2 Apr 1999 (day + 40), serial 0001


@pytest.fixture
def siti(world):
    return person_create(
        actor=world.budi,
        name="Siti Sintetis",
        nik=NIK,
        birth_date=dt.date(1999, 4, 2),
        sex="F",
        village=world.tebat_monok,
    )


@pytest.fixture
def breach(world):
    return record(world.fajar)


def url(breach):
    return reverse("privacy:breach", args=[breach.pk])


@pytest.mark.django_db
class TestAffectedPersons:
    def test_an_officer_finds_a_person_by_nik_links_them_and_sees_the_count(self, world, login, breach, siti):
        client = login(world.fajar)
        found = client.post(url(breach), {"search": "1", "nik": NIK}).content.decode()
        assert "Siti Sintetis" in found and NIK not in found
        assert AccessEntry.objects.filter(person=siti, actor=world.fajar).exists()  # the NIK lookup is a read
        assert client.post(url(breach), {"link": siti.pk}).status_code == 302
        page = client.get(url(breach)).content.decode()
        assert "1 orang tercatat (perkiraan 30)" in page
        assert siti.nik_masked in page and "Siti Sintetis" not in page

    def test_a_name_search_offers_only_persons_in_scope(self, world, login, breach, sari):
        bandung = make_person(world, name="Sari Bandung", village=world.bandung_village)
        page = login(world.fajar).post(url(breach), {"search": "1", "q": "Sari"}).content.decode()
        assert "Sari Sintetis" in page and "Sari Bandung" not in page
        assert login(world.fajar).post(url(breach), {"link": bandung.pk}).status_code == 404
        with pytest.raises(PermissionDenied):
            services.breach_persons_link(actor=world.fajar, breach=breach, persons=[bandung])

    def test_outsiders_and_liaisons_are_refused(self, world, login, breach, sari):
        assert login(world.dewi).get(url(breach)).status_code == 404  # another Kanim's officer
        assert login(world.dewi).post(url(breach), {"link": sari.pk}).status_code == 404
        assert login(world.budi).get(url(breach)).status_code == 403  # a village liaison
        assert login(world.eka).post(url(breach), {"link": sari.pk}).status_code == 403  # Kanwil reads only
        assert not breach.persons.exists()

    def test_the_estimate_never_falls_below_the_persons_linked(self, world):
        breach = services.breach_record(
            actor=world.fajar,
            title="Laptop hilang",
            description="Laptop petugas hilang",
            discovered_at=timezone.now(),
            data_categories="nama",
        )
        persons = [make_person(world, name=f"Warga {i}") for i in range(3)]
        breach = services.breach_persons_link(actor=world.fajar, breach=breach, persons=persons)
        assert breach.persons_estimate == 3

    def test_the_letters_list_affected_persons_by_masked_nik_only(self, world, login, breach, siti):
        services.breach_persons_link(actor=world.fajar, breach=breach, persons=[siti])
        for to in ("subjects", "authority"):
            response = login(world.fajar).get(reverse("privacy:breach_letter", args=[breach.pk, to]))
            text = pdf_text(response.content)
            assert siti.nik_masked in text
            assert NIK not in text and "Siti Sintetis" not in text

    def test_the_page_costs_the_same_queries_for_2_or_12_persons(
        self, world, login, breach, django_assert_max_num_queries
    ):
        client = login(world.fajar)
        services.breach_persons_link(
            actor=world.fajar, breach=breach, persons=[make_person(world, name=f"A {i}") for i in range(2)]
        )
        with django_assert_max_num_queries(30) as few:
            client.get(url(breach))
        services.breach_persons_link(
            actor=world.fajar, breach=breach, persons=[make_person(world, name=f"B {i}") for i in range(10)]
        )
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert "12 orang tercatat" in client.get(url(breach)).content.decode()


MENU = {"Data pribadi": "privacy:requests", "Kebocoran data": "privacy:breaches"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("fajar", {"Data pribadi", "Kebocoran data"}),  # Kanim officer
        ("eka", {"Data pribadi", "Kebocoran data"}),  # Kanwil (reads)
        ("budi", {"Data pribadi"}),  # village liaison: requests only
        ("gita", set()),  # partner agency
    ],
)
def test_the_menu_offers_the_privacy_pages_to_the_roles_that_may_use_them(world, login, persona, shown):
    client = login(getattr(world, persona))
    html = client.get(reverse("web:dashboard")).content.decode()
    nav = html[html.index('<nav aria-label="Menu utama">') : html.index("</nav>")]
    assert {label for label, name in MENU.items() if f'href="{reverse(name)}"' in nav} == shown
    for label, name in MENU.items():
        status = client.get(reverse(name)).status_code
        assert (status == 200) == (label in shown), (label, status)
    if "Kebocoran data" in shown:  # the processing record is one link away from the register
        assert reverse("privacy:ropa") in client.get(reverse("privacy:breaches")).content.decode()


@pytest.mark.django_db
def test_the_demo_shows_a_restricted_resident_and_a_breach_with_affected_persons(regions):
    demo_seed()
    assert Restriction.objects.filter(lifted_at__isnull=True).count() == 1
    breach = Breach.objects.get()
    assert breach.persons.count() == 2 and breach.persons_estimate == 25
