"""The retention schedule applied: what has passed its period is purged or anonymised, in batches.

One handler per record type (models.RecordType): `expired(rule, now)` lists the ids the rule reaches and `act(ids)`
does it. The dry run and the real run call the same `expired`, so the dry run lists exactly what the run removes.
Figures already counted stay: persons are anonymised in place (attendance rows and their counts remain).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from desabinaan.audit.models import AccessEntry
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.models import Consent, Person, Purpose
from desabinaan.protection.models import (
    Decision,
    Referral,
    Report,
    ReportAttachment,
    ReportInvolved,
    ReportMessage,
    Screening,
    ScreeningAnswer,
)

from . import retention_files, selectors, services
from .models import DataRequest, RecordType, Restriction, RetentionRule

BATCH = 500


@dataclass(frozen=True)
class Line:
    record_type: str
    label: str
    action: str
    ids: list[int]


def _education_persons(rule: RetentionRule, now: dt.datetime) -> list[int]:
    """Persons known only from sosialisasi whose last attendance (or registration) is older than the period."""
    cutoff = now - dt.timedelta(days=rule.period_days)
    other_purpose = Consent.objects.filter(person=OuterRef("pk")).exclude(purpose=Purpose.EDUCATION)
    qs = (
        Person.objects.active()
        .exclude(name=services.ANONYMISED_NAME)
        .filter(created_at__lt=cutoff)
        .exclude(Exists(Screening.objects.filter(person=OuterRef("pk"))))
        .exclude(Exists(ReadinessCheck.objects.filter(person=OuterRef("pk"))))
        .exclude(Exists(other_purpose))
        .exclude(Exists(DataRequest.objects.open().filter(person=OuterRef("pk"))))
        .annotate(last_seen=Max("attendances__event__starts_at"))
        .filter(last_seen__lt=cutoff)
    )
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _anonymise_persons(ids: list[int]) -> None:
    for person in Person.objects.filter(pk__in=ids):
        services.person_anonymise(
            actor=None, person=person, summary="Masa retensi berakhir: data dianonimkan"
        )


def _old_access_log(rule: RetentionRule, now: dt.datetime) -> list[int]:
    cutoff = now - dt.timedelta(days=rule.period_days)
    return list(AccessEntry.objects.filter(at__lt=cutoff).order_by("pk").values_list("pk", flat=True))


def _delete_access_log(ids: list[int]) -> None:
    AccessEntry.objects.filter(pk__in=ids).delete()


def _closed_request_contacts(rule: RetentionRule, now: dt.datetime) -> list[int]:
    cutoff = now - dt.timedelta(days=rule.period_days)
    qs = DataRequest.objects.filter(closed_at__lt=cutoff).exclude(requester_name="", requester_contact="")
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _clear_request_contacts(ids: list[int]) -> None:
    DataRequest.objects.filter(pk__in=ids).update(requester_name="", requester_contact="")


# What a closed report keeps after its period: category, place, dates, status (the statistics count those).
REPORT_ANONYMISED = "[dianonimkan: masa retensi berakhir]"
SCREENING_ANONYMISED = REPORT_ANONYMISED


def _closed_reports(rule: RetentionRule, now: dt.datetime) -> list[int]:
    cutoff = now - dt.timedelta(days=rule.period_days)
    open_referral = Referral.objects.filter(report=OuterRef("pk")).exclude(status=Referral.Status.CLOSED)
    qs = (
        Report.objects.filter(status=Report.Status.CLOSED, updated_at__lt=cutoff)
        .exclude(description=REPORT_ANONYMISED)
        .exclude(Exists(open_referral))
    )
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _anonymise_reports(ids: list[int]) -> None:
    for attachment in ReportAttachment.objects.filter(report_id__in=ids):
        attachment.file.delete(save=False)
        attachment.delete()
    ReportInvolved.objects.filter(report_id__in=ids).delete()
    ReportMessage.objects.filter(report_id__in=ids).update(body=REPORT_ANONYMISED)
    # update(): updated_at stays, so the report keeps its closing time and is not picked again.
    Report.objects.filter(pk__in=ids).update(
        description=REPORT_ANONYMISED, agency_name="", callback_contact=""
    )


def _kept_for_a_case(person_path: str) -> Q:
    """A person with an open referral (an ongoing case), an open request or a restriction: nothing is touched."""
    return (
        Q(
            Exists(
                Referral.objects.filter(screening__person=OuterRef(person_path)).exclude(
                    status=Referral.Status.CLOSED
                )
            )
        )
        | Q(Exists(DataRequest.objects.open().filter(person=OuterRef(person_path))))
        | Q(Exists(Restriction.objects.filter(person=OuterRef(person_path), lifted_at__isnull=True)))
    )


def _old_readiness_checks(rule: RetentionRule, now: dt.datetime) -> list[int]:
    """Checks older than the period that still name a third party or a payment (village, dates, purpose, warnings
    and status stay: the statistics and the evaluation count those)."""
    cutoff = timezone.localdate(now) - dt.timedelta(days=rule.period_days)
    named = ~Q(sponsor_name="") | ~Q(sponsor_phone="") | ~Q(employer="") | ~Q(agency_name="")
    qs = (
        ReadinessCheck.objects.filter(checked_on__lt=cutoff)
        .filter(named | Q(amount_paid_idr__isnull=False))
        .exclude(_kept_for_a_case("person"))
    )
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _anonymise_readiness_checks(ids: list[int]) -> None:
    # update(): updated_at stays (the check's own dates are what the statistics read).
    ReadinessCheck.objects.filter(pk__in=ids).update(
        sponsor_name="", sponsor_phone="", employer="", agency_name="", amount_paid_idr=None
    )


def _old_screenings(rule: RetentionRule, now: dt.datetime) -> list[int]:
    """Screenings older than the period whose confidential content is still there; the signed decisions (official
    decisions, kept as the law requires) and the advisory level, village and dates stay."""
    cutoff = now - dt.timedelta(days=rule.period_days)
    open_referral = Referral.objects.filter(screening=OuterRef("pk")).exclude(status=Referral.Status.CLOSED)
    qs = (
        Screening.objects.filter(created_at__lt=cutoff)
        .exclude(notes=SCREENING_ANONYMISED)
        .exclude(Exists(open_referral))
        .exclude(Exists(Decision.objects.filter(screening=OuterRef("pk"), decided_at__gte=cutoff)))
        .exclude(_kept_for_a_case("person"))
    )
    return list(qs.order_by("pk").values_list("pk", flat=True))


def _anonymise_screenings(ids: list[int]) -> None:
    ScreeningAnswer.objects.filter(screening_id__in=ids).exclude(evidence="").update(evidence="")
    Screening.objects.filter(pk__in=ids).update(
        notes=SCREENING_ANONYMISED,
        host_abroad="",
        sponsor_name="",
        sponsor_phone="",
        sponsor_phone_normalized="",
        documents_seen="",
    )


def _old_case_persons(rule: RetentionRule, now: dt.datetime) -> list[int]:
    """Persons with a screening or readiness check whose every record (screening, decision, check, attendance) is
    older than the period: the person is anonymised in place, so the screenings, signed decisions and checks keep
    their rows (and the statistics their counts) but point to no one identifiable."""
    cutoff = now - dt.timedelta(days=rule.period_days)
    day = timezone.localdate(now) - dt.timedelta(days=rule.period_days)
    recent = (
        Q(Exists(Screening.objects.filter(person=OuterRef("pk"), created_at__gte=cutoff)))
        | Q(Exists(Decision.objects.filter(screening__person=OuterRef("pk"), decided_at__gte=cutoff)))
        | Q(Exists(ReadinessCheck.objects.filter(person=OuterRef("pk"), checked_on__gte=day)))
        | Q(attendances__event__starts_at__gte=cutoff)
    )
    has_case = Q(Exists(Screening.objects.filter(person=OuterRef("pk")))) | Q(
        Exists(ReadinessCheck.objects.filter(person=OuterRef("pk")))
    )
    qs = (
        Person.objects.active()
        .exclude(name=services.ANONYMISED_NAME)
        .filter(created_at__lt=cutoff)
        .filter(has_case)
        .exclude(recent)
        .exclude(_kept_for_a_case("pk"))
        .distinct()
    )
    return list(qs.order_by("pk").values_list("pk", flat=True))


HANDLERS: dict[str, tuple[Callable[[RetentionRule, dt.datetime], list[int]], Callable[[list[int]], None]]] = {
    RecordType.EDUCATION_PERSON: (_education_persons, _anonymise_persons),
    RecordType.ACCESS_LOG: (_old_access_log, _delete_access_log),
    RecordType.REQUEST_CONTACT: (_closed_request_contacts, _clear_request_contacts),
    RecordType.CLOSED_REPORT: (_closed_reports, _anonymise_reports),
    RecordType.READINESS_CHECK: (_old_readiness_checks, _anonymise_readiness_checks),
    RecordType.SCREENING: (_old_screenings, _anonymise_screenings),
    RecordType.CASE_PERSON: (_old_case_persons, _anonymise_persons),
    **retention_files.HANDLERS,
}


def plan(now: dt.datetime | None = None) -> list[Line]:
    """What a run at `now` would purge or anonymise, per record type (changes nothing)."""
    now = now or timezone.now()
    lines = []
    for rule in selectors.retention_rules_in_force(timezone.localdate(now)):
        expired, _act = HANDLERS[rule.record_type]
        lines.append(
            Line(
                rule.record_type,
                rule.get_record_type_display(),
                rule.get_action_display(),
                expired(rule, now),
            )
        )
    return lines


def apply(*, dry_run: bool, now: dt.datetime | None = None) -> list[Line]:
    """Run the schedule (or only plan it with `dry_run`); each batch commits on its own."""
    lines = plan(now)
    if dry_run:
        return lines
    for line in lines:
        _expired, act = HANDLERS[line.record_type]
        for start in range(0, len(line.ids), BATCH):
            with transaction.atomic():
                act(line.ids[start : start + BATCH])
    return lines
