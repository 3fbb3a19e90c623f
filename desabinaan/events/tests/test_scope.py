"""Every page and endpoint of the events app is limited to the user's jurisdiction."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

PAGES = [
    ("events:detail", True),
    ("events:attendance", True),
    ("events:quiz_results", True),
]
WRITE_PAGES = ["events:edit", "events:attend", "events:import"]


@pytest.mark.parametrize(("name", "_"), PAGES)
def test_it_validates_scope_of_read_pages(world, login, event, name, _):
    url = reverse(name, args=[event.pk])
    for user in (world.budi, world.ani, world.fajar, world.eka, world.admin):
        assert login(user).get(url).status_code == 200, user
    assert login(world.citra).get(url).status_code == 404
    assert login(world.dewi).get(url).status_code == 404
    assert login(world.gita).get(url).status_code == 403
    response = Client().get(url)
    assert response.status_code == 302 and "/akun/" in response["Location"]


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_it_validates_scope_of_write_pages(world, login, event, name):
    url = reverse(name, args=[event.pk])
    for user in (world.budi, world.ani, world.fajar, world.admin):
        assert login(user).get(url).status_code == 200, user
    assert login(world.eka).get(url).status_code == 403  # Kanwil staff read only
    assert login(world.citra).get(url).status_code == 404
    assert login(world.dewi).get(url).status_code == 404
    assert login(world.gita).get(url).status_code == 403


def test_it_validates_scope_of_lists_and_calendar(world, login, event, other_event, bandung_event):
    for name in ("events:list", "events:calendar"):
        url = reverse(name)
        budi = login(world.budi).get(url).content.decode()
        assert event.title in budi and other_event.title not in budi and bandung_event.title not in budi
        citra = login(world.citra).get(url).content.decode()
        assert other_event.title in citra and event.title not in citra
        ani = login(world.ani).get(url).content.decode()
        assert event.title in ani and other_event.title in ani and bandung_event.title not in ani
        dewi = login(world.dewi).get(url).content.decode()
        assert bandung_event.title in dewi and event.title not in dewi
        eka = login(world.eka).get(url).content.decode()
        assert event.title in eka and bandung_event.title not in eka
        assert login(world.gita).get(url).status_code == 403


def test_it_validates_scope_of_the_api(world, login, event, bandung_event):
    url = f"/api/v1/events/{event.pk}"
    assert login(world.budi).get(url).status_code == 200
    assert login(world.citra).get(url).status_code == 404
    assert login(world.dewi).get(url).status_code == 404
    assert Client().get(url).status_code == 401
    assert Client().get("/api/v1/events").status_code == 401
    ids = {row["id"] for row in login(world.ani).get("/api/v1/events").json()["items"]}
    assert event.pk in ids and bandung_event.pk not in ids
    assert login(world.gita).get("/api/v1/events").json()["items"] == []
    for path in ("attendance", "quiz-results"):
        assert login(world.ani).get(f"{url}/{path}").status_code == 200
        assert login(world.dewi).get(f"{url}/{path}").status_code == 404
        assert Client().get(f"{url}/{path}").status_code == 401


def test_it_lets_only_writers_in_scope_record_attendance_through_the_api(world, login, event):
    body = {
        "client_id": str(uuid.uuid4()),
        "name": "Rina",
        "sex": "F",
        "birth_year": 1990,
        "village_code": event.village_id,
        "consent": True,
    }
    url = f"/api/v1/events/{event.pk}/attendance"
    assert login(world.eka).post(url, body, content_type="application/json").status_code == 403
    assert login(world.citra).post(url, body, content_type="application/json").status_code == 404
    assert login(world.gita).post(url, body, content_type="application/json").status_code == 404
    assert login(world.budi).post(url, body, content_type="application/json").status_code == 201
