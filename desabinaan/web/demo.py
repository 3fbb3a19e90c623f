"""Demo data for `manage.py seed_demo`: the seed's case (Kantor Imigrasi Bengkulu, Desa Tebat Monok) plus a second
office so jurisdiction can be seen at work.

Every domain record goes through the same services as real data (proposal → SK designation → activation with a
status row each, PIMPASA and liaison services, person_create and consent_record, events and attendance, village
work, screening, referral, anonymous report, readiness check), so the demo passes the same invariants; the demo test
checks them on the seeded database. Offices, working areas' offices and staff accounts have no service (the admin
creates them): those few rows are validated and audited here.

Idempotent: every record is looked up by its natural key first, so a second run creates nothing. Everything about
people is SYNTHETIC (`demo_people`: the residents); free text says "contoh"/"demo" so nobody mistakes it for a real
case. This module seeds offices, accounts and the fostered villages and runs the rest in order: `demo_people`, then
`demo_activity` (village work, sosialisasi, protection).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from desabinaan.accounts.demo import DEFAULT_PASSWORD
from desabinaan.accounts.models import Role, User
from desabinaan.audit.services import audit_created
from desabinaan.offices.models import Kanim, Kanwil, PartnerAgency, WorkingAreaAssignment
from desabinaan.offices.services import working_area_assign
from desabinaan.program.models import DesaBinaan, PimpasaAssignment
from desabinaan.program.services import (
    desa_binaan_propose,
    desa_binaan_transition,
    liaison_create,
    pimpasa_assign,
)
from desabinaan.regions.models import Province, Regency, Village

from .demo_activity import seed_protection, seed_sosialisasi, seed_village_work
from .demo_people import SEED_NOTE, TEBAT_MONOK, URAI, SeedResult, seed_people
from .demo_privacy import seed_privacy

REGIONS_MISSING = "Desa Tebat Monok (17.08.04.2002) belum ada di basis data. Jalankan import_regions dulu."
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
            pimpasa_assign(
                actor=officer,
                desa_binaan=desa[code],
                officer=pimpasa,
                valid_from=ASSIGNED_SINCE,
                # Demo number in the offices' format; real decrees come from the Kanim.
                decree_number=f"W.8.IMI.IMI.1-{code[-4:]}.GR.03.05 Tahun 2024",
            )
            result.created["penugasan PIMPASA"] += 1

    for username, role, first_name, last_name, where in ACCOUNTS:
        liaison_of = {"tebat_monok": TEBAT_MONOK, "urai": URAI}.get(where or "", "")
        if role == Role.LIAISON and liaison_of in desa:
            users[username] = _liaison(
                result, officer, desa[liaison_of], username, first_name, last_name, password
            )

    seed_people(result, users)
    if TEBAT_MONOK in desa and "desa.tebatmonok" in users:
        seed_village_work(result, officer=officer, liaison=users["desa.tebatmonok"], db=desa[TEBAT_MONOK])
        seed_sosialisasi(result, officer=officer, village=tebat_monok)
        seed_protection(result, pimpasa=pimpasa, liaison=users["desa.tebatmonok"], village=tebat_monok)
        seed_privacy(result, liaison=users["desa.tebatmonok"], village=tebat_monok, officer=officer)
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
    # A victims' service among the referral partners (docs/rules.md §4): it, not the village, sees a victim outcome.
    _get_or_create(
        result,
        "instansi mitra",
        PartnerAgency,
        {"name": "UPTD PPA Provinsi Bengkulu (contoh)"},
        {"kind": PartnerAgency.Kind.UPTD_PPA, "province_id": "17"},
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
