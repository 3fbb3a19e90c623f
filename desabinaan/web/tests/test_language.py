import pytest


@pytest.mark.django_db
def test_the_language_switch_sets_english(client):
    assert '<html lang="id">' in client.get("/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/").content.decode()
