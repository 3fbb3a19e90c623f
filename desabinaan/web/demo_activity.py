"""Demo data, the work in Tebat Monok: the village's log and residents' questions, sosialisasi events with
attendance, and protection (a screening with its referral, a readiness check with a route warning, a report).

Written through the same services as real data; every record is looked up first, so a second run creates nothing.
Free text says "contoh"/"demo" so nobody mistakes it for a real case.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from desabinaan.accounts.models import User
from desabinaan.events.models import Attendance, Event
from desabinaan.events.services import (
    attendance_record,
    attendance_record_person,
    event_create,
    event_mark_held,
    event_report,
)
from desabinaan.passport.models import ReadinessCheck
from desabinaan.passport.services import readiness_check_create
from desabinaan.people.models import LawfulBasis, Purpose
from desabinaan.people.services import consent_record
from desabinaan.program.models import Activity, DesaBinaan, Question
from desabinaan.program.services import (
    activity_create,
    question_answer,
    question_record,
)
from desabinaan.protection.models import Report, Screening
from desabinaan.protection.services import referral_create, report_submit, screening_create, screening_decide
from desabinaan.regions.models import Village

from .demo_people import PEOPLE, SEED_NOTE, SeedResult, demo_resident, resident_nik


def seed_village_work(result: SeedResult, *, officer: User, liaison: User, db: DesaBinaan) -> None:
    """Tebat Monok's log: a counselling session, two residents' questions (one answered by the office)."""
    if not Activity.objects.filter(desa_binaan=db).exists():
        activity_create(
            actor=liaison,
            desa_binaan=db,
            kind=Activity.Kind.COUNSELLING,
            date=timezone.localdate() - dt.timedelta(days=20),
            place="Balai Desa Tebat Monok",
            participants=35,
            notes=f"Penyuluhan bekerja ke luar negeri secara prosedural ({SEED_NOTE}).",
        )
        result.created["kegiatan desa"] += 1
    if not Question.objects.filter(desa_binaan=db).exists():
        answered = question_record(
            actor=liaison,
            desa_binaan=db,
            topic=Question.Topic.PASSPORT,
            text="Berapa biaya membuat paspor biasa 48 halaman? (contoh)",
        )
        question_answer(
            actor=officer,
            question=answered,
            answer="Rp350.000 untuk paspor biasa elektronik polikarbonat 48 halaman (PP 45/2024). (contoh)",
        )
        question_record(
            actor=liaison,
            desa_binaan=db,
            topic=Question.Topic.WORK_ABROAD,
            text="Apakah boleh berangkat kerja ke Malaysia memakai visa turis? (contoh)",
        )
        result.created["pertanyaan warga"] += 2


SOSIALISASI_HELD = "Sosialisasi migrasi aman (contoh)"
SOSIALISASI_PLANNED = "Sosialisasi paspor dan jalur kerja resmi (contoh)"


def seed_sosialisasi(result: SeedResult, *, officer: User, village: Village) -> None:
    """A held and reported event with five residents on the attendance list (one picked from the registry), and one
    coming up."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    if not Event.objects.filter(village=village, title=SOSIALISASI_HELD).exists():
        event = event_create(
            actor=officer,
            title=SOSIALISASI_HELD,
            village=village,
            starts_at=now - dt.timedelta(days=14),
            venue="Balai Desa Tebat Monok",
            planned_attendance=40,
        )
        for index in range(4):
            name, sex, birth_date, code = PEOPLE[index]
            attendance_record(
                actor=officer,
                event=event,
                name=name,
                sex=sex,
                birth_date=birth_date,
                nik=resident_nik(index),
                village=village,
                consent=True,
                source=Attendance.Source.FORM,
            )
        # A resident already in the registry, picked from it instead of typed again (the attendance picker).
        attendance_record_person(actor=officer, event=event, person=demo_resident(4), consent=True)
        event_mark_held(actor=officer, event=event)
        event_report(actor=officer, event=event, report=f"Kegiatan berjalan lancar ({SEED_NOTE}).")
        result.created["kegiatan sosialisasi"] += 1
    if not Event.objects.filter(village=village, title=SOSIALISASI_PLANNED).exists():
        event_create(
            actor=officer,
            title=SOSIALISASI_PLANNED,
            village=village,
            starts_at=now + dt.timedelta(days=10),
            venue="Balai Desa Tebat Monok",
            planned_attendance=40,
        )
        result.created["kegiatan sosialisasi"] += 1


REPORT_TEXT = "Ada perekrut menawarkan kerja ke luar negeri tanpa perjanjian kerja. (contoh laporan demo)"


def seed_protection(result: SeedResult, *, pimpasa: User, liaison: User, village: Village) -> None:
    """A screened applicant referred back to the village, a readiness check with a route warning, a report."""
    applicant = demo_resident(0)
    if not Screening.objects.filter(person=applicant).exists():
        screening = screening_create(
            actor=pimpasa,
            person=applicant,
            purpose="tourism",
            destination_country="Malaysia",
            job="Pekerja kebun (contoh)",
            sponsor_name="Sponsor Contoh",
            answers={},
            notes=f"Wawancara paspor ({SEED_NOTE}).",
        )
        screening_decide(
            actor=pimpasa,
            screening=screening,
            kind="refer",
            rationale=f"Tujuan wisata tetapi menyebut pekerjaan: dirujuk ke desa untuk edukasi ({SEED_NOTE}).",
        )
        referral_create(
            actor=pimpasa,
            screening=screening,
            to_village=True,
            action="education",
            reason=f"Edukasi jalur prosedural bekerja ke luar negeri ({SEED_NOTE}).",
        )
        result.created["skrining"] += 1
    resident = demo_resident(1)
    if not ReadinessCheck.objects.filter(person=resident).exists():
        consent_record(
            actor=liaison,
            person=resident,
            purpose=Purpose.PASSPORT,
            lawful_basis=LawfulBasis.CONSENT,
            purpose_text=SEED_NOTE,
        )
        readiness_check_create(
            actor=liaison,
            person=resident,
            purpose="work",
            destination_country="MY",
            job_offer=True,
            job_type="housekeeper",
            agency_name="PT Contoh Penempatan Tidak Terdaftar",
            paid_up_front=True,
            amount_paid_idr=5_000_000,
        )
        result.created["pemeriksaan kesiapan"] += 1
    if not Report.objects.filter(description=REPORT_TEXT).exists():
        report_submit(category=Report.Category.RECRUITER, description=REPORT_TEXT, village=village)
        result.created["laporan masyarakat"] += 1
