"""A small fixed dataset whose figures are computed by hand in the tests (March and April 2025)."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine

WIB = ZoneInfo("Asia/Jakarta")


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _jobs_at_once(jobs_run_at_once):
    pass


def make_person(name, sex, village):
    from desabinaan.people.models import Person

    return Person.objects.create(name=name, name_key=name.lower(), sex=sex, village=village, birth_year=1990)


def make_event(title, village, when, *, held=True, kanim=None):
    from desabinaan.events.models import Event

    start = at(when)
    return Event.objects.create(
        title=title, village=village, kanim=kanim, starts_at=start, ends_at=start + dt.timedelta(hours=2),
        status="held" if held else "planned",
    )  # fmt: skip


@pytest.fixture
def data(world):
    from desabinaan.events.models import Attendance, QuizResponse, TargetGroup
    from desabinaan.program.models import DesaBinaan, Question
    from desabinaan.protection.models import (
        Decision,
        IndicatorSet,
        Referral,
        Report,
        ReportMessage,
        Screening,
    )
    from desabinaan.stats.services import stats_refresh

    w = world
    tg_a, tg_b = TargetGroup.objects.order_by("order", "code")[:2]
    p1 = make_person("Siti Sintetis", "F", w.tebat_monok)
    p2 = make_person("Agus Sintetis", "M", w.tebat_monok)
    p3 = make_person("Rina Sintetis", "F", w.other_village)
    p4 = make_person("Dedi Sintetis", "M", w.bandung_village)
    e1 = make_event("Sosialisasi TM", w.tebat_monok, "2025-03-10", kanim=w.kanim_bkl)
    e2 = make_event("Sosialisasi Urai", w.other_village, "2025-03-20", kanim=w.kanim_bkl)
    e3 = make_event("Sosialisasi Bandung", w.bandung_village, "2025-04-05", kanim=w.kanim_bdg)
    make_event("Rencana TM", w.tebat_monok, "2025-03-25", held=False)
    for event, person, group in [(e1, p1, tg_a), (e1, p2, tg_a), (e1, p3, tg_b), (e2, p3, tg_b), (e2, p1, tg_a),
                                 (e3, p4, None)]:  # fmt: skip
        Attendance.objects.create(event=event, person=person, target_group=group)
    QuizResponse.objects.create(event=e1, phase="pre", source="paper", score=2, total=10)
    QuizResponse.objects.create(event=e1, phase="post", source="paper", score=8, total=10)
    indicator_set = IndicatorSet.objects.filter(is_active=True).first()
    with time_machine.travel(at("2025-03-12"), tick=False):
        s1 = Screening.objects.create(
            person=p1, village=w.tebat_monok, kanim=w.kanim_bkl, officer=w.fajar, indicator_set=indicator_set,
            purpose="work", destination_country="Malaysia", advisory_level="attention",
        )  # fmt: skip
        Decision.objects.create(
            screening=s1,
            kind="proceed",
            rationale="Dokumen lengkap",
            advisory_level="attention",
            decided_by=w.fajar,
        )
        referral = Referral.objects.create(
            screening=s1, village=w.tebat_monok, to_village=True, action="visit", reason="Kunjungan",
            due_on=dt.date(2025, 3, 30), created_by=w.fajar, status="closed", outcome="procedural",
            closed_at=at("2025-03-15"),
        )  # fmt: skip
    with time_machine.travel(at("2025-04-02"), tick=False):
        Screening.objects.create(
            person=p4, village=w.bandung_village, kanim=w.kanim_bdg, officer=w.dewi, indicator_set=indicator_set,
            purpose="tourism", destination_country="Jepang", advisory_level="low",
        )  # fmt: skip
    reports = []
    for i, (village, day, status, reply_hours) in enumerate(
        [(w.tebat_monok, "2025-03-02", "closed", 5), (w.tebat_monok, "2025-03-05", "new", 10), (None, "2025-03-06", "new", None)]
    ):  # fmt: skip
        with time_machine.travel(at(day), tick=False):
            report = Report.objects.create(
                receipt_code=f"TEST{i}", passphrase_hash="!", category="recruiter", description="Sintetis",
                village=village, status=status,
                regency=village.regency if village else None,
                province=village.regency.province if village else None,
            )  # fmt: skip
        if reply_hours:
            with time_machine.travel(at(day) + dt.timedelta(hours=reply_hours), tick=False):
                ReportMessage.objects.create(
                    report=report, author_kind="officer", author=w.fajar, body="Terima kasih"
                )
        reports.append(report)
    tm = DesaBinaan.objects.get(village=w.tebat_monok)
    Question.objects.create(
        desa_binaan=tm, topic="passport", text="Berapa biaya paspor?", asked_on=dt.date(2025, 3, 3),
        recorded_by=w.budi, answer="Lihat panduan.", answered_by=w.fajar, answered_at=at("2025-03-04"),
    )  # fmt: skip
    stats_refresh()
    return SimpleNamespace(
        world=w, persons=(p1, p2, p3, p4), events=(e1, e2, e3), referral=referral, reports=reports
    )


MARCH = "from=2025-03-01&to=2025-03-31"
SPRING = "from=2025-03-01&to=2025-04-30"
