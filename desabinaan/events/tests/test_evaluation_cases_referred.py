"""The village's quarterly evaluation counts the cases from the village that were detected and referred."""

import datetime as dt

import time_machine
from django.utils import timezone

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
