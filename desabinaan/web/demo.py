"""Demo data for `manage.py seed_demo`: the seed's case (Kantor Imigrasi Bengkulu, Desa Tebat Monok) plus a second
office so jurisdiction can be seen at work.

Every domain record goes through the same services as real data (proposal → SK designation → activation with a
status row each, PIMPASA and liaison services, person_create and consent_record, events and attendance, village
work, screening, referral, anonymous report, readiness check), so the demo passes the same invariants; the demo test
checks them on the seeded database. Offices, working areas' offices and staff accounts have no service (the admin
creates them): those few rows are validated and audited here.

Idempotent: every record is looked up by its natural key first, so a second run creates nothing. Everything about
people here is SYNTHETIC: names from the fixed list below, phone numbers in the unused 0812-0000-xxxx range, NIK
serials from 9001 up (real serials start at 0001 and rarely reach 9000 in one district on one birth date). Free text
says "contoh"/"demo" so nobody mistakes it for a real case.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from desabinaan.accounts.demo import DEFAULT_PASSWORD
from desabinaan.accounts.models import Role, User
from desabinaan.audit.services import audit_created
from desabinaan.events.models import Attendance, Event
from desabinaan.events.services import attendance_record, event_create, event_mark_held, event_report
from desabinaan.offices.models import Kanim, Kanwil, PartnerAgency, WorkingAreaAssignment
from desabinaan.offices.services import working_area_assign
from desabinaan.passport.models import ReadinessCheck
from desabinaan.passport.services import readiness_check_create
from desabinaan.people.models import LawfulBasis, Person, Purpose
from desabinaan.people.services import consent_record, person_create
from desabinaan.program.models import Activity, DesaBinaan, PimpasaAssignment, Question
from desabinaan.program.services import (
    activity_create,
    desa_binaan_propose,
    desa_binaan_transition,
    liaison_create,
    pimpasa_assign,
    question_answer,
    question_record,
)
from desabinaan.protection.models import Report, Screening
from desabinaan.protection.services import referral_create, report_submit, screening_create, screening_decide
from desabinaan.regions.models import Province, Regency, Village

TEBAT_MONOK = "17.08.04.2002"
URAI = "17.03.12.2001"
REGIONS_MISSING = "Desa Tebat Monok (17.08.04.2002) belum ada di basis data. Jalankan import_regions dulu."
# Recorded on demo records so anyone reading the audit trail sees where they came from.
SEED_NOTE = "seed_demo: data demo sintetis"
ASSIGNED_SINCE = dt.date(2024, 1, 1)
BANDUNG_REGENCIES = ("32.73", "32.04", "32.17")  # Kota Bandung, Kab. Bandung, Kab. Bandung Barat

# The fostered villages: (village code, SK number, SK date, selection criteria ticked in the proposal).
DESA_BINAAN = [
    (TEBAT_MONOK, "W.8.IMI.IMI.1-CONTOH/2024", dt.date(2024, 6, 10), ["kantong_pmi", "akses_informasi"]),
    (URAI, "W.8.IMI.IMI.1-CONTOH/2023", dt.date(2023, 11, 20), ["kantong_pmi", "perbatasan_pesisir"]),
]

KANIM_BENGKULU = "Kantor Imigrasi Kelas I TPI Bengkulu"
KANIM_BANDUNG = "Kantor Imigrasi Kelas I TPI Bandung"

# (username, role, first name, last name, where): `where` names the kanwil/kanim/village the role needs.
ACCOUNTS = [
    ("admin", Role.NATIONAL_ADMIN, "Admin", "Nasional (demo)", None),
    ("kanwil.bengkulu", Role.KANWIL, "Staf Kanwil", "Bengkulu (demo)", "kanwil_bengkulu"),
    ("kanim.bengkulu", Role.OFFICER, "Petugas", "Kanim Bengkulu (demo)", "kanim_bengkulu"),
    ("pimpasa.bengkulu", Role.PIMPASA, "PIMPASA", "Bengkulu (demo)", "kanim_bengkulu"),
    ("desa.tebatmonok", Role.LIAISON, "Perangkat Desa", "Tebat Monok (demo)", "tebat_monok"),
    ("desa.lain", Role.LIAISON, "Perangkat Desa", "Urai (demo)", "urai"),
    ("kanim.lain", Role.OFFICER, "Petugas", "Kanim Bandung (demo)", "kanim_bandung"),
]

# Synthetic residents: (name, sex, birth date, village code). Names are a fixed invented list; any likeness to a
# real person is chance. Each village's residents are registered by an account whose scope holds that village.
PEOPLE = [
    ("Andi Saputra Contoh", "M", dt.date(1998, 3, 14), TEBAT_MONOK),
    ("Siti Rahmawati Contoh", "F", dt.date(2001, 7, 2), TEBAT_MONOK),
    ("Budi Hartono Contoh", "M", dt.date(1995, 11, 23), TEBAT_MONOK),
    ("Dewi Lestari Contoh", "F", dt.date(2003, 1, 9), TEBAT_MONOK),
    ("Eko Prasetyo Contoh", "M", dt.date(1990, 5, 30), TEBAT_MONOK),
    ("Fitri Handayani Contoh", "F", dt.date(1999, 9, 17), TEBAT_MONOK),
    ("Gunawan Wibowo Contoh", "M", dt.date(1987, 12, 1), TEBAT_MONOK),
    ("Hana Puspita Contoh", "F", dt.date(2005, 4, 21), TEBAT_MONOK),
    ("Irfan Maulana Contoh", "M", dt.date(2002, 8, 8), TEBAT_MONOK),
    ("Juwita Sari Contoh", "F", dt.date(1996, 2, 27), TEBAT_MONOK),
    ("Kurniawan Adi Contoh", "M", dt.date(1993, 6, 12), TEBAT_MONOK),
    ("Lina Marlina Contoh", "F", dt.date(2000, 10, 5), TEBAT_MONOK),
    ("Mulyadi Syahputra Contoh", "M", dt.date(1985, 3, 3), "17.08.04.2001"),
    ("Nurul Aini Contoh", "F", dt.date(2004, 12, 19), "17.08.04.2001"),
    ("Oki Firmansyah Contoh", "M", dt.date(1997, 7, 25), "17.08.04.2001"),
    ("Putri Ayu Contoh", "F", dt.date(2002, 2, 11), "17.08.04.2001"),
    ("Rahmat Hidayat Contoh", "M", dt.date(1994, 4, 4), URAI),
    ("Sri Wahyuni Contoh", "F", dt.date(1998, 8, 30), URAI),
    ("Taufik Ismail Contoh", "M", dt.date(2001, 1, 16), URAI),
    ("Umi Kalsum Contoh", "F", dt.date(1992, 11, 7), URAI),
    ("Wahyu Nugroho Contoh", "M", dt.date(2003, 5, 13), URAI),
    ("Yuliana Safitri Contoh", "F", dt.date(1999, 3, 28), URAI),
    ("Zainal Abidin Contoh", "M", dt.date(1989, 9, 2), URAI),
    ("Ayu Kartika Contoh", "F", dt.date(2000, 6, 18), "17.71.01.1001"),
    ("Bayu Pratama Contoh", "M", dt.date(1996, 10, 10), "17.71.01.1001"),
    ("Cahya Ningsih Contoh", "F", dt.date(2004, 2, 6), "17.71.01.1001"),
    ("Dodi Kurniadi Contoh", "M", dt.date(1991, 12, 24), "32.73.01.1001"),
    ("Euis Komalasari Contoh", "F", dt.date(1997, 4, 15), "32.73.01.1001"),
    ("Fajar Ramdani Contoh", "M", dt.date(2002, 9, 9), "32.73.01.1002"),
    ("Gita Permatasari Contoh", "F", dt.date(2001, 11, 30), "32.73.01.1002"),
]
FIRST_SERIAL = 9001


def synthetic_nik(*, village_code: str, sex: str, birth_date: dt.date, serial: int) -> str:
    """A structurally valid NIK: the village's district, the birth date (+40 on the day for women), a 9xxx serial."""
    day = birth_date.day + (40 if sex == "F" else 0)
    return f"{village_code[:8].replace('.', '')}{day:02d}{birth_date:%m%y}{serial:04d}"


