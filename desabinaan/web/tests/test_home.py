import pytest


@pytest.mark.django_db
class TestHome:
    def test_it_explains_the_program_to_anonymous_visitors(self, client, world):
        response = client.get("/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Desa Binaan Imigrasi" in html
        assert "PIMPASA" in html
        assert "perdagangan orang" in html
        # The public counts: the two active demo villages of one office.
        assert "Saat ini 2 desa binaan dari 1 kantor imigrasi" in html
        assert 'href="/akun/masuk/"' in html

    def test_it_stays_small_and_loads_nothing_from_other_sites(self, client, db):
        response = client.get("/")
        html = response.content.decode()
        assert len(response.content) < 50_000
        # Links to official sites are fine; scripts, styles and images come from the app only.
        for tag in ('<script src="http', '<link rel="stylesheet" href="http', '<img src="http'):
            assert tag not in html

    def test_it_has_a_title_and_language(self, client, db):
        html = client.get("/").content.decode()
        assert '<html lang="id">' in html
        assert "<title>Desa Binaan Imigrasi</title>" in html
