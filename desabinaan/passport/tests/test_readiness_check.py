"""The readiness check service: missing documents and the procedural-route warnings, each with its citation."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from desabinaan.audit.models import AuditEntry
from desabinaan.passport import services, texts
from desabinaan.passport.models import MoratoriumRule, ReadinessCheck
from desabinaan.passport.selectors import warnings_out
from desabinaan.protection.models import LicensedAgency
from lib import passport as rules
from lib.fuzzy import normalize_agency_name

ON = dt.date(2025, 6, 1)
ALL_GENERAL = ["ktp", "kk", "civil_record"]
WORK = {
    "purpose": "work",
    "destination_country": "MY",
    "job_type": "factory",
    "documents_in_hand": ALL_GENERAL + ["disnaker_recommendation"],
}


def record(actor, person, **fields):
    return services.readiness_check_create(actor=actor, person=person, on=ON, **fields)


def codes(check) -> list[str]:
    return [w["code"] for w in check.warnings]


# Each warning: the answers that make it fire, and a fragment of its citation.
FIRES = [
    (rules.RC_UNDER_MIN_AGE, {"birth_date": dt.date(2008, 9, 1)}, {}, "UU 18/2017"),
    (rules.RC_AGENCY_UNVERIFIED, {}, {"agency_name": "PT Maju Jaya Abadi"}, "SIP3MI"),
    (rules.RC_NO_DISNAKER, {}, {"documents_in_hand": ALL_GENERAL}, "IMI-GR.01.01-0252"),
    (
        rules.RC_MORATORIUM,
        {},
        {"destination_country": "SA", "job_type": "domestic_worker"},
        "Kepmenaker 260/2015",
    ),
    (rules.RC_VISIT_WITH_JOB, {}, {"purpose": "umrah_hajj", "job_offer": True}, "IMI-1308"),
    (rules.RC_PAID_UP_FRONT, {}, {"paid_up_front": True, "amount_paid_idr": 5_000_000}, "Pasal 30"),
]


@pytest.mark.parametrize(("code", "person_fields", "answers", "citation"), FIRES, ids=[f[0] for f in FIRES])
def test_each_warning_fires_with_its_citation(world, make_person, code, person_fields, answers, citation):
    person = make_person("Rina Wati", **person_fields)
    check = record(world.budi, person, **(WORK | answers))
    found = {w["code"]: w for w in check.warnings}
    assert code in found
    assert citation in found[code]["citation"]
    assert found[code]["citation"].strip()
    # The clean work route with everything in hand raises none of them.
    clean = record(world.budi, make_person("Rina Lestari"), **WORK)
    assert clean.warnings == []


@pytest.mark.parametrize(
    ("code", "answers"),
    [
        (rules.RC_UNDER_MIN_AGE, {"purpose": "tourism", "job_type": "", "destination_country": "MY"}),
        (rules.RC_NO_DISNAKER, {"purpose": "study", "job_type": "", "documents_in_hand": []}),
        # One Channel through a designated P3MI: test_readiness_route_advisories.
        (rules.RC_MORATORIUM, {"destination_country": "MY", "job_type": "domestic_worker"}),
        (rules.RC_MORATORIUM, {"destination_country": "SA", "job_type": "construction"}),
        (rules.RC_VISIT_WITH_JOB, {"purpose": "tourism", "job_type": ""}),
        (rules.RC_AGENCY_UNVERIFIED, {"agency_name": ""}),
        (rules.RC_PAID_UP_FRONT, {"paid_up_front": False}),
    ],
)
def test_a_warning_stays_silent_when_it_does_not_apply(world, make_person, code, answers):
    person = make_person("Dewi Sartika", birth_date=dt.date(2009, 1, 1))
    check = record(world.budi, person, **(WORK | answers))
    assert code not in codes(check)


def test_one_channel_does_not_open_a_job_outside_its_six_types_or_saudi_arabia(world, siti):
    for answers in (
        {"destination_country": "AE", "job_type": "housekeeper"},
        {"destination_country": "SA", "job_type": "domestic_worker"},
    ):
        check = record(world.budi, siti, **(WORK | answers | {"one_channel": True}))
        assert rules.RC_MORATORIUM in codes(check)
        assert any("Kepmenaker 291/2018" in w["citation"] for w in check.warnings)


def test_the_moratorium_country_list_is_data(world, siti):
    rule = MoratoriumRule.objects.get()
    assert len(rule.countries.split(",")) == 19
    assert "18, 19, atau 21" in rule.note
    answers = WORK | {"destination_country": "PK", "job_type": "domestic_worker"}
    assert rules.RC_MORATORIUM not in codes(record(world.budi, siti, **answers))
    rule.effective_to = dt.date(2025, 1, 1)
    rule.save()
    MoratoriumRule.objects.create(
        name="Daftar 21 negara",
        citation="Kepmenaker 260/2015 (daftar 21 negara)",
        effective_from=dt.date(2025, 1, 2),
        countries=rule.countries + ",IR,PK,SS",
        job_types=rule.job_types,
    )
    assert rules.RC_MORATORIUM in codes(record(world.budi, siti, **answers))


def test_the_warnings_speak_indonesian_with_the_details(world, make_person):
    person = make_person("Ayu", birth_date=dt.date(2009, 1, 1))
    check = record(
        world.budi,
        person,
        **(WORK | {"destination_country": "SA", "job_type": "domestic_worker", "agency_name": "PT Abal"}),
        paid_up_front=True,
        sponsor_name="Pak Calo",
    )
    messages = {w["code"]: w["message"] for w in warnings_out(check.warnings)}
    assert "berusia 16 tahun" in messages[rules.RC_UNDER_MIN_AGE]
    assert "“PT Abal” tidak ditemukan sebagai P3MI" in messages[rules.RC_AGENCY_UNVERIFIED]
    assert "Arab Saudi" in messages[rules.RC_MORATORIUM]
    assert "Pak Calo" in messages[rules.RC_PAID_UP_FRONT]


@pytest.mark.parametrize("sex", ["M", "F"])
def test_sex_and_village_never_change_the_result(world, make_person, sex):
    answers = WORK | {"destination_country": "SA", "job_type": "domestic_worker", "paid_up_front": True}
    baseline = record(world.ani, make_person("Nur Hasanah", sex="F"), **answers)
    for village in (world.tebat_monok, world.other_village, world.kota_bengkulu_village):
        other = record(world.ani, make_person("Nur Hasanah", sex=sex, village=village), **answers)
        assert other.warnings == baseline.warnings
        assert other.missing_documents == baseline.missing_documents


def test_it_lists_the_missing_documents_from_the_guide_rules(world, siti, make_person):
    check = record(world.budi, siti, purpose="work", documents_in_hand=["ktp"])
    missing = [d["code"] for d in check.missing_documents]
    assert missing == ["kk", "civil_record", "disnaker_recommendation"]
    replacement = record(
        world.budi, siti, purpose="tourism", case="replacement_expired", documents_in_hand=[]
    )
    assert "old_passport" in [d["code"] for d in replacement.missing_documents]
    lost = record(world.budi, siti, purpose="tourism", case="lost", documents_in_hand=["ktp", "kk"])
    # The BAP and the approval are made by the office, not brought; the civil record is (docs/rules.md §2).
    assert [d["code"] for d in lost.missing_documents] == ["civil_record", "police_report"]
    child = make_person("Putri", birth_date=dt.date(2015, 2, 2))
    child_check = record(world.budi, child, purpose="tourism", documents_in_hand=["kk"])
    child_missing = {d["code"] for d in child_check.missing_documents}
    # Parents' passports only if they have one (conditional); the statement of responsibility is required.
    assert {"parents_ktp", "birth_certificate", "parents_statement"} <= child_missing
    assert "parents_passports" not in child_missing
    complete = record(world.budi, siti, purpose="tourism", documents_in_hand=ALL_GENERAL)
    assert complete.missing_documents == []


def test_a_birth_year_alone_counts_as_the_youngest_possible_age(world, make_person):
    person = make_person("Tono", birth_date=None, birth_year=2007, sex="M")
    assert rules.RC_UNDER_MIN_AGE in codes(record(world.budi, person, **WORK))


def test_unknown_documents_are_refused(world, siti):
    with pytest.raises(ValidationError) as error:
        record(world.budi, siti, purpose="work", documents_in_hand=["ktp", "sim"])
    assert "sim" in str(error.value)


def test_it_saves_a_unique_friendly_reference(world, siti, monkeypatch):
    first = record(world.budi, siti, purpose="tourism")
    assert first.reference.startswith("RC-")
    assert len(first.reference) == len("RC-7K3M-9Q2P")
    assert set(first.reference[3:].replace("-", "")) <= set(rules.REFERENCE_ALPHABET)
    codes_to_give = iter([first.reference, "RC-2345-6789"])
    monkeypatch.setattr(rules, "reference_code", lambda prefix="RC": next(codes_to_give))
    second = record(world.budi, siti, purpose="tourism")
    assert second.reference == "RC-2345-6789"
    assert ReadinessCheck.objects.filter(reference=first.reference).count() == 1


def test_it_audits_the_record_without_the_sponsors_phone(world, siti):
    check = record(world.budi, siti, purpose="work", sponsor_name="Pak Udin", sponsor_phone="081234567890")
    entry = AuditEntry.objects.get(target_type="passport.readinesscheck", target_id=str(check.pk))
    assert entry.actor == world.budi and entry.action == "create"
    assert "081234567890" not in str(entry.changes)


def test_only_writers_in_scope_may_record(world, siti, make_person):
    outsider = make_person("Warga Urai", village=world.other_village)
    with pytest.raises(PermissionDenied):
        record(world.budi, outsider, purpose="tourism")
    with pytest.raises(PermissionDenied):
        record(world.dewi, siti, purpose="tourism")
    with pytest.raises(PermissionDenied, match=str(texts.READ_ONLY)):
        record(world.eka, siti, purpose="tourism")
    with pytest.raises(PermissionDenied):
        record(world.gita, siti, purpose="tourism")
    assert record(world.fajar, siti, purpose="tourism").village == world.tebat_monok


def test_an_officer_records_the_outcome(world, siti):
    check = record(world.budi, siti, purpose="work")
    with pytest.raises(PermissionDenied, match=str(texts.OUTCOME_OFFICE_ONLY)):
        services.readiness_outcome_record(actor=world.budi, check=check, status="applied", on=ON)
    with pytest.raises(PermissionDenied):
        services.readiness_outcome_record(actor=world.dewi, check=check, status="applied", on=ON)
    with pytest.raises(ValidationError):
        services.readiness_outcome_record(actor=world.fajar, check=check, status="open", on=ON)
    services.readiness_outcome_record(
        actor=world.fajar,
        check=check,
        status="postponed",
        postponement_cause="missing_documents",
        on=ON,
        note="Menunggu rekomendasi Disnaker",
    )
    check.refresh_from_db()
    assert check.status == "postponed"
    assert AuditEntry.objects.filter(target_type="passport.readinessoutcome").count() == 1
    assert AuditEntry.objects.filter(
        target_type="passport.readinesscheck", target_id=str(check.pk), action="update"
    ).exists()


def _register_agency(name: str, licence: str, valid_until: dt.date):
    return LicensedAgency.objects.create(
        name=name,
        name_normalized=normalize_agency_name(name),
        licence_number=licence,
        valid_until=valid_until,
        status="licensed",
    )


def test_an_agency_licensed_in_the_registry_raises_no_warning(world, siti):
    _register_agency("PT Sintetis Maju Jaya Abadi", "SINTETIS/001", dt.date(2031, 3, 1))
    check = record(world.budi, siti, **(WORK | {"agency_name": "pt. sintetis maju jaya abadi"}))
    assert rules.RC_AGENCY_UNVERIFIED not in codes(check)


def test_an_agency_whose_licence_has_ended_is_flagged(world, siti):
    _register_agency("PT Contoh Bahari Sentosa", "SINTETIS/002", dt.date(2024, 5, 10))
    check = record(world.budi, siti, **(WORK | {"agency_name": "PT Contoh Bahari Sentosa"}))
    assert rules.RC_AGENCY_UNVERIFIED in codes(check)


def test_an_unknown_outcome_is_refused_with_labels_not_codes(world, siti):
    check = record(world.budi, siti, purpose="work")
    with pytest.raises(ValidationError) as exc:
        services.readiness_outcome_record(actor=world.fajar, check=check, status="open", on=ON)
    message = exc.value.message_dict["status"][0]
    assert "permohonan ditunda" in message and "postponed" not in message