def synthetic_phone(index: int) -> str:
    return f"0812-0000-{index:04d}"


@dataclass
class SeedResult:
    created: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()))


class RegionsMissing(Exception):
    pass


def _created(result: SeedResult, kind: str, obj) -> None:
    result.created[kind] += 1
    audit_created(actor=None, target=obj, summary=SEED_NOTE)


def _get_or_create(result: SeedResult, kind: str, model, lookup: dict, defaults: dict):
    """Reference rows without a service (offices, agencies): validated and audited like a service would."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **defaults)
        obj.full_clean()
        obj.save()
        _created(result, kind, obj)
    return obj


def _assign_area(result: SeedResult, kanim: Kanim, regency: Regency) -> None:
    # A regency that already belongs to some office is left alone: the demo never moves real working areas.
    if WorkingAreaAssignment.objects.filter(regency=regency, valid_to__isnull=True).exists():
        return
    working_area_assign(actor=None, kanim=kanim, regency=regency, valid_from=ASSIGNED_SINCE, basis=SEED_NOTE)
    result.created["wilayah kerja"] += 1


@transaction.atomic
def demo_seed(*, password: str = DEFAULT_PASSWORD) -> SeedResult:
    """Create whatever demo data is missing; regions must already be imported (at least Tebat Monok's)."""
    tebat_monok = Village.objects.filter(code=TEBAT_MONOK).first()
    if tebat_monok is None:
        raise RegionsMissing(REGIONS_MISSING)
    result = SeedResult()
    places: dict[str, object] = {"tebat_monok": tebat_monok}
    _offices(result, places)

    users = {}
    for username, role, first_name, last_name, where in ACCOUNTS:
        if role == Role.LIAISON or (where is not None and where not in places):
            continue
        place = places.get(where) if where else None
        users[username] = _account(result, username, role, first_name, last_name, place, password)

    officer, pimpasa = users["kanim.bengkulu"], users["pimpasa.bengkulu"]
    desa = {}
    for code, sk_number, sk_date, criteria in DESA_BINAAN:
        village = Village.objects.filter(code=code).first()
        if village is None:
            result.skipped.append(
                f"Desa {code} belum diimpor: desa binaan itu dan akun penghubungnya dilewati."
            )
            continue
        desa[code] = _desa_binaan(
            result, actor=officer, village=village, sk_number=sk_number, sk_date=sk_date, criteria=criteria
        )
        if not PimpasaAssignment.objects.filter(desa_binaan=desa[code], officer=pimpasa).exists():
            pimpasa_assign(actor=officer, desa_binaan=desa[code], officer=pimpasa, valid_from=ASSIGNED_SINCE)
            result.created["penugasan PIMPASA"] += 1

    for username, role, first_name, last_name, where in ACCOUNTS:
        liaison_of = {"tebat_monok": TEBAT_MONOK, "urai": URAI}.get(where or "", "")
        if role == Role.LIAISON and liaison_of in desa:
            users[username] = _liaison(
                result, officer, desa[liaison_of], username, first_name, last_name, password
            )

    _people(result, users)
    if TEBAT_MONOK in desa and "desa.tebatmonok" in users:
        _village_work(result, officer=officer, liaison=users["desa.tebatmonok"], db=desa[TEBAT_MONOK])
        _sosialisasi(result, officer=officer, village=tebat_monok)
        _protection(result, pimpasa=pimpasa, liaison=users["desa.tebatmonok"], village=tebat_monok)
    return result


def _offices(result: SeedResult, places: dict) -> None:
    places["kanwil_bengkulu"] = kanwil_bkl = _get_or_create(
        result,
        "kanwil",
        Kanwil,
        {"province_id": "17"},
        {"name": "Kanwil Bengkulu"},
    )
    places["kanim_bengkulu"] = kanim_bkl = _get_or_create(
        result,
        "kantor imigrasi",
        Kanim,
        {"name": KANIM_BENGKULU},
        {
            "office_class": "Kelas I TPI",
            "kanwil": kanwil_bkl,
            # Only the city: a street or phone number we could not confirm would send someone to the wrong place.
            "address": "Kota Bengkulu, Provinsi Bengkulu",
            "head_name": "Kepala Kantor (nama sintetis)",
        },
    )
    for regency in Regency.objects.filter(province_id="17").order_by("code"):
        _assign_area(result, kanim_bkl, regency)

    if Province.objects.filter(code="32").exists():
        kanwil_jabar = _get_or_create(
            result,
            "kanwil",
            Kanwil,
            {"province_id": "32"},
            {"name": "Kanwil Jawa Barat"},
        )
        places["kanim_bandung"] = kanim_bdg = _get_or_create(
            result,
            "kantor imigrasi",
            Kanim,
            {"name": KANIM_BANDUNG},
            {
                "office_class": "Kelas I TPI",
                "kanwil": kanwil_jabar,
                "address": "Kota Bandung, Provinsi Jawa Barat",
                "head_name": "Kepala Kantor (nama sintetis)",
            },
        )
        for regency in Regency.objects.filter(code__in=BANDUNG_REGENCIES).order_by("code"):
            _assign_area(result, kanim_bdg, regency)
    else:
        result.skipped.append(
            "Provinsi Jawa Barat (32) belum diimpor: Kanim Bandung dan akun kanim.lain dilewati."
        )

    _get_or_create(
        result,
        "instansi mitra",
        PartnerAgency,
        {"name": "Disnaker Provinsi Bengkulu"},
        {"kind": PartnerAgency.Kind.DISNAKER, "province_id": "17"},
    )


def _desa_binaan(result, *, actor, village, sk_number, sk_date, criteria) -> DesaBinaan:
    """Proposed, designated by SK and activated through the lifecycle services: one status row per step."""
    existing = DesaBinaan.objects.filter(village=village).first()
    if existing is not None:
        return existing
    db = desa_binaan_propose(actor=actor, village=village, criteria=criteria, notes=f"Usulan ({SEED_NOTE})")
    desa_binaan_transition(
        actor=actor,
        desa_binaan=db,
        to=DesaBinaan.Status.DESIGNATED,
        reason=f"Penetapan dengan SK ({SEED_NOTE})",
        sk_number=sk_number,
        sk_date=sk_date,
    )
    desa_binaan_transition(
        actor=actor, desa_binaan=db, to=DesaBinaan.Status.ACTIVE, reason=f"Pembinaan dimulai ({SEED_NOTE})"
    )
    result.created["desa binaan"] += 1
    return db


def _account(result, username, role, first_name, last_name, place, password) -> User:
    """An office account. Accounts are made in the admin (no service): validated and audited here."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    fields = {
        "role": role,
        "first_name": first_name,
        "last_name": last_name,
        "email": f"{username}@demo.invalid",
    }
    if role == Role.NATIONAL_ADMIN:
        fields.update(is_staff=True, is_superuser=True)
    elif role == Role.KANWIL:
        fields["kanwil"] = place
    elif role in (Role.OFFICER, Role.PIMPASA):
        fields["kanim"] = place
    user = User(username=username, **fields)
    user.is_demo = True
    user.set_password(password)
    user.full_clean()
    user.save()
    _created(result, "akun", user)
    return user


def _liaison(result, officer, db, username, first_name, last_name, password) -> User:
    """A village liaison through program's liaison service, then given the demo password and the demo mark."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    user, _initial = liaison_create(
        actor=officer,
        desa_binaan=db,
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=f"{username}@demo.invalid",
    )
    # The one-time password is replaced by the shared demo password the demo login page shows.
    user.is_demo = True
    user.set_password(password)
    user.save(update_fields=["is_demo", "password"])
    result.created["akun"] += 1
    return user


