"""The staff pages (requests, the processing record) and the public pages (privacy notice, footer link)."""

import pytest
from django.utils import timezone

from desabinaan.privacy import services
from desabinaan.privacy.models import DataRequest

from .conftest import make_person


@pytest.mark.django_db
class TestPages:
    def test_the_liaison_records_a_request_from_the_person_search(self, login, world, sari):
        client = login(world.budi)
        found = client.get("/privasi/permintaan/?q=sari").content.decode()
        assert f"/privasi/permintaan/orang/{sari.pk}/baru/" in found
        response = client.post(
            f"/privasi/permintaan/orang/{sari.pk}/baru/",
            {"kind": "access", "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
        )
        request = DataRequest.objects.get()
        assert response.status_code == 302 and response["Location"] == f"/privasi/permintaan/{request.pk}/"
        page = client.get(response["Location"]).content.decode()
        assert "Pasal 32" in page and "Akses (salinan data)" in page

    def test_it_validates_scope(self, login, world, sari):
        request = services.data_request_create(
            actor=world.budi, person=sari, kind="erasure", received_at=timezone.now()
        )
        for path in (f"/privasi/permintaan/{request.pk}/", f"/privasi/permintaan/orang/{sari.pk}/baru/"):
            assert login(world.dewi).get(path).status_code == 404
            assert login(world.citra).get(path).status_code == 404
            assert login(world.gita).get(path).status_code == 403
        assert login(world.budi).post(f"/privasi/permintaan/{request.pk}/erase/").status_code == 403
        assert login(world.dewi).post(f"/privasi/permintaan/{request.pk}/erase/").status_code == 404
        assert login(world.budi).get("/privasi/catatan-pemrosesan/").status_code == 403

    def test_the_officer_erases_through_the_page_and_sees_the_outcome(self, login, world, sari):
        request = services.data_request_create(
            actor=world.budi, person=sari, kind="erasure", received_at=timezone.now()
        )
        client = login(world.fajar)
        client.post(f"/privasi/permintaan/{request.pk}/erase/")
        page = client.get(f"/privasi/permintaan/{request.pk}/").content.decode()
        assert "Data pribadi dihapus" in page

    def test_the_list_uses_a_bounded_number_of_queries(self, login, world, django_assert_max_num_queries):
        client = login(world.ani)
        for i in range(15):
            person = make_person(world, name=f"Orang {i}")
            services.data_request_create(
                actor=world.budi, person=person, kind="access", received_at=timezone.now()
            )
        client.get("/privasi/permintaan/")
        with django_assert_max_num_queries(15):
            response = client.get("/privasi/permintaan/")
        assert response.content.decode().count('data-testid="request-row"') == 15

    def test_the_processing_record_is_generated_from_the_data(self, login, world, case):
        page = login(world.fajar).get("/privasi/catatan-pemrosesan/").content.decode()
        assert "Disnaker Provinsi Bengkulu" in page  # a recipient: it received a referral
        assert "Log akses data pribadi" in page and "Edukasi / sosialisasi" in page

    def test_the_public_notice_names_the_controller_and_is_linked_from_the_footer(self, client, world):
        home = client.get("/").content.decode()
        assert 'href="/privasi/"' in home
        notice = client.get("/privasi/").content.decode()
        assert "Direktorat Jenderal Imigrasi" in notice and "/privasi/ajukan/" in notice


@pytest.mark.django_db
class TestRequestActionsThroughPages:
    def test_the_officer_verifies_a_public_request_and_corrects_the_record(self, login, world, sari):
        public = services.data_request_submit(
            kind="correction", village=world.tebat_monok, requester_name="Sari", requester_contact="0812"
        )
        client = login(world.fajar)
        client.post(
            f"/privasi/permintaan/{public.pk}/verifikasi/",
            {"person": sari.pk, "verification_note": "e-KTP diperiksa di Kanim"},
        )
        public.refresh_from_db()
        assert public.status == DataRequest.Status.OPEN and public.person == sari
        page = client.get(f"/privasi/permintaan/{public.pk}/").content.decode()
        assert "Simpan perbaikan" in page
        client.post(
            f"/privasi/permintaan/{public.pk}/correct/",
            {"name": "Sari Sintetika", "birth_date": "1999-04-02", "phone": "", "version": sari.version},
        )
        sari.refresh_from_db()
        public.refresh_from_db()
        assert sari.name == "Sari Sintetika" and public.status == DataRequest.Status.DONE

    def test_an_unverified_request_is_refused_with_a_reason(self, login, world):
        public = services.data_request_submit(
            kind="access", village=world.tebat_monok, requester_name="X", requester_contact="0812"
        )
        login(world.fajar).post(
            f"/privasi/permintaan/{public.pk}/close/",
            {"outcome": "Pemohon tidak datang untuk verifikasi dalam 14 hari.", "refused": "on"},
        )
        public.refresh_from_db()
        assert public.status == DataRequest.Status.REFUSED

    def test_restriction_and_withdrawal_through_the_page(self, login, world, sari):
        client = login(world.fajar)
        for kind, action in (("restriction", "restrict"), ("withdrawal", "withdraw")):
            request = services.data_request_create(
                actor=world.budi, person=sari, kind=kind, received_at=timezone.now()
            )
            client.post(f"/privasi/permintaan/{request.pk}/{action}/")
            request.refresh_from_db()
            assert request.status == DataRequest.Status.DONE, kind
        assert client.post(f"/privasi/permintaan/{request.pk}/unknown/").status_code == 403
