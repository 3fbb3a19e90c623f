"""Reads behind the public home page, the officer dashboard and its work inbox."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.events.models import Event
from desabinaan.events.selectors import attendance_imports_failed, events_for_user
from desabinaan.passport.models import ReadinessStatus
from desabinaan.passport.selectors import readiness_checks_for_user
from desabinaan.people.models import Person
from desabinaan.people.selectors import people_for_user, people_needing_attention
from desabinaan.privacy.selectors import data_request_counts
from desabinaan.program.models import DesaBinaan, PimpasaAssignment, Question
from desabinaan.protection.models import Referral, Report
from desabinaan.protection.selectors import (
    can_assign_reports,
    can_see_protection,
    is_office,
    referrals_for,
    reports_for,
    reports_to_triage,
    screenings_undecided,
)

DASHBOARD_VILLAGE_LIMIT = 50
RECENT_PEOPLE_LIMIT = 10


def public_figures() -> dict:
    """Program-wide counts safe to show anyone: no personal data, nothing below the village level."""
    running = DesaBinaan.objects.filter(
        status__in=[DesaBinaan.Status.DESIGNATED, DesaBinaan.Status.ACTIVE, DesaBinaan.Status.GRADUATED]
    )
    return {
        "villages": running.count(),
        "kanims": running.values("kanim_id").distinct().count(),
    }


def attention_for(*, user) -> dict:
    """What the dashboard shows: the work inbox, the user's desa binaan with their registered residents, and (for a
    village liaison) the shortcuts of village work.

    A fixed number of queries whatever the size of the jurisdiction (the dashboard test holds it to that).
    """
    scope = scope_for(user)
    inbox = inbox_for(user=user)
    open_assignments = PimpasaAssignment.objects.filter(valid_to__isnull=True).select_related("officer")
    villages = list(
        scope.filter(DesaBinaan.objects.all(), path="village")
        .select_related("village__district", "village__regency", "kanim")
        .prefetch_related(Prefetch("pimpasa_assignments", queryset=open_assignments, to_attr="open_pimpasa"))
        .order_by("village__regency_id", "village_id")[:DASHBOARD_VILLAGE_LIMIT]
    )
    people = scope.filter(Person.objects.active(), path="village")
    residents = dict(
        people.filter(village_id__in=[db.village_id for db in villages])
        .values_list("village_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for db in villages:
        db.residents = residents.get(db.village_id, 0)
    by_status = dict(
        scope.filter(DesaBinaan.objects.all(), path="village")
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    is_liaison = user.role == Role.LIAISON
    return {
        "scope": scope,
        # Items that need someone first (overdue before the rest), then the ones already at zero.
        "inbox": sorted((i for i in inbox if i.count), key=lambda i: i.tone != "warn"),
        "inbox_clear": [i for i in inbox if not i.count],
        "villages": villages,
        "villages_total": sum(by_status.values()),
        "villages_by_status": [
            (label, by_status[value]) for value, label in DesaBinaan.Status.choices if value in by_status
        ],
        "people_count": people.count(),
        "recent_people": list(
            people.select_related("village").order_by("-created_at", "-id")[:RECENT_PEOPLE_LIMIT]
        ),
        "is_liaison": is_liaison,
        "own_village": villages[0] if is_liaison and villages else None,
        "next_event": _next_event(scope) if is_liaison else None,
    }


def _next_event(scope) -> Event | None:
    """Where the liaison records attendance: the village's event that has begun most recently (today's first), within
    the last week and not yet reported; attendance cannot be recorded before an event's day."""
    now = timezone.now()
    return (
        scope.filter(
            Event.objects.exclude(status=Event.Status.REPORTED).filter(
                starts_at__lte=now, starts_at__gte=now - dt.timedelta(days=7)
            ),
            path="village",
        )
        .order_by("-starts_at", "-id")
        .first()
    )


def _referral_figures(user) -> dict | None:
    """Open and overdue referrals the user must follow up (office, village liaison or partner agency)."""
    if not can_see_protection(user):
        return None
    open_referrals = referrals_for(user).exclude(status=Referral.Status.CLOSED)
    today = timezone.localdate()
    return open_referrals.aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today)))


# --- Work inbox ----------------------------------------------------------------------------------------------------
#
# One list per user of "what needs you": each item a count and a link to the list filtered to exactly those rows.
# The officer dashboard and GET /api/v1/me/attention both read `inbox_for`, so the page and the API never disagree.
# Every count goes through scope_for (directly or through the owning app's selector, which uses it), and the whole
# inbox costs a fixed number of queries whatever the data size (test_inbox_queries holds it to that).

RECENT_ANSWERS_DAYS = 30


@dataclass(frozen=True)
class AttentionItem:
    kind: str
    count: int
    label: str
    url: str
    # "warn" for items past a deadline: the page shows them first and marked.
    tone: str = ""


