import io
import re

import pytest
from django.core.management import CommandError, call_command

from desabinaan.accounts.models import Role, User
from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.events.models import Attendance, Event
from desabinaan.offices.models import Kanim, WorkingAreaAssignment
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.models import Consent, DuplicatePair, Person
from desabinaan.program.models import Activity, DesaBinaan, DesaBinaanTransition, PimpasaAssignment, Question
from desabinaan.protection.models import Referral, Report, Screening
from desabinaan.regions.services import regions_import
from desabinaan.web.demo import ACCOUNTS, REGIONS_MISSING, TEBAT_MONOK, URAI
from desabinaan.web.management.commands.seed_demo import NOTHING_TO_DO, REFUSED_WITHOUT_DEBUG
from lib import nik as nik_lib


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


@pytest.mark.django_db
class TestSeedDemo:
    def test_it_creates_the_demo_accounts_with_roles_and_scopes(self, regions, debug):
        seed()
        users = {u.username: u for u in User.objects.all()}
        assert set(users) == {username for username, *_ in ACCOUNTS}
        assert all(u.is_demo for u in users.values())
        admin = users["admin"]
        assert admin.is_superuser and admin.is_staff and admin.role == Role.NATIONAL_ADMIN
        assert scope_for(admin).is_national
        assert users["kanwil.bengkulu"].kanwil.province_id == "17"
        assert not scope_for(users["kanwil.bengkulu"]).can_write
        officer = users["kanim.bengkulu"]
        assert officer.role == Role.OFFICER and officer.kanim.name == "Kantor Imigrasi Kelas I TPI Bengkulu"
        # The fixture imports regencies 17.03, 17.08 and 17.71: all of them are Kanim Bengkulu's working area.
        assert set(scope_for(officer).regency_codes) == {"17.03", "17.08", "17.71"}
        assert scope_for(users["kanim.lain"]).regency_codes == ("32.73",)
        assert scope_for(users["desa.tebatmonok"]).village_codes == (TEBAT_MONOK,)
        assert scope_for(users["desa.lain"]).village_codes == (URAI,)
        pimpasa = users["pimpasa.bengkulu"]
        assert pimpasa.role == Role.PIMPASA
        assert set(
            PimpasaAssignment.objects.filter(officer=pimpasa).values_list(
                "desa_binaan__village_id", flat=True
            )
        ) == {TEBAT_MONOK, URAI}
        assert users["desa.lain"].check_password("desabinaan-demo")

    def test_it_designates_the_two_demo_villages(self, regions, debug):
        seed()
        tebat_monok = DesaBinaan.objects.get(village_id=TEBAT_MONOK)
        assert tebat_monok.status == DesaBinaan.Status.ACTIVE
        assert str(tebat_monok.designated_on) == "2024-06-10"
        assert "CONTOH" in tebat_monok.sk_number
        assert DesaBinaan.objects.get(village_id=URAI).status == DesaBinaan.Status.ACTIVE

    def test_it_registers_synthetic_people_with_valid_niks_and_consent(self, regions, debug):
        seed()
        people = list(Person.objects.select_related("village"))
        # Only villages of the imported districts get residents (the fixture imports five districts).
        assert 20 <= len(people) <= 33  # with the three NIK-less second records the duplicate scan offers
        assert DuplicatePair.objects.count() == 3
        for person in people:
            if not person.nik_encrypted:
                continue
            nik = nik_lib.parse(
                nik_decrypt(person.nik_encrypted), sex=person.sex, birth_date=person.birth_date
            )
            assert nik.district_code == person.village.code[:8]
            assert nik.serial.startswith("9")
            assert person.phone.startswith("+628120000")  # typed 0812-0000-…, stored as E.164
        assert Consent.objects.filter(purpose="education", lawful_basis="public_task").count() == len(people)
        assert Person.objects.filter(village_id=TEBAT_MONOK).count() == 14

    def test_it_uses_the_configured_demo_password(self, regions, debug, settings):
        settings.DEMO_PASSWORD = "kata-sandi-demo-lain"
        out = seed()
        assert "kata-sandi-demo-lain" not in out
        assert User.objects.get(username="kanim.bengkulu").check_password("kata-sandi-demo-lain")

    def test_a_second_run_creates_nothing(self, regions, debug):
        seed()
        models = (
            *(User, Kanim, WorkingAreaAssignment, DesaBinaan, DesaBinaanTransition, PimpasaAssignment),
            *(
                Person,
                Consent,
                Event,
                Attendance,
                Activity,
                Question,
                Screening,
                Referral,
                Report,
                ReadinessCheck,
            ),
            AuditEntry,
        )
        counts = [model.objects.count() for model in models]
        out = seed()
        assert NOTHING_TO_DO in out
        assert [model.objects.count() for model in models] == counts

    def test_it_refuses_without_debug_unless_forced(self, regions, settings):
        settings.DEBUG = False
        with pytest.raises(CommandError, match=re.escape(REFUSED_WITHOUT_DEBUG)):
            seed()
        assert not User.objects.exists()
        seed("--force")
        assert User.objects.filter(username="admin").exists()

    def test_it_asks_for_the_region_import_first(self, db, debug):
        regions_import(prefixes=["17.03.12"])
        with pytest.raises(CommandError, match=re.escape(REGIONS_MISSING)):
            seed()
        assert not User.objects.exists()
