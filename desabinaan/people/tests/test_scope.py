"""Every page and endpoint of the registry, with the personas: in scope allowed, out of scope 404/403."""

import pytest

from desabinaan.audit.models import AccessEntry


@pytest.fixture
def person(make_person):
    return make_person("Rina Marlina")  # Tebat Monok


def _pages(pk):
    return {
        "list": "/orang/",
        "create": "/orang/baru/",
        "duplicates": "/orang/duplikat/",
        "detail": f"/orang/{pk}/",
        "edit": f"/orang/{pk}/ubah/",
        "consent": f"/orang/{pk}/persetujuan/",
        "merge": f"/orang/{pk}/gabung/",
    }


def _post_only(pk):
    return [f"/orang/{pk}/nik/", f"/orang/{pk}/bukan-duplikat/{pk + 1000}/"]


def test_it_validates_scope_anonymous(client, person):
    for url in [*_pages(person.pk).values(), *_post_only(person.pk)]:
        response = client.post(url) if url in _post_only(person.pk) else client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/akun/masuk/"), url
    for response in (client.get("/api/v1/people"), client.get(f"/api/v1/people/{person.pk}")):
        assert response.status_code == 401
    assert client.post("/api/v1/people", {}, content_type="application/json").status_code == 401


@pytest.mark.parametrize("persona", ["budi", "ani", "fajar", "admin"])
def test_it_validates_scope_writers_in_scope(world, login, person, persona):
    client = login(getattr(world, persona))
    for name, url in _pages(person.pk).items():
        assert client.get(url).status_code == 200, name
    assert "Rina Marlina" in client.get("/orang/").content.decode()
    assert "Ubah" in client.get(f"/orang/{person.pk}/").content.decode()
    assert client.get(f"/api/v1/people/{person.pk}").status_code == 200
    assert [p["id"] for p in client.get("/api/v1/people").json()["items"]] == [person.pk]


# Outsiders and a person of Tebat Monok: another village's liaison (citra) and another Kanim's officer (dewi) do not
# find the person (404); a partner agency (gita) does not find them either, and is refused the write pages (403)
# before any lookup because its role never writes people.
OUTSIDER_PAGES = [
    # persona  (detail, edit, consent, merge, POST nik)
    ("citra", (404, 404, 404, 404, 404)),
    ("dewi",  (404, 404, 404, 404, 404)),
    ("gita",  (404, 403, 403, 403, 404)),
]  # fmt: skip


@pytest.mark.parametrize(("persona", "expected"), OUTSIDER_PAGES)
def test_it_validates_scope_outsiders_get_404(world, login, person, persona, expected):
    client = login(getattr(world, persona))
    list_html = client.get("/orang/").content.decode()
    assert "Rina Marlina" not in list_html
    pages = _pages(person.pk)
    statuses = tuple(client.get(pages[name]).status_code for name in ("detail", "edit", "consent", "merge"))
    assert (*statuses, client.post(f"/orang/{person.pk}/nik/").status_code) == expected
    assert client.get(f"/api/v1/people/{person.pk}").status_code == 404
    assert client.get("/api/v1/people").json()["items"] == []
    assert not AccessEntry.objects.exists()


def test_it_validates_scope_kanwil_staff_read_only(world, login, person):
    client = login(world.eka)
    assert "Rina Marlina" in client.get("/orang/").content.decode()
    detail = client.get(f"/orang/{person.pk}/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert f"/orang/{person.pk}/ubah/" not in html
    assert f"/orang/{person.pk}/persetujuan/" not in html
    assert "/orang/baru/" not in client.get("/orang/").content.decode()
    form = {"name": "X", "birth_date": "1990-01-01", "sex": "M", "village": "17.08.04.2002"}
    assert client.post("/orang/baru/", form).status_code == 403
    assert client.post(f"/orang/{person.pk}/ubah/", {**form, "version": 1}).status_code == 403
    assert client.post(f"/orang/{person.pk}/persetujuan/", {"purpose": "education"}).status_code == 403
    assert client.post(f"/orang/{person.pk}/gabung/", {"remove": person.pk}).status_code == 403
    assert client.get(f"/api/v1/people/{person.pk}").status_code == 200
    person.refresh_from_db()
    assert person.version == 1


def test_budi_sees_tebat_monok_people_and_citra_does_not(world, login, make_person):
    tm = make_person("Warga Tebat Monok")
    urai = make_person("Warga Urai", village=world.other_village)
    budi_html = login(world.budi).get("/orang/").content.decode()
    citra_html = login(world.citra).get("/orang/").content.decode()
    assert "Warga Tebat Monok" in budi_html and "Warga Urai" not in budi_html
    assert "Warga Urai" in citra_html and "Warga Tebat Monok" not in citra_html
    assert login(world.citra).get(f"/orang/{tm.pk}/").status_code == 404
    assert login(world.budi).get(f"/api/v1/people/{urai.pk}").status_code == 404


def test_views_are_access_logged_on_web_and_api(world, login, person):
    login(world.budi).get(f"/orang/{person.pk}/")
    login(world.fajar).get(f"/api/v1/people/{person.pk}")
    entries = list(AccessEntry.objects.order_by("id").values_list("actor__username", "channel", "person_id"))
    assert entries == [("budi", "web", person.pk), ("fajar", "api", person.pk)]
    login(world.budi).get("/orang/")
    login(world.budi).get("/api/v1/people")
    assert AccessEntry.objects.count() == 2  # lists show no personal detail beyond the mask
