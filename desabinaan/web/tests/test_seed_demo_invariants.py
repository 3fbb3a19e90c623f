"""The demo database obeys the rules real data obeys: it is written through the services, and this checks the
invariants those services keep on the seeded database itself."""

import pytest

from desabinaan.accounts.models import User
from desabinaan.audit.models import AuditEntry
from desabinaan.events.models import Attendance, Event
from desabinaan.offices.models import Kanim, Kanwil, PartnerAgency, WorkingAreaAssignment
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.crypto import nik_decrypt
from desabinaan.people.models import Consent, LawfulBasis, Person
from desabinaan.program.models import Activity, DesaBinaan, PimpasaAssignment, Question
from desabinaan.protection.models import Decision, Referral, Report, Screening
from desabinaan.web.demo import demo_seed
from desabinaan.web.selectors import inbox_for
from lib import nik as nik_lib

# Every row of these models is created by a service (or, for offices and staff accounts, by the demo the way the
# admin would), and every creation leaves an audit entry.
AUDITED = [
    Kanwil,
    Kanim,
    PartnerAgency,
    WorkingAreaAssignment,
    User,
    DesaBinaan,
    PimpasaAssignment,
    Person,
    Consent,
    Event,
    Attendance,
    Activity,
    Question,
    Screening,
    Decision,
    Referral,
    Report,
    ReadinessCheck,
]


@pytest.fixture
def seeded(regions):
    demo_seed()


@pytest.mark.django_db
class TestSeedDemoInvariants:
    def test_every_fostered_village_has_an_sk_and_a_status_row_per_transition(self, seeded):
        fostered = DesaBinaan.objects.exclude(status=DesaBinaan.Status.PROPOSED)
        assert fostered.count() == 2
        for db in fostered:
            assert db.sk_number and db.sk_date and db.designated_on == db.sk_date
            steps = list(db.transitions.order_by("at", "id").values_list("from_status", "to_status"))
            assert steps == [("", "proposed"), ("proposed", "designated"), ("designated", "active")]
            assert steps[-1][1] == db.status

    def test_every_person_has_a_standing_consent_with_a_lawful_basis(self, seeded):
        people = Person.objects.active()
        assert people.exists()
        for person in people:
            standing = person.consents.filter(withdrawn_at__isnull=True)
            assert standing.exists(), person.name
            assert all(c.lawful_basis in LawfulBasis.values for c in standing)

    def test_every_nik_is_structurally_valid_and_synthetic(self, seeded):
        # The three second records of residents (demo_people.DUPLICATE_VARIANTS) come from a paper sheet, without NIK.
        for person in Person.objects.select_related("village").exclude(nik_encrypted=""):
            nik = nik_lib.parse(
                nik_decrypt(person.nik_encrypted), sex=person.sex, birth_date=person.birth_date
            )
            assert nik.district_code == person.village.code[:8]
            assert nik.serial.startswith("9")

    def test_every_record_has_its_audit_entry(self, seeded):
        for model in AUDITED:
            ids = {str(pk) for pk in model.objects.values_list("pk", flat=True)}
            assert ids, f"the demo creates no {model._meta.label}"
            audited = set(
                AuditEntry.objects.filter(
                    target_type=model._meta.label_lower, action=AuditEntry.Action.CREATE
                ).values_list("target_id", flat=True)
            )
            assert ids <= audited, f"{model._meta.label} without an audit entry: {sorted(ids - audited)}"

    def test_every_record_passes_model_validation(self, seeded):
        for model in (DesaBinaan, PimpasaAssignment, Person, Consent, Event, Activity, Question, Referral):
            for obj in model.objects.all():
                obj.full_clean()

    def test_the_demo_is_clearly_marked(self, seeded):
        assert all(User.objects.values_list("is_demo", flat=True))
        assert all(name.endswith("Contoh") for name in Person.objects.values_list("name", flat=True))
        for text in [
            *Question.objects.values_list("text", flat=True),
            *Report.objects.values_list("description", flat=True),
            *Event.objects.values_list("title", flat=True),
        ]:
            assert "contoh" in text.lower()

    def test_the_demo_gives_every_home_something_to_show(self, seeded):
        office = {i.kind: i.count for i in inbox_for(user=User.objects.get(username="pimpasa.bengkulu"))}
        assert office["reports_new"] == 1
        assert office["questions_unanswered"] == 1
        assert office["readiness_flagged"] == 1
        assert office["referrals_open"] == 1
        liaison = {i.kind: i.count for i in inbox_for(user=User.objects.get(username="desa.tebatmonok"))}
        assert liaison == liaison | {"referrals_open": 1, "questions_answered": 1, "events_upcoming": 1}
