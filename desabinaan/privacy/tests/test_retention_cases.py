"""The retention schedule for readiness checks, screenings and uploaded files (docs/rules.md §6): the dry run lists
exactly what the real run then changes, per record type; signed decisions and anything of a person with an open
referral are kept; files leave storage while the rows that must stay say so; the dashboard's counts do not move."""

import datetime as dt

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from desabinaan.events.models import EventFile
from desabinaan.passport.models import ReadinessCheck
from desabinaan.passport.services import readiness_check_create
from desabinaan.people.models import Person
from desabinaan.privacy import retention, services
from desabinaan.privacy.models import RecordType
from desabinaan.privacy.retention_files import FILE_PURGED
from desabinaan.program.models import Activity, ActivityAttachment, DesaBinaan, DesaBinaanTransition
from desabinaan.protection.models import Decision, Screening
from desabinaan.protection.services import screening_create, screening_decide
from desabinaan.stats.models import MonthlyFigure
from desabinaan.stats.services import stats_refresh

from .conftest import attend, make_person, screen_and_refer
from .test_retention import run

PDF = b"%PDF-1.4\n%sintetis\n"
SPONSOR = {"sponsor_name": "Pak Udin", "sponsor_phone": "081299998888", "agency_name": "PT Cepat Berangkat"}


def _check(world, person):
    return readiness_check_create(
        actor=world.fajar,
        person=person,
        purpose="work",
        destination_country="SA",
        job_offer=True,
        job_type="domestic_worker",
        employer="Keluarga Al-Sintetis",
        confirm_without_consent=True,
        **SPONSOR,
    )


@pytest.fixture
def old(world):
    """Six years ago: Sari was checked, screened and decided (no open case); Rina the same with a referral still open.
    Two years ago an event with a photo and a material; an activity with an attachment; a village that graduated
    eleven years ago with its SK PDF."""
    six_years_ago = timezone.now() - dt.timedelta(days=6 * 365)
    with time_machine.travel(six_years_ago, tick=False):
        sari = make_person(world, name="Sari Sintetis")
        rina = make_person(world, name="Rina Sintetis")
        check, kept_check = _check(world, sari), _check(world, rina)
        screening = screening_create(
            actor=world.fajar,
            person=sari,
            purpose="work",
            destination_country="Malaysia",
            answers={},
            notes="Mengaku dijanjikan kerja oleh Pak Udin",
            host_abroad="Majikan di Johor",
            **SPONSOR,
        )
        decision = screening_decide(
            actor=world.fajar, screening=screening, kind="postpone", rationale="Dokumen belum lengkap",
            pending_documents="Surat izin keluarga",
        )  # fmt: skip
        kept_screening, _referral = screen_and_refer(world, rina)
        activity = Activity.objects.create(
            desa_binaan=DesaBinaan.objects.get(village=world.tebat_monok), kind="visit",
            date=timezone.localdate(), place="Balai desa", participants=12, author=world.budi,
        )  # fmt: skip
        attachment = ActivityAttachment.objects.create(
            activity=activity, file=ContentFile(PDF, name="daftar-hadir-siti.pdf"), name="daftar-hadir-siti.pdf",
            content_type="application/pdf", size=len(PDF), uploaded_by=world.budi,
        )  # fmt: skip
    with time_machine.travel(timezone.now() - dt.timedelta(days=2 * 365), tick=False):
        event = attend(world, make_person(world, name="Peserta Foto"), days_ago=1).event
        photo, material = (
            EventFile.objects.create(
                event=event,
                kind=kind,
                file=ContentFile(PDF, name=f"{kind}.pdf"),
                original_name=f"{kind}.pdf",
                content_type="application/pdf",
                size=len(PDF),
            )  # fmt: skip
            for kind in ("photo", "material")
        )
    graduated = DesaBinaan.objects.get(village=world.other_village)
    graduated.sk_file.save("sk.pdf", ContentFile(PDF), save=False)
    graduated.sk_number = "SK-SINTETIS/2014"
    graduated.status = DesaBinaan.Status.GRADUATED
    graduated.save()
    DesaBinaanTransition.objects.create(
        desa_binaan=graduated, from_status="active", to_status="graduated",
        at=timezone.now() - dt.timedelta(days=11 * 365), reason="Mandiri",
    )  # fmt: skip
    return {
        "check": check, "kept_check": kept_check, "screening": screening, "decision": decision,
        "kept_screening": kept_screening, "photo": photo, "material": material, "attachment": attachment, "graduated": graduated,
    }  # fmt: skip


def planned() -> dict[str, list[int]]:
    return {line.record_type: line.ids for line in retention.plan()}


