"""Dashboard figures equal counts computed by hand on the fixed dataset (conftest.data), at every scope level."""

import datetime as dt

from desabinaan.stats.periods import Period
from desabinaan.stats.selectors import summary, target_parse

MARCH = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
SPRING = Period(dt.date(2025, 3, 1), dt.date(2025, 4, 30))


def figures(spec, period=MARCH):
    return summary(target_parse(spec), period)["figures"]


def test_it_counts_a_village(data):
    f = figures(f"village:{data.world.tebat_monok.code}")
    assert f["events_held"] == 1  # the planned event is not counted
    assert f["attendances"] == 3
    assert f["people_reached"] == 3
    assert f["people_reached_by_sex"] == {"M": 1, "F": 2}
    assert f["knowledge_gain"] == 60.0
    assert f["screenings"] == 1 and f["decisions"] == 1
    assert f["referral_outcomes"] == {"procedural": 1}
    assert f["reports_received"] == 2 and f["reports_resolved"] == 1
    assert f["report_first_reply_median_hours"] == 7.5
    assert f["questions_received"] == 1 and f["questions_answered"] == 1
    assert f["villages_by_status"]["active"] == 1


def test_it_counts_people_once_across_villages_of_a_kanim(data):
    f = figures(f"kanim:{data.world.kanim_bkl.pk}")
    assert f["events_held"] == 2
    assert f["attendances"] == 5
    # Siti and Rina attended in both villages: 3 persons, not the 3 + 2 a per-village sum would give.
    assert f["people_reached"] == 3
    assert f["screenings"] == 1
    assert f["reports_received"] == 2  # the report naming no village is national only
    assert f["villages_fostered"] == 2


def test_it_counts_a_province_like_its_only_kanim(data):
    f = figures("province:17")
    assert (f["events_held"], f["attendances"], f["people_reached"], f["reports_received"]) == (2, 5, 3, 2)


def test_it_counts_the_nation_over_one_and_two_months(data):
    f = figures("national")
    assert (f["events_held"], f["attendances"], f["people_reached"], f["screenings"]) == (2, 5, 3, 1)
    assert f["reports_received"] == 3 and f["reports_resolved"] == 1
    f = figures("national", SPRING)
    assert (f["events_held"], f["attendances"], f["people_reached"], f["screenings"]) == (3, 6, 4, 2)
    assert f["people_reached_by_sex"] == {"M": 2, "F": 2}


def test_it_drills_down_with_exact_unique_counts(data):
    children = {c["code"]: c for c in summary(target_parse("national"), SPRING)["children"]}
    assert children["17"]["events_held"] == 2 and children["17"]["people_reached"] == 3
    assert children["32"]["events_held"] == 1 and children["32"]["people_reached"] == 1
    villages = {
        c["code"]: c for c in summary(target_parse(f"kanim:{data.world.kanim_bkl.pk}"), MARCH)["children"]
    }
    assert villages[data.world.tebat_monok.code]["people_reached"] == 3
    assert villages[data.world.other_village.code]["people_reached"] == 2


def test_it_gives_monthly_trends(data):
    trends = {t["metric"]: dict(t["points"]) for t in summary(target_parse("national"), SPRING)["trends"]}
    assert trends["events_held"] == {dt.date(2025, 3, 1): 2, dt.date(2025, 4, 1): 1}
    assert trends["people_reached"] == {dt.date(2025, 3, 1): 3, dt.date(2025, 4, 1): 1}


def test_it_rebuilds_only_changed_villages_incrementally(data):
    from desabinaan.events.models import Attendance
    from desabinaan.stats.services import stats_refresh_changed

    stats_refresh_changed()  # first run sets the watermark
    p2 = data.persons[1]
    Attendance.objects.create(event=data.events[1], person=p2)
    result = stats_refresh_changed()
    assert result["villages"] == 1
    assert figures(f"village:{data.world.other_village.code}")["attendances"] == 3
    assert figures("national")["attendances"] == 6
    assert figures("national")["people_reached"] == 3  # Agus was already reached this month


def test_it_warms_the_unique_person_cache_of_the_presets_after_a_refresh(data):
    from desabinaan.stats.models import DistinctCache
    from desabinaan.stats.periods import preset
    from desabinaan.stats.selectors import generation

    year = preset("year")
    keys = set(
        DistinctCache.objects.filter(month_from=year.start, generation=generation()[0]).values_list(
            "key", flat=True
        )
    )
    assert {"national", "province:17", "province:32"} <= keys
