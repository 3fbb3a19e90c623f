import datetime as dt
import re

import pytest

from desabinaan.people.models import Consent
from desabinaan.people.services import consent_record, person_create
from tests.personas import TEBAT_MONOK


def register(actor, village, name, *, consent=True):
    person = person_create(actor=actor, name=name, birth_date=dt.date(1999, 1, 1), sex="M", village=village)
    if consent:
        consent_record(
            actor=actor, person=person, purpose="education", lawful_basis="public_task", purpose_text="uji"
        )
    return person


@pytest.fixture
def residents(world):
    register(world.fajar, world.tebat_monok, "Warga Tebat Satu")
    register(world.fajar, world.tebat_monok, "Warga Tebat Dua", consent=False)
    register(world.fajar, world.other_village, "Warga Urai Satu", consent=False)
    register(world.dewi, world.bandung_village, "Warga Bandung Satu")
    return world


def figure(html: str, name: str) -> str:
    """A dashboard number: the inbox item of that kind (0 when listed as cleared), or the people count."""
    if name == "people":
        return re.search(r'data-figure="people"><a [^>]*>(\d+) ', html).group(1)
    found = re.search(rf'data-kind="{name}">\s*<a [^>]*><span class="stat">(\d+)</span>', html)
    if found:
        return found.group(1)
    assert f'<span data-kind="{name}">' in html, f"{name} is neither counted nor cleared"
    return "0"


# Session, user, two-factor device and the dashboard's own reads (the work inbox included); none grows with the data.
MAX_QUERIES = 30


@pytest.mark.django_db
class TestDashboard:
    def test_it_requires_login(self, client, world):
        response = client.get("/beranda/")
        assert response.status_code == 302
        assert response["Location"].startswith("/akun/masuk/?next=/beranda/")

    def test_it_validates_scope(self, login, residents):
        world = residents
        html = login(world.budi).get("/beranda/").content.decode()
        # budi (liaison of Tebat Monok) sees his village only, with its own figures.
        assert f'data-village="{TEBAT_MONOK}"' in html
        assert f'data-village="{world.other_village.code}"' not in html
        assert figure(html, "people") == "2"
        assert figure(html, "consent_missing") == "1"
        assert "Warga Urai Satu" not in html and "Warga Bandung Satu" not in html

        # dewi (Kanim Bandung) sees none of Bengkulu's desa binaan or residents.
        html = login(world.dewi).get("/beranda/").content.decode()
        assert "data-village=" not in html
        assert "Tebat Monok" not in html
        assert figure(html, "people") == "1"
        assert "Warga Bandung Satu" in html

        # ani (PIMPASA Bengkulu) sees both villages, her name as their PIMPASA, and Bengkulu's residents.
        html = login(world.ani).get("/beranda/").content.decode()
        assert f'data-village="{TEBAT_MONOK}"' in html
        assert f'data-village="{world.other_village.code}"' in html
        assert figure(html, "people") == "3"
        assert figure(html, "consent_missing") == "2"

    def test_it_warns_a_user_without_jurisdiction(self, login, world):
        html = login(world.gita).get("/beranda/").content.decode()
        assert "belum memiliki wilayah kerja" in html

    def test_it_counts_a_withdrawn_consent_as_missing(self, login, residents):
        Consent.objects.filter(person__name="Warga Tebat Satu").update(withdrawn_at=dt.datetime.now(dt.UTC))
        html = login(residents.budi).get("/beranda/").content.decode()
        assert figure(html, "consent_missing") == "2"

    def test_it_uses_a_bounded_number_of_queries(self, login, residents, django_assert_max_num_queries):
        client = login(residents.ani)
        client.get("/beranda/")  # warm up: session, content types
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get("/beranda/")
        assert response.status_code == 200
        for n in range(10):
            register(residents.fajar, residents.tebat_monok, f"Warga Tambahan {n}")
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get("/beranda/")