@pytest.mark.django_db
class TestCasesAndFiles:
    def test_the_dry_run_lists_exactly_what_the_real_run_changes(
        self, world, old, django_capture_on_commit_callbacks
    ):
        plan = planned()
        assert plan[RecordType.READINESS_CHECK] == [old["check"].pk]  # Rina's open referral keeps hers
        assert plan[RecordType.SCREENING] == [old["screening"].pk]
        assert plan[RecordType.EVENT_PHOTO] == [old["photo"].pk]  # the material is not personal data
        assert plan[RecordType.ACTIVITY_ATTACHMENT] == [old["attachment"].pk]
        assert plan[RecordType.SK_FILE] == [old["graduated"].pk]
        files = [
            (f.storage, f.name) for f in (old["photo"].file, old["attachment"].file, old["graduated"].sk_file)
        ]

        dry = run("--dry-run")
        assert ReadinessCheck.objects.get(pk=old["check"].pk).sponsor_name == "Pak Udin"
        assert all(storage.exists(name) for storage, name in files)
        for record_type in (RecordType.READINESS_CHECK, RecordType.SCREENING, RecordType.SK_FILE):
            assert f"{record_type} (" in dry
        with django_capture_on_commit_callbacks(execute=True):  # storage is cleared once each batch commits
            real = run()
        assert dry.replace("[uji coba] ", "") == real
        assert all(line.ids == [] for line in retention.plan())  # nothing left for a second run

        check = ReadinessCheck.objects.get(pk=old["check"].pk)
        assert (check.sponsor_name, check.sponsor_phone, check.employer, check.agency_name) == (
            "",
            "",
            "",
            "",
        )
        assert (check.village_id, check.purpose, check.warnings) == (
            old["check"].village_id,
            "work",
            old["check"].warnings,
        )
        assert ReadinessCheck.objects.get(pk=old["kept_check"].pk).sponsor_name == "Pak Udin"

        screening = Screening.objects.get(pk=old["screening"].pk)
        assert screening.notes == retention.SCREENING_ANONYMISED
        assert (screening.sponsor_name, screening.sponsor_phone, screening.host_abroad) == ("", "", "")
        assert screening.advisory_level == old["screening"].advisory_level
        decision = Decision.objects.get(pk=old["decision"].pk)  # the official decision is kept as it was
        assert (decision.kind, decision.rationale) == ("postpone", "Dokumen belum lengkap")
        assert Screening.objects.get(pk=old["kept_screening"].pk).notes == ""

        assert not EventFile.objects.filter(pk=old["photo"].pk).exists()
        assert EventFile.objects.filter(pk=old["material"].pk).exists()
        attachment = ActivityAttachment.objects.get(pk=old["attachment"].pk)
        assert (attachment.file.name, attachment.name) == ("", FILE_PURGED)
        graduated = DesaBinaan.objects.get(pk=old["graduated"].pk)
        assert (graduated.sk_file.name, graduated.sk_number) == ("", "SK-SINTETIS/2014")
        assert not any(storage.exists(name) for storage, name in files)

    def test_the_dashboard_counts_stay(self, world, old):
        stats_refresh()
        fields = ("level", "area", "month", "metric", "dimension", "value")
        before = sorted(MonthlyFigure.objects.values_list(*fields))
        run()
        stats_refresh()
        assert sorted(MonthlyFigure.objects.values_list(*fields)) == before

    def test_ten_years_on_the_person_of_a_closed_case_is_anonymised_and_the_rows_stay(
        self, world, old, django_capture_on_commit_callbacks
    ):
        sari = old["check"].person
        with time_machine.travel(timezone.now() + dt.timedelta(days=5 * 365)):
            assert planned()[RecordType.CASE_PERSON] == [sari.pk]  # Rina's referral is still open
            with django_capture_on_commit_callbacks(execute=True):
                run()
        sari.refresh_from_db()
        assert (sari.name, sari.nik_masked, sari.birth_date) == (services.ANONYMISED_NAME, "", None)
        assert Screening.objects.filter(person=sari).count() == 1  # the rows stay for the statistics
        assert Decision.objects.get(pk=old["decision"].pk).rationale == "Dokumen belum lengkap"
        assert Person.objects.get(pk=old["kept_check"].person_id).name == "Rina Sintetis"

    def test_the_activity_log_says_the_file_was_deleted_by_the_schedule(self, world, old, login):
        run()
        page = login(world.budi).get(f"/desa-binaan/{old['attachment'].activity.desa_binaan_id}/")
        assert page.status_code == 200
        assert "berkas dihapus menurut jadwal retensi" in page.content.decode()
        url = f"/desa-binaan/{old['attachment'].activity.desa_binaan_id}/kegiatan/{old['attachment'].activity_id}"
        assert login(world.budi).get(f"{url}/lampiran/{old['attachment'].pk}/").status_code == 404
