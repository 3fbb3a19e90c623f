"""Demo data, the people: the synthetic residents of the demo villages and what every demo step counts into.

Everything about people here is SYNTHETIC: names from the fixed list below, phone numbers in the unused
0812-0000-xxxx range, NIK serials from 9001 up (real serials start at 0001 and rarely reach 9000 in one district on
one birth date). Residents are registered through `person_create` and `consent_record` like real ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from desabinaan.accounts.models import User
from desabinaan.people.duplicates import duplicates_scan
from desabinaan.people.models import DuplicateScan, LawfulBasis, Person, Purpose
from desabinaan.people.services import consent_record, person_create
from desabinaan.regions.models import Village

TEBAT_MONOK = "17.08.04.2002"
URAI = "17.03.12.2001"
# Recorded on demo records so anyone reading the audit trail sees where they came from.
SEED_NOTE = "seed_demo: data demo sintetis"


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
# Second records of three residents, as a paper sign-in sheet gives them (no NIK, another spelling, day and month
# swapped): the duplicate scan run at the end of the seed offers them on "Kemungkinan data ganda". No variant repeats
# a first record's name letter for letter, so a resident is still found by their exact name.
DUPLICATE_VARIANTS = [
    ("Andy Saputra Contoh", "M", dt.date(1998, 3, 14), TEBAT_MONOK),
    ("Sitti Rahmawati Contoh", "F", dt.date(2001, 2, 7), TEBAT_MONOK),
    ("Oki Firmansah Contoh", "M", dt.date(1997, 7, 25), "17.08.04.2001"),
]


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


def resident_nik(index: int) -> str:
    _name, sex, birth_date, code = PEOPLE[index]
    return synthetic_nik(village_code=code, sex=sex, birth_date=birth_date, serial=FIRST_SERIAL + index)


def seed_people(result: SeedResult, users: dict[str, User]) -> None:
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
            nik=resident_nik(index),
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
    _seed_duplicate_variants(result, users, villages)


def _seed_duplicate_variants(result: SeedResult, users: dict[str, User], villages: dict) -> None:
    actor = users.get("kanim.bengkulu")
    for name, sex, birth_date, code in DUPLICATE_VARIANTS:
        village = villages.get(code)
        if actor is None or village is None:
            continue
        if Person.objects.filter(name=name, birth_date=birth_date, village=village).exists():
            continue
        person = person_create(
            actor=actor,
            name=name,
            birth_date=birth_date,
            sex=sex,
            village=village,
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
    if result.created["orang"] or not DuplicateScan.objects.exists():
        duplicates_scan(actor=None)
        result.created["pencarian data ganda"] += 1


def demo_resident(index: int) -> Person:
    name, _sex, birth_date, code = PEOPLE[index]
    return Person.objects.get(name=name, birth_date=birth_date, village_id=code)
