"""Named personas and the small world they live in, shared by every app's tests.

- ani: PIMPASA of Kantor Imigrasi Bengkulu (working area: Bengkulu province), assigned to both demo villages.
- fajar: officer of Kantor Imigrasi Bengkulu.
- budi: village liaison of Desa Tebat Monok (17.08.04.2002).
- citra: village liaison of another fostered village (Desa Urai, Kec. Ketahun, 17.03.12.2001).
- dewi: officer of another Kanim (Kantor Imigrasi Bandung, Jawa Barat).
- eka: Kanwil Bengkulu staff (reads the province).
- gita: partner-agency user (Disnaker Bengkulu).
- admin: national administrator.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import Client

PASSWORD = "persona-password-123"
TEBAT_MONOK = "17.08.04.2002"
# Regions the tests need; imported from the shipped Kemendagri list, a few districts only so it stays fast.
TEST_REGION_PREFIXES = ["17.08.04", "17.03.12", "17.71.01", "32.73.01", "32.73.02"]


@pytest.fixture
def regions(db):
    from desabinaan.regions.services import regions_import

    regions_import(prefixes=TEST_REGION_PREFIXES)


def _first_village(district: str, exclude: str = ""):
    from desabinaan.regions.models import Village

    return Village.objects.filter(district_id=district).exclude(code=exclude).order_by("code").first()


@pytest.fixture
def world(regions):
    from desabinaan.accounts.models import Role, User
    from desabinaan.offices.models import Kanim, Kanwil, PartnerAgency, WorkingAreaAssignment
    from desabinaan.program.models import DesaBinaan, PimpasaAssignment
    from desabinaan.regions.models import Regency, Village

    since = dt.date(2024, 1, 1)
    kanwil_bkl = Kanwil.objects.create(name="Kanwil Bengkulu", province_id="17")
    kanwil_jabar = Kanwil.objects.create(name="Kanwil Jawa Barat", province_id="32")
    kanim_bkl = Kanim.objects.create(
        name="Kantor Imigrasi Kelas I TPI Bengkulu",
        office_class="Kelas I TPI",
        kanwil=kanwil_bkl,
        head_name="Kepala Kantor (sintetis)",
    )
    kanim_bdg = Kanim.objects.create(
        name="Kantor Imigrasi Kelas I TPI Bandung", office_class="Kelas I TPI", kanwil=kanwil_jabar
    )
    for regency in Regency.objects.all():
        kanim = kanim_bkl if regency.code.startswith("17") else kanim_bdg
        WorkingAreaAssignment.objects.create(kanim=kanim, regency=regency, valid_from=since)
    tebat_monok = Village.objects.get(code=TEBAT_MONOK)
    other_village = _first_village("17.03.12")
    db_tm = DesaBinaan.objects.create(
        village=tebat_monok,
        kanim=kanim_bkl,
        status="active",
        sk_number="W.8.IMI.IMI.1-SINTETIS/2024",
        designated_on=dt.date(2024, 6, 10),
    )
    db_other = DesaBinaan.objects.create(village=other_village, kanim=kanim_bkl, status="active")
    agency = PartnerAgency.objects.create(
        name="Disnaker Provinsi Bengkulu", kind="disnaker", province_id="17"
    )

    def user(username, **fields):
        u = User(
            username=username, first_name=username.capitalize(), email=f"{username}@example.test", **fields
        )
        u.set_password(PASSWORD)
        u.save()
        return u

    ani = user("ani", role=Role.PIMPASA, kanim=kanim_bkl)
    for db_ in (db_tm, db_other):
        PimpasaAssignment.objects.create(desa_binaan=db_, officer=ani, valid_from=since)
    return SimpleNamespace(
        kanwil_bkl=kanwil_bkl,
        kanim_bkl=kanim_bkl,
        kanim_bdg=kanim_bdg,
        tebat_monok=tebat_monok,
        other_village=other_village,
        bandung_village=_first_village("32.73.01"),
        kota_bengkulu_village=_first_village("17.71.01"),
        agency=agency,
        ani=ani,
        fajar=user("fajar", role=Role.OFFICER, kanim=kanim_bkl),
        budi=user("budi", role=Role.LIAISON, village=tebat_monok),
        citra=user("citra", role=Role.LIAISON, village=other_village),
        dewi=user("dewi", role=Role.OFFICER, kanim=kanim_bdg),
        eka=user("eka", role=Role.KANWIL, kanwil=kanwil_bkl),
        gita=user("gita", role=Role.PARTNER, agency=agency),
        admin=user("admin", role=Role.NATIONAL_ADMIN, is_staff=True, is_superuser=True),
    )


def verified_login(client: Client, user) -> Client:
    """Log `user` in with two-factor already verified, as after a real TOTP check."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if user.needs_two_factor:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="test", confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login():
    """`login(user)` → a test client signed in as that persona (two-factor verified)."""

    def _login(user) -> Client:
        return verified_login(Client(), user)

    return _login
