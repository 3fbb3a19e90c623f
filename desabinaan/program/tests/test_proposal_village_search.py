"""The proposal form suggests only villages in the office's working area (scoped on the server), so an officer never
picks a village the proposal would refuse on submit."""

from django.urls import reverse

URL = reverse("program:village_suggest")


def _codes(response) -> set[str]:
    import re

    return set(re.findall(r'data-region-code="([\d.]+)"', response.content.decode()))


def test_the_form_asks_the_scoped_suggestions(world, login):
    page = login(world.fajar).get(reverse("program:propose")).content.decode()
    assert f'hx-get="{URL}"' in page


def test_an_officer_is_offered_only_villages_of_the_office_area(world, login):
    bengkulu = _codes(login(world.fajar).get(URL, {"village_search": "17."}))
    assert bengkulu and all(code.startswith("17.") for code in bengkulu)
    bandung = _codes(login(world.dewi).get(URL, {"village_search": "17."}))
    assert bandung == set()  # Bandung's office works in Jawa Barat
    assert _codes(login(world.dewi).get(URL, {"village_search": world.bandung_village.name[:6]}))


def test_a_name_outside_the_area_is_not_suggested(world, login):
    name = world.tebat_monok.name
    assert world.tebat_monok.code in _codes(login(world.fajar).get(URL, {"village_search": name}))
    assert world.tebat_monok.code not in _codes(login(world.dewi).get(URL, {"village_search": name}))


def test_only_office_writers_may_ask(world, login):
    assert login(world.budi).get(URL, {"q": "teb"}).status_code == 403  # liaisons do not propose villages
    assert login(world.eka).get(URL, {"q": "teb"}).status_code == 403  # Kanwil reads only
    assert login(world.gita).get(URL, {"q": "teb"}).status_code == 403


def test_the_suggestions_cost_a_fixed_number_of_queries(world, login, django_assert_max_num_queries):
    client = login(world.fajar)
    client.get(URL, {"q": "17."})
    with django_assert_max_num_queries(8):
        client.get(URL, {"q": "17."})
