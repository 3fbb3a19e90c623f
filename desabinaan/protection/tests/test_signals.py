"""Network signals: the same sponsor phone across villages shows as one cluster, within the user's scope."""

from desabinaan.protection.selectors import network_signals

from .conftest import make_person, screen


def test_a_phone_seen_across_villages_is_one_cluster(world, report):
    a = make_person(world, name="A", village=world.tebat_monok)
    b = make_person(world, name="B", village=world.other_village)
    screen(world, a, sponsor_phone="+62 812-1111-2222", sponsor_name="Pak Calo")
    screen(world, b, sponsor_phone="6281211112222", sponsor_name="pak calo")
    clusters = {(c.kind, c.key): c for c in network_signals(world.fajar)}
    phone = clusters[("phone", "+6281211112222")]
    assert (len(phone.screenings), len(phone.reports), phone.village_count) == (2, 1, 2)
    assert clusters[("sponsor", "pak calo")].count == 3
    first = network_signals(world.fajar)[0]
    assert first.village_count == 2


def test_signals_stay_within_scope(world, report):
    a = make_person(world, name="A")
    screen(world, a, sponsor_phone="0812 1111 2222")
    assert network_signals(world.dewi) == []
    assert network_signals(world.budi) == []


def test_the_signals_page_links_the_cases(world, report, login, django_assert_max_num_queries):
    for name in ("A", "B", "C"):
        screen(world, make_person(world, name=name), sponsor_phone="0812 1111 2222")
    client = login(world.fajar)
    with django_assert_max_num_queries(20):
        response = client.get("/perlindungan/jaringan/")
    assert response.status_code == 200
    assert b"+6281211112222" in response.content