def _nik(index: int) -> str:
    _name, sex, birth_date, code = PEOPLE[index]
    return synthetic_nik(village_code=code, sex=sex, birth_date=birth_date, serial=FIRST_SERIAL + index)


def _people(result: SeedResult, users: dict[str, User]) -> None:
    villages = {v.code: v for v in Village.objects.filter(code__in={row[3] for row in PEOPLE})}
    for index, (name, sex, birth_date, code) in enumerate(PEOPLE):
        village = villages.get(code)
        actor = users.get("kanim.lain" if code.startswith("32") else "kanim.bengkulu")
        if village is None or actor is None:
            continue
        if Person.objects.filter(name=name, birth_date=birth_date, village=village).exists():
            continue
        person = person_create(
            actor=actor,
            name=name,
            nik=_nik(index),
            birth_date=birth_date,
            sex=sex,
            village=village,
            phone=synthetic_phone(index + 1),
            allow_probable_duplicates=True,
        )
        consent_record(
            actor=actor,
            person=person,
            purpose=Purpose.EDUCATION,
            lawful_basis=LawfulBasis.PUBLIC_TASK,
            purpose_text=SEED_NOTE,
        )
        result.created["orang"] += 1


def _resident(index: int) -> Person:
    name, _sex, birth_date, code = PEOPLE[index]
    return Person.objects.get(name=name, birth_date=birth_date, village_id=code)


def _village_work(result: SeedResult, *, officer: User, liaison: User, db: DesaBinaan) -> None:
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


def _sosialisasi(result: SeedResult, *, officer: User, village: Village) -> None:
    """A held and reported event with four residents on the attendance list, and one coming up."""
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
                nik=_nik(index),
                village=village,
                consent=True,
                source=Attendance.Source.FORM,
            )
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


def _protection(result: SeedResult, *, pimpasa: User, liaison: User, village: Village) -> None:
    """A screened applicant referred back to the village, a readiness check with a route warning, a report."""
    applicant = _resident(0)
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
    resident = _resident(1)
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