# kind → (label, URL name, filter query). The query is the one the target list understands.
INBOX_KINDS: dict[str, tuple[Any, str, dict[str, str]]] = {
    "reports_new": (_("Laporan masyarakat baru"), "protection:reports", {"status": Report.Status.NEW}),
    # National administrators and Kanwil staff: reports no office owns yet (no place, or a province only).
    "reports_triage": (_("Laporan masyarakat menunggu triase"), "protection:report_triage", {}),
    "questions_unanswered": (
        _("Pertanyaan warga belum dijawab"),
        "program:list",
        {"questions": "unanswered"},
    ),
    "readiness_flagged": (
        _("Pemeriksaan kesiapan berperingatan belum ditindaklanjuti"),
        "passport:readiness_list",
        {"status": ReadinessStatus.OPEN, "flagged": "on"},
    ),
    "screenings_undecided": (_("Skrining belum diputuskan"), "protection:index", {"decision": "none"}),
    "referrals_open": (_("Rujukan terbuka"), "protection:referrals", {"open": "1"}),
    "referrals_overdue": (_("Rujukan lewat tenggat"), "protection:referrals", {"overdue": "1"}),
    "proposals_pending": (
        _("Usulan desa binaan menunggu penetapan"),
        "program:list",
        {"status": DesaBinaan.Status.PROPOSED},
    ),
    "designations_pending": (
        _("Desa binaan ditetapkan, belum diaktifkan"),
        "program:list",
        {"status": DesaBinaan.Status.DESIGNATED},
    ),
    "imports_failed": (_("Impor daftar hadir gagal"), "events:list", {"import": "failed"}),
    "consent_missing": (_("Orang tanpa dasar pemrosesan"), "people:list", {"consent": "missing"}),
    "duplicates_probable": (_("Kemungkinan data ganda"), "people:duplicates", {}),
    "questions_answered": (_("Pertanyaan warga sudah dijawab (30 hari)"), "program:list", {}),
    "events_upcoming": (_("Sosialisasi akan datang (30 hari)"), "events:list", {"when": "upcoming"}),
    # UU PDP requests (privacy): open ones, and those past their statutory deadline.
    "data_requests_open": (_("Permintaan data pribadi terbuka"), "privacy:requests", {"open": "1"}),
    "data_requests_overdue": (
        _("Permintaan data pribadi lewat tenggat"),
        "privacy:requests",
        {"overdue": "1"},
    ),
}
OVERDUE_KINDS = frozenset({"referrals_overdue", "data_requests_overdue"})


def _item(kind: str, count: int, *, url: str = "") -> AttentionItem:
    label, url_name, query = INBOX_KINDS[kind]
    if not url:
        url = reverse(url_name) + (f"?{urlencode(query)}" if query else "")
    return AttentionItem(
        kind=kind,
        count=count,
        label=str(label),
        url=url,
        tone="warn" if kind in OVERDUE_KINDS and count else "",
    )


def inbox_for(*, user) -> list[AttentionItem]:
    """The user's work inbox: office staff, village liaisons and partner agencies each see their own kinds."""
    if not getattr(user, "is_authenticated", False):
        return []
    if is_office(user):
        return _office_inbox(user)
    if user.role == Role.LIAISON and scope_for(user).village_codes:
        return _liaison_inbox(user)
    if user.role == Role.PARTNER:
        return _referral_items(user)
    return []


def _referral_items(user) -> list[AttentionItem]:
    figures = _referral_figures(user) or {"open": 0, "overdue": 0}
    return [_item("referrals_open", figures["open"]), _item("referrals_overdue", figures["overdue"])]


def _data_request_items(user) -> list[AttentionItem]:
    figures = data_request_counts(user)
    return [_item("data_requests_open", figures["open"]), _item("data_requests_overdue", figures["overdue"])]


def _office_inbox(user) -> list[AttentionItem]:
    scope = scope_for(user)
    questions = scope.filter(Question.objects.filter(answer=""), path="desa_binaan__village")
    readiness = readiness_checks_for_user(user, status=ReadinessStatus.OPEN, flagged=True)
    villages = scope.filter(DesaBinaan.objects.all(), path="village").aggregate(
        proposed=Count("id", filter=Q(status=DesaBinaan.Status.PROPOSED)),
        designated=Count("id", filter=Q(status=DesaBinaan.Status.DESIGNATED)),
    )
    people = people_needing_attention(user)
    triage = [_item("reports_triage", reports_to_triage(user).count())] if can_assign_reports(user) else []
    return [
        _item("reports_new", reports_for(user).filter(status=Report.Status.NEW).count()),
        *triage,
        _item("questions_unanswered", questions.count()),
        _item("readiness_flagged", readiness.count()),
        _item("screenings_undecided", screenings_undecided(user).count()),
        *_referral_items(user),
        _item("proposals_pending", villages["proposed"]),
        _item("designations_pending", villages["designated"]),
        _item("imports_failed", attendance_imports_failed(user).count()),
        _item("consent_missing", people["without_consent"]),
        _item("duplicates_probable", people["probable_duplicate_pairs"]),
        *_data_request_items(user),
    ]


def _liaison_inbox(user) -> list[AttentionItem]:
    scope = scope_for(user)
    now = timezone.now()
    answered = scope.filter(
        Question.objects.filter(answered_at__gte=now - dt.timedelta(days=RECENT_ANSWERS_DAYS)).exclude(
            answer=""
        ),
        path="desa_binaan__village",
    )
    desa_binaan = scope.filter(DesaBinaan.objects.all(), path="village").values_list("pk", flat=True).first()
    questions_url = reverse("program:detail", args=[desa_binaan]) + "#pertanyaan" if desa_binaan else ""
    return [
        *_referral_items(user),
        _item("questions_answered", answered.count(), url=questions_url),
        _item("events_upcoming", events_for_user(user, upcoming=True).count()),
        _item("consent_missing", people_for_user(user, without_consent=True).count()),
        *_data_request_items(user),
    ]
