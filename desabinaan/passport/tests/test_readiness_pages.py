"""Readiness check pages: record, list, detail with outcome, print view and PDF — all scoped and access-logged."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from desabinaan.audit.models import AccessEntry
from desabinaan.passport import services, texts
from desabinaan.passport.models import ReadinessCheck
from lib import passport as rules


@pytest.fixture
def check(world, siti):
    return services.readiness_check_create(
        actor=world.budi,
        person=siti,
        purpose="work",
        destination_country="SA",
        job_type="domestic_worker",
        agency_name="PT Cepat Berangkat",
        sponsor_name="Pak Udin",
        sponsor_phone="081299998888",
        documents_in_hand=["ktp"],
    )


def detail_url(check) -> str:
    return f"/paspor/kesiapan/{check.reference}/"


def test_a_liaison_records_a_check_and_sees_warnings_and_reference(world, login, siti):
    client = login(world.budi)
    form = client.get("/paspor/kesiapan/baru/?q=siti")
    assert form.status_code == 200
    assert f'value="{siti.pk}"' in form.content.decode()
    response = client.post(
        "/paspor/kesiapan/baru/",
        {
            "person": siti.pk,
            "purpose": "work",
            "case": "new",
            "destination_country": "SA",
            "job_type": "housekeeper",
            "agency_name": "PT Cepat Berangkat",
            "paid_up_front": "on",
            "amount_paid_idr": "3000000",
            "documents_in_hand": ["ktp", "kk"],
        },
    )
    check = ReadinessCheck.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(check)
    page = client.get(detail_url(check)).content.decode()
    assert check.reference in page
    for code in (
        rules.RC_AGENCY_UNVERIFIED,
        rules.RC_NO_DISNAKER,
        rules.RC_MORATORIUM,
        rules.RC_PAID_UP_FRONT,
    ):
        assert f'data-code="{code}"' in page
    assert "Kepmenaker 260/2015" in page
    assert "Akta kelahiran, akta/buku nikah" in page


def test_the_form_only_offers_people_in_scope(world, login, siti, make_person):
    outsider = make_person("Siti Urai", village=world.other_village)
    page = login(world.budi).get("/paspor/kesiapan/baru/?q=siti").content.decode()
    assert "Siti Aminah" in page and "Siti Urai" not in page
    response = login(world.budi).post("/paspor/kesiapan/baru/", {"person": outsider.pk, "purpose": "tourism"})
    assert response.status_code == 200
    assert not ReadinessCheck.objects.exists()


def test_the_page_never_shows_a_full_nik(world, login, check):
    page = login(world.ani).get(detail_url(check)).content.decode()
    assert check.person.nik_masked in page
    assert not re.search(r"\d{16}", page)


def test_every_detail_read_is_access_logged(world, login, check):
    login(world.fajar).get(detail_url(check))
    login(world.budi).get(detail_url(check) + "?print=1")
    login(world.budi).get(f"/paspor/kesiapan/{check.reference}/ringkasan.pdf")
    entries = AccessEntry.objects.filter(person=check.person, purpose=texts.READINESS_DETAIL_PURPOSE)
    assert sorted(e.actor.username for e in entries) == ["budi", "budi", "fajar"]


def test_the_outcome_recorded_by_the_office_is_visible_to_the_village(world, login, check):
    budi = login(world.budi)
    assert 'name="status"' not in budi.get(detail_url(check)).content.decode()
    refused = budi.post(
        f"/paspor/kesiapan/{check.reference}/hasil/", {"status": "issued", "on": "2025-06-02"}
    )
    assert refused.status_code == 403
    fajar = login(world.fajar)
    response = fajar.post(
        f"/paspor/kesiapan/{check.reference}/hasil/",
        {
            "status": "postponed",
            "postponement_cause": "missing_documents",
            "on": "2025-06-02",
            "note": "Menunggu rekomendasi Disnaker",
        },
    )
    assert response.status_code == 302
    page = budi.get(detail_url(check)).content.decode()
    assert "permohonan ditunda" in page and "Menunggu rekomendasi Disnaker" in page
    listing = budi.get("/paspor/kesiapan/?status=postponed").content.decode()
    assert check.reference in listing


def test_the_print_view_and_pdf_show_the_reference_name_and_masked_nik_only(world, login, check):
    client = login(world.budi)
    html = client.get(detail_url(check) + "?print=1").content.decode()
    assert "passport/print.js" in html and '<header class="top">' not in html
    assert check.reference in html and check.person.name in html and check.person.nik_masked in html
    # The sponsor's details and the person's other data stay in the record, not on the handout.
    assert "081299998888" not in html and "Pak Udin" not in html and check.village.name not in html
    response = client.get(f"/paspor/kesiapan/{check.reference}/ringkasan.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    )
    assert check.reference in text and "Siti Aminah" in text and check.person.nik_masked in text
    assert "Kepmenaker 260/2015" in text
    assert not re.search(r"\d{16}", text)
    assert check.village.name not in text


def test_the_list_filters_by_status_and_village(world, login, check, make_person):
    other = services.readiness_check_create(
        actor=world.citra, person=make_person("Warga Urai", village=world.other_village), purpose="tourism"
    )
    client = login(world.fajar)
    both = client.get("/paspor/kesiapan/").content.decode()
    assert check.reference in both and other.reference in both
    only_tm = client.get(f"/paspor/kesiapan/?village={world.tebat_monok.code}").content.decode()
    assert check.reference in only_tm and other.reference not in only_tm
    assert other.reference not in client.get("/paspor/kesiapan/?status=issued").content.decode()


def test_the_list_makes_a_bounded_number_of_queries(world, login, make_person, django_assert_max_num_queries):
    for n in range(30):
        services.readiness_check_create(actor=world.budi, person=make_person(f"Warga {n}"), purpose="tourism")
    client = login(world.ani)
    client.get("/paspor/kesiapan/")  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get("/paspor/kesiapan/")
    assert response.content.decode().count("/paspor/kesiapan/RC-") == 25
    assert "Halaman 1 dari 2" in response.content.decode()


PAGES = [
    ("get", "/paspor/kesiapan/"),
    ("get", "/paspor/kesiapan/baru/"),
    ("get", "/paspor/kesiapan/{ref}/"),
    ("get", "/paspor/kesiapan/{ref}/?print=1"),
    ("get", "/paspor/kesiapan/{ref}/ringkasan.pdf"),
    ("post", "/paspor/kesiapan/{ref}/hasil/"),
]


@pytest.mark.parametrize(("method", "url"), PAGES)
def test_it_validates_scope(client, world, login, check, method, url):
    url = url.format(ref=check.reference)
    data = {"status": "applied", "on": "2025-06-02"}

    def status(user):
        c = login(user) if user else client
        return getattr(c, method)(url, data if method == "post" else None).status_code

    anonymous = client.get(url) if method == "get" else client.post(url, data)
    assert anonymous.status_code == 302 and "/akun/masuk/" in anonymous["Location"]
    if check.reference in url:
        assert status(world.citra) == 404
        assert status(world.dewi) == 404
        assert status(world.gita) in (403, 404)
    assert status(world.gita) in (403, 404)
    if method == "post":
        assert status(world.eka) == 403
        assert status(world.fajar) == 302
    elif url.endswith("/baru/"):
        assert status(world.eka) == 403
        assert status(world.budi) == 200
    else:
        assert status(world.eka) == 200
        assert status(world.budi) == 200


def test_citra_and_dewi_do_not_see_budis_check_in_their_lists(world, login, check):
    for user in (world.citra, world.dewi):
        assert check.reference not in login(user).get("/paspor/kesiapan/").content.decode()


def test_the_check_date_is_today_by_default(world, siti):
    check = services.readiness_check_create(actor=world.budi, person=siti, purpose="tourism")
    assert check.checked_on == timezone.localdate()
