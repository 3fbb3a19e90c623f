"""The number of queries per dashboard does not grow with the data."""

from desabinaan.events.models import Attendance
from desabinaan.stats.services import stats_refresh

from .conftest import MARCH, SPRING, make_event, make_person

MAX_QUERIES = 25


def _grow(world, n):
    people = [make_person(f"Tambahan {i}", "F" if i % 2 else "M", world.tebat_monok) for i in range(n)]
    for day in range(1, 20):
        event = make_event(f"Tambahan {day}", world.other_village, f"2025-03-{day:02d}")
        Attendance.objects.bulk_create([Attendance(event=event, person=p) for p in people])
    stats_refresh()


def _pages(client, world):
    return [
        f"/dasbor/?scope=national&{SPRING}",
        f"/dasbor/?scope=national&{MARCH}",
        f"/dasbor/?scope=province:17&{SPRING}",
        f"/dasbor/?scope=kanim:{world.kanim_bkl.pk}&{SPRING}",
        f"/dasbor/?scope=village:{world.tebat_monok.code}&{SPRING}",
        f"/api/v1/stats/summary?scope=national&{SPRING}",
        "/statistik/",
    ]


def test_it_keeps_dashboard_queries_bounded_at_two_data_sizes(data, login, django_assert_max_num_queries):
    admin = login(data.world.admin)
    for url in _pages(admin, data.world):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert admin.get(url).status_code == 200, url
    _grow(data.world, 40)
    for url in _pages(admin, data.world):
        admin.get(url)  # a new generation: the first request fills the unique-person cache
        with django_assert_max_num_queries(MAX_QUERIES):
            assert admin.get(url).status_code == 200, url
    assert admin.get(f"/api/v1/stats/summary?scope=national&{MARCH}").json()["people_reached"] == 43


def test_it_keeps_cold_cache_queries_bounded(data, login, django_assert_max_num_queries):
    admin = login(data.world.admin)
    _grow(data.world, 10)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert admin.get(f"/dasbor/?scope=national&{SPRING}").status_code == 200
