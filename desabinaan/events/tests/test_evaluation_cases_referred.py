"""The village's quarterly evaluation counts the cases from the village that were detected and referred, and the
passport postponements by cause."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from desabinaan.passport import services as passport_services
from desabinaan.passport.models.requests import POSTPONEMENT_CAUSE_REQUIRED
from desabinaan.people.models import Person
from desabinaan.program.evaluation import evaluation_save, evaluation_view
from desabinaan.program.models import DesaBinaan
from desabinaan.protection.services import referral_create, report_submit


def _cases(view):
    return next(r for r in view["rows"] if r["indicator"].code == "kasus_terdeteksi_dirujuk")["value"]


def test_a_case_referred_to_two_partners_counts_once_and_raises_the_score(world):
    tebat = DesaBinaan.objects.get(village=world.tebat_monok)
    with time_machine.travel(timezone.make_aware(dt.datetime(2025, 2, 10, 9)), tick=False):
        quiet = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2024, quarter=4, manual_values={})
        report = report_submit(
            category="recruiter",
            description="Ada calo menawarkan kerja di Kamboja",
            village=world.tebat_monok,
        ).report
        for target in (
            {"to_village": True, "action": "visit"},
            {"agency": world.agency, "action": "assessment"},
        ):
            referral_create(actor=world.fajar, report=report, reason="Tindak lanjut", **target)
    assert _cases(evaluation_view(desa_binaan=tebat, year=2025, quarter=1)) == 1
    assert _cases(evaluation_view(desa_binaan=tebat, year=2025, quarter=2)) == 0
    saved = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2025, quarter=1, manual_values={})
    assert saved.score > quiet.score


def test_postponements_are_counted_by_cause_and_never_scored(world):
    tebat = DesaBinaan.objects.get(village=world.tebat_monok)
    on = dt.date(2025, 5, 5)
    for i, cause in enumerate(["missing_documents", "missing_documents", "trafficking_concern"]):
        person = Person.objects.create(
            name=f"Warga Sintetis {i}",
            name_key=f"warga sintetis {i}",
            sex="M",
            birth_date=dt.date(1995, 1, 1),
            birth_year=1995,
            village=world.tebat_monok,
        )
        check = passport_services.readiness_check_create(
            actor=world.budi, person=person, purpose="work", on=on, confirm_without_consent=True
        )
        passport_services.readiness_outcome_record(
            actor=world.fajar, check=check, status="postponed", postponement_cause=cause, on=on
        )
    rows = {
        r["indicator"].code: r["value"]
        for r in evaluation_view(desa_binaan=tebat, year=2025, quarter=2)["rows"]
    }
    assert (rows["penundaan_dokumen"], rows["penundaan_indikasi_tppo"]) == (2, 1)
    with_postponements = evaluation_save(
        actor=world.fajar, desa_binaan=tebat, year=2025, quarter=2, manual_values={}
    )
    without = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2025, quarter=3, manual_values={})
    assert with_postponements.score == without.score


def test_a_postponement_needs_its_cause(world):
    person = Person.objects.create(
        name="Warga Sintetis", name_key="warga sintetis", sex="M", birth_year=1995, village=world.tebat_monok
    )
    check = passport_services.readiness_check_create(
        actor=world.budi, person=person, purpose="work", confirm_without_consent=True
    )
    with pytest.raises(ValidationError) as exc:
        passport_services.readiness_outcome_record(
            actor=world.fajar, check=check, status="postponed", on=timezone.localdate()
        )
    assert exc.value.message_dict == {"postponement_cause": [str(POSTPONEMENT_CAUSE_REQUIRED)]}
