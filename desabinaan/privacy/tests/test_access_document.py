"""The access document (UU PDP Art. 32): one Indonesian PDF with everything held, recipients and the processing log,
with the redactions it states; only offices that write produce it, and producing it is logged."""

import pytest
from django.utils import timezone

from desabinaan.audit.models import AccessEntry
from desabinaan.privacy import services
from desabinaan.protection.services import referral_create

from .conftest import pdf_text


@pytest.fixture
def access_request(world, case):
    return services.data_request_create(
        actor=world.budi, person=case.person, kind="access", received_at=timezone.now()
    )


def url(request):
    return f"/privasi/permintaan/{request.pk}/dokumen-akses/"


@pytest.mark.django_db
class TestAccessDocument:
    def test_it_lists_attendances_referrals_purposes_and_the_processing_log(
        self, login, world, case, access_request
    ):
        response = login(world.fajar).get(url(access_request))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text = pdf_text(response.content)
        assert "Dokumen Akses Data Pribadi" in text
        assert "Sosialisasi Bahaya TPPO" in text
        assert "Disnaker Provinsi Bengkulu" in text
        assert "Pasal 32" in text
        assert "Catatan pemrosesan" in text

    def test_officers_are_named_by_role_and_case_notes_are_withheld(self, login, world, case, access_request):
        text = pdf_text(login(world.fajar).get(url(access_request)).content)
        assert "Fajar" not in text and "Petugas Kantor Imigrasi" in text
        assert "Periksa agen" not in text and "catatan kasus tidak disertakan" in text

    def test_a_victim_protection_recipient_is_withheld(self, login, world, case, access_request):
        referral_create(
            actor=world.fajar,
            screening=case.screening,
            agency=world.agency,
            action="protection",
            reason="Korban",
        )
        text = pdf_text(login(world.fajar).get(url(access_request)).content)
        assert "dirahasiakan demi keselamatan korban" in text

    def test_producing_it_is_logged_as_a_read(self, login, world, case, access_request):
        login(world.fajar).get(url(access_request))
        assert AccessEntry.objects.filter(person=case.person, purpose="dokumen akses UU PDP").count() == 1

    def test_it_validates_scope(self, login, world, case, access_request):
        assert login(world.dewi).get(url(access_request)).status_code == 404
        assert login(world.gita).get(url(access_request)).status_code == 403
        # The liaison records and follows the request; the office produces the document.
        assert login(world.budi).get(url(access_request)).status_code == 403

    def test_the_processing_log_shows_labels_not_codes(self, login, world, case, access_request):
        text = pdf_text(login(world.fajar).get(url(access_request)).content)
        assert "people.person" not in text and "protection:" not in text and "birth_date" not in text
        assert "halaman web" in text or "membaca" in text
