"""A restricted person (UU PDP Art. 41) is kept but not used: not newly added to an event's attendance (picker, form,
API, import row reported), not sent in a new referral; staff see "Pemrosesan dibatasi" on the person page and lists."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from desabinaan.events import services as events
from desabinaan.events.models import Attendance
from desabinaan.privacy import services
from desabinaan.protection.services import referrals_send, screening_create

from .conftest import make_person

BADGE = "Pemrosesan dibatasi"


def restrict(world, person):
    request = services.data_request_create(
        actor=world.budi, person=person, kind="restriction", received_at=timezone.now()
    )
    return services.person_restrict(actor=world.fajar, request=request)


@pytest.fixture
def event(world):
    return events.event_create(
        actor=world.fajar,
        title="Sosialisasi Bahaya TPPO",
        village=world.tebat_monok,
        starts_at=timezone.now() - dt.timedelta(hours=1),
    )


@pytest.fixture
def restricted(world, sari):
    restrict(world, sari)
    return sari


def sheet(rows) -> io.BytesIO:
    workbook = Workbook()
    workbook.active.append(["Nama", "L/P", "Tahun atau tanggal lahir", "Kode desa", "Setuju (ya/tidak)"])
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "daftar-hadir.xlsx"
    return buffer


@pytest.mark.django_db
class TestAttendance:
    def test_the_picker_refuses_a_restricted_person_and_shows_why(self, world, login, event, restricted):
        url = reverse("events:attend_pick", args=[event.pk])
        response = login(world.budi).post(url, {"person": restricted.pk, "consent": "on"})
        assert response.status_code == 422
        assert "Pasal 41" in response.content.decode()
        assert not Attendance.objects.filter(person=restricted).exists()

    def test_the_picker_results_mark_the_person(self, world, login, event, restricted):
        url = reverse("events:attend_search", args=[event.pk])
        response = login(world.budi).post(url, {"q": "Sari"}, headers={"HX-Request": "true"})
        assert BADGE in response.content.decode()

    def test_the_api_pick_answers_422_on_person(self, world, login, event, restricted):
        response = login(world.budi).post(
            f"/api/v1/events/{event.pk}/attendance/pick",
            {"person_id": restricted.pk, "consent": True},
            content_type="application/json",
        )
        assert response.status_code == 422
        assert response.json()["field"] == "person" and "Pasal 41" in response.json()["detail"]

    def test_the_form_refuses_the_same_person_typed_again(self, world, event, restricted):
        with pytest.raises(ValidationError) as exc:
            events.attendance_record(
                actor=world.budi,
                event=event,
                name=restricted.name,
                sex="F",
                birth_date=restricted.birth_date,
                village=world.tebat_monok,
                consent=True,
            )
        assert "Pasal 41" in str(exc.value)
        assert not Attendance.objects.filter(person=restricted).exists()

    def test_an_import_reports_the_restricted_row_and_imports_the_others(self, world, event, restricted):
        rows = [
            ["Sari Sintetis", "P", "02-04-1999", world.tebat_monok.pk, "ya"],
            ["Rudi Sintetis", "L", 1990, world.tebat_monok.pk, "ya"],
        ]
        report = events.attendance_import_sheet(actor=world.budi, event=event, source=sheet(rows))
        assert report.created == 1
        assert [(e["row"], e["name"]) for e in report.errors] == [(2, "Sari Sintetis")]
        assert "Pasal 41" in report.errors[0]["message"]
        assert not Attendance.objects.filter(person=restricted).exists()

    def test_once_lifted_the_person_is_added_again(self, world, event, sari):
        restriction = restrict(world, sari)
        services.restriction_lift(actor=world.fajar, restriction=restriction)
        events.attendance_record_person(actor=world.budi, event=event, person=sari, consent=True)
        assert Attendance.objects.filter(person=sari).exists()


@pytest.mark.django_db
class TestReferral:
    def test_a_restricted_person_is_not_sent_in_a_new_referral(self, world, login, sari):
        screening = screening_create(
            actor=world.fajar, person=sari, answers={}, purpose="work", destination_country="Malaysia"
        )
        restrict(world, sari)
        with pytest.raises(ValidationError) as exc:
            referrals_send(
                actor=world.fajar, screening=screening, agency=world.agency, action="assessment", reason="Cek"
            )
        assert "Pasal 41" in str(exc.value)
        page = login(world.fajar).post(
            reverse("protection:screening_refer", args=[screening.pk]),
            {"to_village": "on", "action": "assessment", "reason": "Cek"},
        )
        assert page.status_code == 200 and "Pasal 41" in page.content.decode()
        assert not screening.referrals.exists()


@pytest.mark.django_db
class TestBadge:
    def test_the_person_page_shows_the_badge_to_staff_in_scope(self, world, login, restricted):
        url = reverse("people:detail", args=[restricted.pk])
        for user in (world.fajar, world.budi):
            assert BADGE in login(user).get(url).content.decode()
        assert login(world.dewi).get(url).status_code == 404  # outside the jurisdiction

    def test_the_people_list_marks_restricted_persons_in_bounded_queries(
        self, world, login, django_assert_max_num_queries
    ):
        client = login(world.fajar)
        persons = [make_person(world, name=f"Warga {i}") for i in range(3)]
        restrict(world, persons[0])
        with django_assert_max_num_queries(30) as few:
            page = client.get(reverse("people:list")).content.decode()
        assert page.count(f">{BADGE}<") == 1
        persons += [make_person(world, name=f"Warga lain {i}") for i in range(15)]
        restrict(world, persons[5])
        with django_assert_max_num_queries(len(few.captured_queries)):
            page = client.get(reverse("people:list")).content.decode()
        assert page.count(f">{BADGE}<") == 2

    def test_the_attendance_list_marks_a_person_restricted_after_attending(
        self, world, login, django_assert_max_num_queries
    ):
        event = events.event_create(
            actor=world.fajar,
            title="Sosialisasi",
            village=world.tebat_monok,
            starts_at=timezone.now() - dt.timedelta(hours=1),
        )
        persons = [make_person(world, name=f"Peserta {i}") for i in range(12)]
        for person in persons:
            events.attendance_record_person(actor=world.budi, event=event, person=person, consent=True)
        restrict(world, persons[3])
        restrict(world, persons[7])
        url = reverse("events:attendance", args=[event.pk])
        with django_assert_max_num_queries(30):
            page = login(world.budi).get(url).content.decode()
        assert page.count(f">{BADGE}<") == 2
        assert login(world.dewi).get(url).status_code == 404  # another Kanim's officer
