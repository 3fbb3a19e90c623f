"""The breach register: the 3 x 24-hour notification clock (UU PDP Art. 46), letters, and who may see it."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from desabinaan.privacy import services
from desabinaan.privacy.models import Breach

from .conftest import pdf_text


def record(actor, **kw):
    return services.breach_record(
        actor=actor,
        title="Daftar hadir terkirim ke grup yang salah",
        description="Foto daftar hadir dengan nomor telepon dikirim ke grup WhatsApp lain.",
        discovered_at=kw.pop("discovered_at", timezone.now()),
        data_categories="nama, nomor telepon",
        persons_estimate=30,
        **kw,
    )


@pytest.mark.django_db
class TestBreaches:
    def test_the_notification_is_due_72_hours_after_discovery(self, world):
        breach = record(world.fajar)
        assert breach.notify_due_at - breach.discovered_at == dt.timedelta(hours=72)
        assert breach.kanim == world.kanim_bkl
        with time_machine.travel(timezone.now() + dt.timedelta(hours=73)):
            assert breach.notification_overdue

    def test_both_notices_sent_mark_it_notified(self, world):
        breach = record(world.fajar)
        services.breach_mark_notified(actor=world.fajar, breach=breach, subjects=True)
        breach = services.breach_mark_notified(actor=world.fajar, breach=breach, authority=True)
        assert breach.status == Breach.Status.NOTIFIED and not breach.notification_overdue

    def test_the_letters_are_generated_in_indonesian(self, login, world):
        breach = record(world.fajar)
        client = login(world.fajar)
        to_subjects = pdf_text(client.get(f"/privasi/kebocoran/{breach.pk}/surat/subjects/").content)
        to_authority = pdf_text(client.get(f"/privasi/kebocoran/{breach.pk}/surat/authority/").content)
        assert "Pasal 46" in to_subjects and "nomor telepon" in to_subjects
        assert "Komunikasi dan Digital" in to_authority and "30" in to_authority

    def test_it_validates_scope(self, login, world):
        breach = record(world.fajar)
        assert login(world.dewi).get(f"/privasi/kebocoran/{breach.pk}/").status_code == 404
        assert login(world.budi).get("/privasi/kebocoran/").status_code == 403
        assert login(world.gita).get("/privasi/kebocoran/").status_code == 403
        assert login(world.admin).get(f"/privasi/kebocoran/{breach.pk}/").status_code == 200
        # Kanwil staff read the register of their province's offices but do not record.
        eka = login(world.eka)
        assert eka.get(f"/privasi/kebocoran/{breach.pk}/").status_code == 200
        assert eka.post("/privasi/kebocoran/", {"title": "x"}).status_code == 403

    def test_an_officer_records_one_through_the_page(self, login, world):
        response = login(world.fajar).post(
            "/privasi/kebocoran/",
            {
                "title": "Laptop hilang",
                "description": "Laptop petugas hilang di perjalanan.",
                "discovered_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                "data_categories": "ekspor daftar hadir",
                "persons_estimate": 120,
            },
        )
        assert response.status_code == 302
        assert Breach.objects.get().persons_estimate == 120
