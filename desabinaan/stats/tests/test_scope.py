"""Every dashboard page and endpoint answers only within the user's jurisdiction."""

import pytest

from .conftest import MARCH


def dash(client, scope):
    return client.get(f"/dasbor/?scope={scope}&{MARCH}")


def api(client, scope):
    return client.get(f"/api/v1/stats/summary?scope={scope}&{MARCH}")


def test_it_validates_scope_for_liaisons(data, login):
    w = data.world
    budi, citra = login(w.budi), login(w.citra)
    assert budi.get("/dasbor/").status_code == 200
    assert dash(budi, f"village:{w.tebat_monok.code}").status_code == 200
    assert dash(budi, f"village:{w.other_village.code}").status_code == 403
    assert dash(budi, f"kanim:{w.kanim_bkl.pk}").status_code == 403
    assert dash(citra, f"village:{w.other_village.code}").status_code == 200
    assert dash(citra, f"village:{w.tebat_monok.code}").status_code == 403
    assert api(budi, f"village:{w.other_village.code}").status_code == 403


@pytest.mark.parametrize("persona", ["ani", "fajar"])
def test_it_validates_scope_for_kanim_staff(data, login, persona):
    w = data.world
    client = login(getattr(w, persona))
    assert dash(client, f"kanim:{w.kanim_bkl.pk}").status_code == 200
    assert dash(client, f"village:{w.tebat_monok.code}").status_code == 200
    assert dash(client, f"kanim:{w.kanim_bdg.pk}").status_code == 403
    assert dash(client, "national").status_code == 403
    assert dash(client, "province:17").status_code == 403
    assert api(client, f"kanim:{w.kanim_bkl.pk}").status_code == 200
    assert api(client, "national").status_code == 403


def test_it_validates_scope_for_another_kanim(data, login):
    w = data.world
    dewi = login(w.dewi)
    assert dash(dewi, f"kanim:{w.kanim_bdg.pk}").status_code == 200
    assert dash(dewi, f"kanim:{w.kanim_bkl.pk}").status_code == 403
    assert dash(dewi, f"village:{w.tebat_monok.code}").status_code == 403
    assert api(dewi, f"village:{w.tebat_monok.code}").status_code == 403


def test_it_lets_kanwil_staff_read_their_province(data, login):
    w = data.world
    eka = login(w.eka)
    assert eka.get("/dasbor/").status_code == 200
    for scope in ("province:17", f"kanim:{w.kanim_bkl.pk}", f"village:{w.tebat_monok.code}"):
        assert dash(eka, scope).status_code == 200, scope
    assert dash(eka, "province:32").status_code == 403
    assert dash(eka, "national").status_code == 403
    assert api(eka, "province:17").json()["events_held"] == 2


def test_it_refuses_partner_agencies_and_anonymous_users(data, login, client):
    gita = login(data.world.gita)
    assert gita.get("/dasbor/").status_code == 403
    assert api(gita, "national").status_code == 403
    assert gita.get("/dasbor/laporan/").status_code == 403
    assert client.get("/dasbor/").status_code == 302
    assert client.get("/dasbor/laporan/").status_code == 302
    assert api(client, "national").status_code == 401


def test_it_shows_the_national_page_to_the_admin_with_drill_down_links(data, login):
    admin = login(data.world.admin)
    response = dash(admin, "national")
    assert response.status_code == 200
    html = response.content.decode()
    assert "?scope=province%3A17" in html
    assert "<svg" in html and "style=" not in html.split("<main", 1)[-1]


def test_it_answers_the_summary_contract(data, login):
    body = api(login(data.world.admin), "national").json()
    for key in (
        "events_held",
        "people_reached",
        "attendances",
        "screenings",
        "reports_received",
        "reports_resolved",
    ):
        assert key in body
    assert (body["events_held"], body["people_reached"], body["reports_received"]) == (2, 3, 3)
    assert api(login(data.world.admin), "kanim:99999").status_code == 404
    bad = login(data.world.admin).get("/api/v1/stats/summary?scope=national&from=2025-13-01")
    assert bad.status_code == 422


def test_the_summary_without_a_scope_answers_for_the_widest_area_the_user_may_see(data, login):
    w = data.world
    assert login(w.fajar).get(f"/api/v1/stats/summary?{MARCH}").json()["scope"] == f"kanim:{w.kanim_bkl.pk}"
    assert (
        login(w.budi).get(f"/api/v1/stats/summary?{MARCH}").json()["scope"] == f"village:{w.tebat_monok.code}"
    )
    assert login(w.admin).get(f"/api/v1/stats/summary?{MARCH}").json()["scope"] == "national"
    assert login(w.gita).get(f"/api/v1/stats/summary?{MARCH}").status_code == 403
