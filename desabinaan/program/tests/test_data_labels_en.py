"""Selection criteria and evaluation indicators are data with an English label, shown on English pages (issue 14)."""

import pytest
from django.conf import settings
from django.urls import reverse

from desabinaan.program.models import EvaluationIndicator, SelectionCriterion


def _in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize("model", [SelectionCriterion, EvaluationIndicator])
def test_every_shipped_criterion_and_indicator_has_an_english_label(db, model):
    assert list(model.objects.filter(active=True, label_en="").values_list("code", flat=True)) == []


def test_the_proposal_form_in_english_lists_the_criteria_in_english(world, login):
    html = _in_english(login(world.fajar)).get(reverse("program:propose")).content.decode()
    assert "Border or coastal area" in html
    assert "Wilayah perbatasan atau pesisir" not in html


def test_the_evaluation_page_in_english_names_the_indicators_in_english(world, tebat, login):
    url = reverse("program:evaluation", args=[tebat.pk]) + "?year=2025&quarter=2"
    html = _in_english(login(world.fajar)).get(url).content.decode()
    assert "Cases from the village detected and referred (screening or report)" in html
    assert "Kasus dari desa yang terdeteksi dan dirujuk" not in html
    indonesian = login(world.fajar).get(url).content.decode()
    assert "Kasus dari desa yang terdeteksi dan dirujuk (skrining atau laporan)" in indonesian
