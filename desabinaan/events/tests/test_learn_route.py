"""The legal route to work abroad as a public page: each step with who does it and what it costs, from data with
citations (docs/rules.md §4). Expected values come from the cited sources, not from the code."""

import datetime as dt

import pytest

from desabinaan.events import learning
from desabinaan.events.models import RouteStep

pytestmark = pytest.mark.django_db

ROUTE_URL = "/sosialisasi/belajar/jalur-prosedural/"
# Perban BP2MI 9/2020 (BP2MI press release and Kompas, 17 Aug 2020): placement is free for these ten jobs.
PERBAN_9_2020_JOBS = [
    "pengurus rumah tangga",
    "pengasuh bayi",
    "pengasuh lansia",
    "juru masak",
    "sopir keluarga",
    "perawat taman",
    "pengasuh anak",
    "petugas kebersihan",
    "perkebunan",
    "awak kapal perikanan",
]


def test_the_route_follows_the_regulation_step_by_step(client):
    page = client.get(ROUTE_URL).content.decode()
    page = page[page.index('<ol class="route">') :]
    steps = [
        "SIAPkerja",
        "Disnaker",
        "jalur penempatan yang sah",
        "kesehatan dan psikologi",
        "perjanjian penempatan",
        "Orientasi Pra Pemberangkatan",
        "E-PMI",
        "LTSA",
    ]
    positions = [page.index(step) for step in steps]
    assert positions == sorted(positions)


def test_it_names_the_three_legal_routes_of_uu_18_2017_article_49(client):
    page = client.get(ROUTE_URL).content.decode()
    assert "UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia Pasal 49" in page
    for route in ("G-to-G", "P3MI berizin", "perusahaan yang menempatkan pekerjanya sendiri"):
        assert route in page


def test_the_disnaker_recommendation_is_free():
    disnaker = next(s for s in learning.route_on()["steps"] if "Disnaker" in s.title)
    assert disnaker.cost == "Gratis"
    assert "Dinas Tenaga Kerja" in disnaker.who


def test_ten_jobs_may_not_be_charged_any_placement_cost(client):
    free = learning.route_on()["costs"][0]
    assert free.cost == "Rp0 bagi PMI"
    assert "Peraturan BP2MI 9/2020" in free.citation
    assert all(job in free.detail for job in PERBAN_9_2020_JOBS)
    other = learning.route_on()["costs"][1]
    assert "UU 18/2017" in other.citation and "Pasal 30" in other.citation
    page = client.get(ROUTE_URL).content.decode()
    assert "awak kapal perikanan migran" in page


def test_an_officers_only_confirmation_note_never_reaches_the_public_page(client):
    noted = RouteStep.objects.filter(to_confirm=True).exclude(officer_note="").first()
    assert noted is not None
    assert noted.officer_note not in client.get(ROUTE_URL).content.decode()


def test_a_new_row_replaces_the_step_from_its_effective_date():
    old = RouteStep.objects.get(kind="step", order=2, effective_to__isnull=True)
    RouteStep.objects.create(
        kind="step",
        order=2,
        title="Rekomendasi Disnaker (baru)",
        who=old.who,
        cost="Gratis",
        citation=old.citation,
        effective_from=dt.date(2027, 1, 1),
    )
    assert learning.route_on(dt.date(2026, 12, 31))["steps"][1].title == old.title
    assert learning.route_on(dt.date(2027, 1, 2))["steps"][1].title == "Rekomendasi Disnaker (baru)"


def test_the_route_page_has_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(ROUTE_URL).status_code == 200
