import datetime as dt

from desabinaan.people.models import Person


def _many(world, n):
    Person.objects.bulk_create(
        Person(
            name=f"Warga {i}",
            name_key=f"warga {i}",
            birth_date=dt.date(1980, 1, 1) + dt.timedelta(days=i),
            birth_year=(dt.date(1980, 1, 1) + dt.timedelta(days=i)).year,
            sex="F",
            village=world.tebat_monok if i % 2 else world.other_village,
        )
        for i in range(n)
    )


def test_the_list_page_has_a_bounded_query_count(world, login, django_assert_max_num_queries):
    _many(world, 60)
    client = login(world.fajar)
    client.get("/orang/")  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get("/orang/?page=2")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 60
    assert len(response.context["page"].object_list) == 25


def test_the_api_list_has_a_bounded_query_count(world, login, django_assert_max_num_queries):
    _many(world, 60)
    client = login(world.fajar)
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/people?limit=50")
    body = response.json()
    assert body["count"] == 60
    assert len(body["items"]) == 50
    assert body["items"][0]["village_name"]


def test_name_search_is_spelling_tolerant(world, login, make_person):
    make_person("Muhammad Rizki", sex="M")
    make_person("Siti Aminah")
    client = login(world.budi)
    html = client.get("/orang/?q=moh+rizki").content.decode()
    assert "Muhammad Rizki" in html and "Siti Aminah" not in html
    names = [p["name"] for p in client.get("/api/v1/people?q=Muhamad").json()["items"]]
    assert names == ["Muhammad Rizki"]
