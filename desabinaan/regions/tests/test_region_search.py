import pytest
from django import forms
from django.urls import reverse

from desabinaan.regions.forms import VILLAGE_UNKNOWN, VillageField
from desabinaan.regions.models import Village
from desabinaan.regions.selectors import village_label, villages_search
from tests.personas import TEBAT_MONOK

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "q", ["tebat monok", "TEBAT-MONOK", "Tébat Monok", "1708042002", "tebat monok kepahiang"]
)
def test_it_finds_tebat_monok_however_it_is_typed(regions, q):
    assert villages_search(q=q)[0].code == TEBAT_MONOK


def test_it_finds_every_village_under_a_code_prefix(regions):
    found = villages_search(q="17.08.04", limit=100)

    assert found and all(v.code.startswith("17.08.04.") for v in found)
    assert len(found) == Village.objects.filter(district_id="17.08.04").count()


def test_it_ignores_queries_shorter_than_two_characters(regions):
    assert villages_search(q="t") == []
    assert villages_search(q="  ") == []


def test_it_tells_desa_from_kelurahan_by_the_code(regions):
    assert Village.objects.get(code="17.71.01.1001").kind == "kelurahan"
    assert Village.objects.get(code="17.71.01.1001").name == "Pagar Dewa"
    assert Village.objects.get(code=TEBAT_MONOK).kind == "desa"


def test_it_labels_a_village_with_its_parents(regions):
    village = villages_search(q="tebat monok")[0]

    assert village_label(village) == "Tebat Monok, Kec. Kepahiang, Kabupaten Kepahiang, Bengkulu"


def test_the_search_page_lists_matches(client, regions, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("regions:search"), {"q": "Tébat Monok"})

    assert response.status_code == 200
    html = response.content.decode()
    assert TEBAT_MONOK in html
    assert "Tebat Monok, Kec. Kepahiang" in html


def test_the_search_page_says_when_nothing_matches(client, regions):
    response = client.get(reverse("regions:search"), {"q": "tidak ada desa seperti ini"})

    assert response.status_code == 200
    assert "Tidak ada wilayah yang cocok" in response.content.decode()


def test_the_suggest_fragment_renders_options(client, regions):
    response = client.get(reverse("regions:suggest"), {"field": "village", "village_search": "tebat monok"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-region-code="{TEBAT_MONOK}"' in html
    assert 'data-region-label="Tebat Monok, Kec. Kepahiang, Kabupaten Kepahiang, Bengkulu"' in html
    assert "<html" not in html  # a fragment for HTMX, not a page


def test_the_suggest_fragment_says_when_nothing_matches(client, regions):
    response = client.get(reverse("regions:suggest"), {"q": "zzzz"})

    assert "Tidak ditemukan." in response.content.decode()
    assert "data-region-code" not in response.content.decode()


def test_it_validates_scope(client, world, login):
    # The region search is public reference data: anonymous visitors and every persona may use it.
    for c in (client, login(world.budi), login(world.dewi)):
        assert c.get(reverse("regions:search"), {"q": "tebat monok"}).status_code == 200
        assert c.get(reverse("regions:suggest"), {"q": "tebat monok"}).status_code == 200


class VillageForm(forms.Form):
    village = VillageField()


@pytest.mark.parametrize("typed", [TEBAT_MONOK, "1708042002"])
def test_the_village_field_accepts_a_known_code(regions, typed):
    form = VillageForm(data={"village": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["village"].code == TEBAT_MONOK


def test_the_village_field_accepts_a_code_typed_into_the_search_box(regions):
    # Without JavaScript the hidden input stays empty and the visible box carries the code.
    form = VillageForm(data={"village": "", "village_search": "1708042002"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["village"].code == TEBAT_MONOK


def test_the_village_field_rejects_an_unknown_code(regions):
    form = VillageForm(data={"village": "17.08.04.2999"})

    assert not form.is_valid()
    assert form.errors["village"] == [str(VILLAGE_UNKNOWN)]
    assert form.has_error("village", code="unknown")


def test_the_village_widget_shows_the_chosen_village(regions):
    html = str(VillageForm(initial={"village": TEBAT_MONOK})["village"])

    assert f'value="{TEBAT_MONOK}"' in html
    assert "Tebat Monok, Kec. Kepahiang" in html
