"""Indicator set version 2 (migration 0011, docs/rules.md §3–4): the purpose group holds purposes of exploitation
(UU 21/2007 Art. 1(7): sexual exploitation, forced labour, servitude); travel-purpose facts sit in their own group;
every indicator has an English label; screenings keep the version they used."""

from django.utils import translation

from desabinaan.protection.models import Indicator, IndicatorSet

from .conftest import screen

DEMOGRAPHIC_WORDS = {
    "sex",
    "gender",
    "age",
    "minor",
    "umur",
    "usia",
    "religion",
    "agama",
    "ethnicity",
    "suku",
    "village",
}


def test_the_active_set_is_the_reviewed_version_and_the_first_is_kept(db):
    active = IndicatorSet.objects.get(is_active=True)
    assert active.version == 2
    assert IndicatorSet.objects.filter(version=1, is_active=False).exists()


def test_the_purpose_group_holds_exploitation_indicators_only(db):
    active = IndicatorSet.objects.get(is_active=True)
    purpose = set(active.indicators.filter(group="purpose").values_list("code", flat=True))
    assert purpose == {"sexual_exploitation_risk", "online_scam_job", "forced_labour_signs"}
    assert all(
        "Pasal 1 angka 7" in c
        for c in active.indicators.filter(group="purpose").values_list("citation", flat=True)
    )
    travel = set(active.indicators.filter(group="travel").values_list("code", flat=True))
    assert travel == {"work_behind_visit_purpose", "closed_job_or_route"}


def test_no_indicator_is_about_who_the_person_is(db):
    for code in Indicator.objects.values_list("code", flat=True):
        assert not DEMOGRAPHIC_WORDS & set(code.split("_")), code


def test_every_indicator_has_an_english_label_shown_in_english_mode(db):
    assert not Indicator.objects.filter(label_en="").exists()
    indicator = Indicator.objects.get(indicator_set__is_active=True, code="upfront_money_or_debt")
    with translation.override("en"):
        assert indicator.display_label.startswith("The family received money")
    with translation.override("id"):
        assert indicator.display_label.startswith("Keluarga menerima uang")


def test_an_old_screening_keeps_version_one(world, applicant):
    old_set = IndicatorSet.objects.get(version=1)
    new = screen(world, applicant)
    assert new.indicator_set.version == 2
    assert old_set.indicators.filter(code="work_behind_visit_purpose", group="purpose").exists()


def test_the_api_lists_the_english_label_beside_the_indonesian_one(world, login):
    rows = login(world.fajar).get("/api/v1/screening/indicators").json()
    by_code = {r["code"]: r for r in rows}
    assert by_code["online_scam_job"]["group"] == "purpose"
    assert by_code["online_scam_job"]["label_en"].startswith("Offered an online job")
    assert by_code["work_behind_visit_purpose"]["group"] == "travel"
