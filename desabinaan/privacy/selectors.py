"""Reads of the privacy app, always through the user's scope (accounts.scope)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.protection.selectors import is_office

from .models import Breach, DataRequest, RequestRule, Restriction, RetentionRule

RESTRICTED = _(
    "Pemrosesan data orang ini dibatasi atas permintaannya (UU PDP Pasal 41): data disimpan tetapi tidak dipakai "
    "untuk skrining, pemeriksaan kesiapan, daftar hadir kegiatan, rujukan atau ekspor baru sampai pembatasan "
    "dicabut."
)


def can_see_requests(user) -> bool:
    """Office staff and village liaisons record, verify and follow requests; partner agencies do not."""
    return is_office(user) or getattr(user, "role", "") == Role.LIAISON


def can_act_on_requests(user) -> bool:
    """Producing the access document, correcting, erasing, restricting and closing: offices that may write."""
    return is_office(user) and user.role != Role.KANWIL and scope_for(user).can_write


def can_see_breaches(user) -> bool:
    return is_office(user)


def can_record_breaches(user) -> bool:
    return can_act_on_requests(user)


def _request_scope_q(user) -> Q | None:
    scope = scope_for(user)
    if scope.is_empty:
        return None
    # The receiving village and the person's home village: both villages' staff see a person's request.
    return scope.q("village") | scope.q("person__village")


def data_requests_for(user, *, overdue: bool | None = None, status: str = "") -> QuerySet[DataRequest]:
    """Requests the user may see, soonest deadline first; `overdue` True/False narrows to open past/within deadline."""
    if not can_see_requests(user):
        return DataRequest.objects.none()
    q = _request_scope_q(user)
    if q is None:
        return DataRequest.objects.none()
    qs = DataRequest.objects.filter(q).select_related("person__village", "village", "rule")
    now = timezone.now()
    if overdue is True:
        qs = qs.overdue(now)
    elif overdue is False:
        qs = qs.exclude(pk__in=DataRequest.objects.overdue(now).values("pk"))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("due_at", "id")


def data_request_get(*, user, pk: int) -> DataRequest:
    found = (
        data_requests_for(user)
        .select_related("verified_by", "recorded_by", "closed_by")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def data_request_counts(user) -> dict[str, int]:
    """Open and overdue requests in the user's scope, in one query (the work inbox)."""
    if not can_see_requests(user):
        return {"open": 0, "overdue": 0}
    now = timezone.now()
    return (
        data_requests_for(user)
        .open()
        .aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_at__lt=now)))
    )


def rule_in_force(kind: str, at: dt.datetime) -> RequestRule:
    """The deadline rule for `kind` in force on the day `at` (Http404 when none is configured)."""
    rule = (
        RequestRule.objects.filter(kind=kind, effective_from__lte=timezone.localdate(at))
        .order_by("-effective_from")
        .first()
    )
    if rule is None:
        raise Http404
    return rule


def restriction_open(person) -> Restriction | None:
    return Restriction.objects.filter(person=person, lifted_at__isnull=True).first()


def restriction_reason(person_id: int) -> str:
    """The refusal core.guards shows when new processing of a restricted person is attempted ("" when allowed)."""
    if Restriction.objects.filter(person_id=person_id, lifted_at__isnull=True).exists():
        return str(RESTRICTED)
    return ""


def restriction_reasons(person_ids: list[int]) -> dict[int, str]:
    """core.guards' check for many persons at once (an import chunk, a list page): one query."""
    ids = Restriction.objects.filter(person_id__in=person_ids, lifted_at__isnull=True).values_list(
        "person_id", flat=True
    )
    return dict.fromkeys(ids, str(RESTRICTED))


def restricted_person_ids() -> QuerySet:
    """Ids of persons whose processing is restricted (kept but not used)."""
    return Restriction.objects.filter(lifted_at__isnull=True).values("person_id")


def retention_rules_in_force(today: dt.date | None = None) -> list[RetentionRule]:
    """The newest rule per record type that is in force today."""
    today = today or timezone.localdate()
    seen: dict[str, RetentionRule] = {}
    for rule in RetentionRule.objects.filter(effective_from__lte=today).order_by(
        "record_type", "-effective_from"
    ):
        seen.setdefault(rule.record_type, rule)
    return list(seen.values())


def breaches_for(user) -> QuerySet[Breach]:
    if not can_see_breaches(user):
        return Breach.objects.none()
    scope = scope_for(user)
    qs = Breach.objects.select_related("kanim").annotate(persons_count=Count("persons"))
    if scope.is_national:
        return qs
    return qs.filter(kanim_id__in=scope.kanim_ids)


def breach_persons(breach: Breach) -> list:
    """The persons linked to a breach, for the register page and the letters: masked NIK and village only (one
    query whatever their number)."""
    return list(
        breach.persons.select_related("village").only("pk", "nik_masked", "village__name").order_by("pk")
    )


def breach_get(*, user, pk: int) -> Breach:
    found = breaches_for(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
