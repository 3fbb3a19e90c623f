"""Inbox test data: one of every inbox kind in an office's jurisdiction (the `inboxes` fixture in conftest)."""

import datetime as dt
import secrets
from types import SimpleNamespace

from django.utils import timezone

from desabinaan.events.services import event_create
from desabinaan.events.tasks import ATTENDANCE_IMPORT
from desabinaan.jobs.models import Job
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.duplicates import duplicates_scan
from desabinaan.people.services import consent_record, person_create
from desabinaan.privacy.services import data_request_create
from desabinaan.program.services import (
    desa_binaan_propose,
    desa_binaan_transition,
    question_answer,
    question_record,
)
from desabinaan.protection.services import referral_create, report_submit, screening_create

OFFICE_KINDS = {
    "reports_new",
    "questions_unanswered",
    "readiness_flagged",
    "screenings_undecided",
    "referrals_open",
    "referrals_overdue",
    "proposals_pending",
    "designations_pending",
    "imports_failed",
    "consent_missing",
    "duplicates_probable",
    "data_requests_open",
    "data_requests_overdue",
}
# Each office's share of the fixture below: one of everything (two persons look like one, so one duplicate pair).
ONE_OF_EACH = dict.fromkeys(OFFICE_KINDS, 1) | {"referrals_overdue": 0, "data_requests_overdue": 0}
NOTHING = dict.fromkeys(OFFICE_KINDS, 0)


def make_person(actor, village, name, *, consent=True, birth_date=dt.date(1999, 1, 1)):
    created = person_create(
        actor=actor,
        name=name,
        birth_date=birth_date,
        sex="M",
        village=village,
        allow_probable_duplicates=True,
    )
    if consent:
        consent_record(
            actor=actor, person=created, purpose="education", lawful_basis="public_task", purpose_text="uji"
        )
    return created


def readiness(actor, person, *, warnings, **fields):
    # Test data only: the readiness service computes warnings from rule data; here they are given directly.
    return ReadinessCheck.objects.create(
        reference=secrets.token_hex(4).upper(),
        person=person,
        village=person.village,
        checked_on=timezone.localdate(),
        purpose="work",
        warnings=warnings,
        created_by=actor,
        **fields,
    )


def office_share(*, officer, village, new_villages, desa_binaan, prefix):
    """One of each inbox kind in `village` (inside `officer`'s jurisdiction), plus what must NOT count."""
    applicant = make_person(officer, village, f"{prefix} Pemohon")
    make_person(officer, village, f"{prefix} Kembar", consent=False)
    make_person(officer, village, f"{prefix} Kembar")
    duplicates_scan(actor=officer)  # the inbox counts the pairs the last scan stored
    report_submit(category="recruiter", description="Calo menawarkan kerja", village=village)
    screening = screening_create(
        actor=officer,
        person=applicant,
        answers={},
        evidence={},
        notes="",
        purpose="tourism",
        destination_country="Malaysia",
    )
    # Open and, 40 days on, overdue (the tests travel in time for that); a closed one never counts.
    referral_create(actor=officer, screening=screening, to_village=True, action="visit", reason="Kunjungan")
    # An access request (UU PDP): due in 3 x 24 hours, overdue 40 days on like the referral.
    data_request_create(actor=officer, person=applicant, kind="access", received_at=timezone.now())
    question_record(actor=officer, desa_binaan=desa_binaan, topic="passport", text="Berapa biaya paspor?")
    answered = question_record(actor=officer, desa_binaan=desa_binaan, topic="visa", text="Visa kerja?")
    question_answer(actor=officer, question=answered, answer="Melalui P3MI berizin.")
    warning = [{"code": "agency_unverified", "params": {}, "citation": "uji"}]
    readiness(officer, applicant, warnings=warning)
    readiness(officer, applicant, warnings=[])  # no warning: nothing to follow up
    readiness(officer, applicant, warnings=warning, followed_up_at=timezone.now())  # already acted on
    desa_binaan_propose(actor=officer, village=new_villages[0], criteria=[])
    designated = desa_binaan_propose(actor=officer, village=new_villages[1], criteria=[])
    desa_binaan_transition(
        actor=officer,
        desa_binaan=designated,
        to="designated",
        reason="SK terbit",
        sk_number="SINTETIS/2025",
        sk_date=dt.date(2025, 1, 6),
    )
    event = event_create(
        actor=officer, title="Sosialisasi", village=village, starts_at=timezone.now() + dt.timedelta(days=3)
    )
    retried = event_create(
        actor=officer,
        title="Sosialisasi lain",
        village=village,
        starts_at=timezone.now() + dt.timedelta(days=5),
    )
    Job.objects.create(kind=ATTENDANCE_IMPORT, status=Job.Status.FAILED, payload={"event_id": event.pk})
    # A failed import that was tried again no longer needs anyone.
    Job.objects.create(kind=ATTENDANCE_IMPORT, status=Job.Status.FAILED, payload={"event_id": retried.pk})
    Job.objects.create(kind=ATTENDANCE_IMPORT, status=Job.Status.DONE, payload={"event_id": retried.pk})
    return SimpleNamespace(event=event)
