"""Reads of the protection app, always through `scope_for`.

Who sees what:
- office staff (officer, PIMPASA, Kanwil, national admin): screenings, reports and referrals in their scope, by
  the applicant's home village or the report's village;
- a partner-agency user: only the referrals addressed to their agency (no screening, no report);
- a village liaison: only village referrals for their village — outcome and follow-up, never the interview, and
  never a referral whose outcome identifies the person as a victim (UU 21/2007 Art. 44, docs/rules.md §4).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.offices.models import Kanim
from lib import advisory
from lib.fuzzy import best_matches, normalize_agency_name
from lib.text import fold

from .models import (
    AgencyCheck,
    Decision,
    HelpLine,
    IndicatorSet,
    LegalStop,
    LicensedAgency,
    Referral,
    Report,
    ReportInvolved,
    Screening,
)

OFFICE_ROLES = frozenset({Role.NATIONAL_ADMIN, Role.KANWIL, Role.OFFICER, Role.PIMPASA})
# Bounds of the in-Python agency matching and network signals (the published P3MI list has about 300 rows).
AGENCY_CANDIDATE_LIMIT = 5000
SIGNAL_ROW_LIMIT = 3000
# Agency names in screenings/reports link to the registry only on a close match.
AGENCY_LINK_THRESHOLD = 0.85


def is_office(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (user.is_superuser or user.role in OFFICE_ROLES)


def can_screen(user) -> bool:
    """Opening screenings and deciding: Kanim officers, PIMPASA and national admins (Kanwil staff only read)."""
    return is_office(user) and user.role != Role.KANWIL and scope_for(user).can_write


def can_see_protection(user) -> bool:
    return is_office(user) or getattr(user, "role", "") in (Role.PARTNER, Role.LIAISON)


def referral_due_days() -> int:
    return getattr(settings, "PROTECTION_REFERRAL_DUE_DAYS", 14)


# --- Indicators ----------------------------------------------------------------------------------------------------


def indicator_set_active() -> IndicatorSet:
    found = IndicatorSet.objects.filter(is_active=True).prefetch_related("indicators").first()
    if found is None:
        raise IndicatorSet.DoesNotExist
    return found


def legal_stops(*, person, purpose: str, on: dt.date, yes: frozenset[str] = frozenset()) -> list[LegalStop]:
    """The legal stops for the applicant's age on a day: the declared purpose, or an indicator answered Yes that means
    the same (e.g. signs of work behind a visit purpose). The newest row per code in force.

    Checked beside the advisory level, never added to it: age is a legal fact here, not a score input.
    """
    age = person.age_on(on)
    if age is None:
        return []
    newest: dict[str, LegalStop] = {}
    for stop in LegalStop.objects.filter(effective_from__lte=on).order_by("code", "-effective_from"):
        newest.setdefault(stop.code, stop)
    return [
        stop
        for stop in newest.values()
        if age < stop.under_age
        and (stop.purpose == purpose or (stop.also_when_yes and stop.also_when_yes in yes))
    ]


def legal_stops_for(screening: Screening) -> list[LegalStop]:
    day = timezone.localtime(screening.created_at).date() if screening.created_at else timezone.localdate()
    yes = frozenset(screening.answers.filter(answer="yes").values_list("indicator__code", flat=True))
    return legal_stops(person=screening.person, purpose=screening.purpose, on=day, yes=yes)


def advisory_preview(indicator_set: IndicatorSet, answers: dict[str, str]) -> advisory.Advisory:
    """The level a screening would get with these answers (the form's summary step); the same lib.advisory call."""
    return advisory.advisory_level(
        answers,
        {i.code: i.weight for i in indicator_set.indicators.all()},
        attention_at=indicator_set.attention_threshold,
        high_at=indicator_set.high_threshold,
    )


# --- Help lines ----------------------------------------------------------------------------------------------------


def help_lines(*, on: dt.date | None = None) -> list[HelpLine]:
    """The help lines in force on a day (today by default): the newest active row per code, in display order."""
    newest: dict[str, HelpLine] = {}
    for line in HelpLine.objects.filter(effective_from__lte=on or timezone.localdate()).order_by(
        "code", "-effective_from"
    ):
        newest.setdefault(line.code, line)
    return sorted(
        (line for line in newest.values() if line.is_active), key=lambda line: (line.order, line.code)
    )


# --- Screenings ----------------------------------------------------------------------------------------------------


def screenings_for(user) -> QuerySet[Screening]:
    if not is_office(user):
        return Screening.objects.none()
    qs = Screening.objects.select_related("person", "village", "officer", "agency").prefetch_related(
        "decisions"
    )
    return scope_for(user).filter(qs, path="village")


def screenings_undecided(user) -> QuerySet[Screening]:
    """Screenings in the user's scope without a decision yet (the dashboard counts them, the overview lists them)."""
    return screenings_for(user).filter(~Exists(Decision.objects.filter(screening=OuterRef("pk"))))


def screening_get(*, user, pk: int) -> Screening:
    found = (
        screenings_for(user)
        .select_related("indicator_set", "kanim", "village__district", "village__regency")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def screening_answers(screening: Screening):
    return list(screening.answers.select_related("indicator").order_by("indicator__order", "indicator__code"))


def decisions_of(screening: Screening):
    return list(screening.decisions.select_related("decided_by", "corrects").order_by("decided_at", "id"))


def current_decision(screening: Screening):
    """The newest decision that no later decision corrects."""
    return screening.decisions.filter(corrected_by__isnull=True).order_by("-decided_at", "-id").first()


# --- Referrals -----------------------------------------------------------------------------------------------------


def referrals_for(user) -> QuerySet[Referral]:
    qs = Referral.objects.select_related("screening__person", "report", "village", "agency", "created_by")
    role = getattr(user, "role", "")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if is_office(user):
        scope = scope_for(user)
        if scope.is_national:
            return qs
        # A report's referral can have no village (a report placed by regency only): it follows the report's owner.
        return qs.filter(scope.q("village") | Q(report__in=Report.objects.filter(scope.owned_q())))
    if role == Role.PARTNER and user.agency_id:
        return qs.filter(agency_id=user.agency_id)
    if role == Role.LIAISON and user.village_id:
        # A victim's identity is confidential (UU 21/2007 Art. 44): only the office and the agency handling it.
        return qs.filter(to_village=True, village_id=user.village_id).exclude(outcome=Referral.Outcome.VICTIM)
    return qs.none()


def can_record_victim_outcome(user) -> bool:
    """Identifying a person as a victim is for the office or the partner agency handling the case, never the village."""
    return getattr(user, "role", "") != Role.LIAISON


def referral_get(*, user, pk: int) -> Referral:
    found = referrals_for(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def can_update_referral(user, referral: Referral) -> bool:
    if is_office(user):
        return can_screen(user)
    if user.role == Role.PARTNER:
        return referral.agency_id is not None and referral.agency_id == user.agency_id
    if user.role == Role.LIAISON:
        return referral.to_village and referral.village_id == user.village_id
    return False


def can_see_case_details(user) -> bool:
    """Interview answers, notes and the advisory level: office staff only (never the village or an agency)."""
    return is_office(user)


def referrals_open(user) -> QuerySet[Referral]:
    return referrals_for(user).exclude(status=Referral.Status.CLOSED)


def referrals_overdue(user, *, today: dt.date | None = None) -> QuerySet[Referral]:
    return (
        referrals_for(user)
        .filter(due_on__lt=today or timezone.localdate())
        .exclude(status=Referral.Status.CLOSED)
    )


# --- Reports -------------------------------------------------------------------------------------------------------


def reports_for(user) -> QuerySet[Report]:
    """Reports by their owning office (not by village): see Scope.owned_q for who sees the triage queue."""
    if not is_office(user):
        return Report.objects.none()
    qs = Report.objects.select_related("village", "regency", "province", "kanim", "agency")
    return qs.filter(scope_for(user).owned_q())


def report_visible(user, report: Report) -> bool:
    return reports_for(user).filter(pk=report.pk).exists()


def report_owner_for(regency) -> Kanim | None:
    """The Kanim whose open working-area assignment holds the regency (the database allows one); None if none."""
    if regency is None:
        return None
    return Kanim.objects.filter(
        area_assignments__regency=regency, area_assignments__valid_to__isnull=True
    ).first()


def can_assign_reports(user) -> bool:
    """Triage: national administrators and Kanwil staff give an unowned (or misrouted) report to a Kanim."""
    return is_office(user) and (user.is_superuser or user.role in (Role.NATIONAL_ADMIN, Role.KANWIL))


def kanims_assignable(user) -> QuerySet[Kanim]:
    """The offices a user may give a report to: any Kanim nationally, the province's Kanims for a Kanwil."""
    if not can_assign_reports(user):
        return Kanim.objects.none()
    qs = Kanim.objects.select_related("kanwil").order_by("kanwil__name", "name")
    scope = scope_for(user)
    return qs if scope.is_national else qs.filter(pk__in=scope.kanim_ids)


def reports_to_triage(user) -> QuerySet[Report]:
    """The triage queue in the user's sight: reports no office owns yet."""
    if not can_assign_reports(user):
        return Report.objects.none()
    return reports_for(user).filter(kanim__isnull=True)


def report_get(*, user, pk: int) -> Report:
    found = reports_for(user).prefetch_related("involved", "attachments").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# Checked against when the receipt code is unknown, so an unknown code costs as much time as a wrong passphrase.
_DUMMY_HASH = None


def report_authenticate(*, receipt_code: str, passphrase: str) -> Report | None:
    """The report whose code and passphrase both match; None otherwise (the caller cannot tell which was wrong)."""
    global _DUMMY_HASH
    code = (receipt_code or "").strip().upper()
    report = Report.objects.filter(receipt_code=code).first() if code else None
    if report is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = make_password("not-a-passphrase")
        check_password(passphrase or "", _DUMMY_HASH)
        return None
    return report if check_password(_normalize_passphrase(passphrase), report.passphrase_hash) else None


def _normalize_passphrase(passphrase: str) -> str:
    # People retype what they wrote down: spaces and case should not matter.
    return "-".join((passphrase or "").lower().replace("-", " ").split())


def report_messages(report: Report):
    return list(report.messages.select_related("author").order_by("created_at", "id"))


# --- Licensed agencies ---------------------------------------------------------------------------------------------


@dataclass
class AgencyMatch:
    agency: LicensedAgency
    score: float
    status: str


def agencies_search(q: str, *, limit: int = 10) -> list[AgencyMatch]:
    """Spelling-tolerant search of the registry (PT prefix, punctuation, typos), best first. Bounded work."""
    q = (q or "").strip()[:200]
    if not q:
        return []
    exact = list(LicensedAgency.objects.filter(licence_number__iexact=q)[:1])
    if exact:
        return [AgencyMatch(agency=exact[0], score=1.0, status=exact[0].effective_status())]
    candidates = LicensedAgency.objects.values_list("pk", "name_normalized")[:AGENCY_CANDIDATE_LIMIT]
    ranked = best_matches(q, candidates, limit=limit)
    by_pk = LicensedAgency.objects.in_bulk([pk for pk, _ in ranked])
    today = timezone.localdate()
    return [
        AgencyMatch(agency=by_pk[pk], score=score, status=by_pk[pk].effective_status(today))
        for pk, score in ranked
        if pk in by_pk
    ]


def agency_link(name: str) -> tuple[LicensedAgency | None, str]:
    """The registry entry a free-text agency name refers to and what the registry says, or "not licensed"."""
    if not normalize_agency_name(name or ""):
        return None, AgencyCheck.NONE
    found = [m for m in agencies_search(name, limit=1) if m.score >= AGENCY_LINK_THRESHOLD]
    if not found:
        return None, AgencyCheck.NOT_LICENSED
    return found[0].agency, found[0].status


# --- Network signals -----------------------------------------------------------------------------------------------


@dataclass
class Cluster:
    kind: str  # "phone", "sponsor", "agency", "account"
    key: str
    label: str
    screenings: list[int] = field(default_factory=list)
    reports: list[int] = field(default_factory=list)
    villages: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.screenings) + len(self.reports)

    @property
    def village_count(self) -> int:
        return len(self.villages)


def network_signals(user, *, min_count: int = 2) -> list[Cluster]:
    """Sponsors, agencies, phones and accounts seen in several screenings or reports in the user's scope.

    Grouped in Python over the newest SIGNAL_ROW_LIMIT rows of each source (bounded); sorted so that a name seen
    across several villages comes first.
    """
    clusters: dict[tuple[str, str], Cluster] = {}

    def add(kind, key, label, *, screening=None, report=None, village=None):
        if not key:
            return
        cluster = clusters.setdefault((kind, key), Cluster(kind=kind, key=key, label=label))
        if screening is not None and screening not in cluster.screenings:
            cluster.screenings.append(screening)
        if report is not None and report not in cluster.reports:
            cluster.reports.append(report)
        if village:
            cluster.villages.add(village)

    screenings = (
        screenings_for(user)
        .order_by("-created_at")
        .values_list("pk", "village_id", "sponsor_name", "sponsor_phone_normalized", "agency_name")[
            :SIGNAL_ROW_LIMIT
        ]
    )
    for pk, village, sponsor, phone, agency in screenings:
        add("sponsor", fold(sponsor), sponsor, screening=pk, village=village)
        add("phone", phone, phone, screening=pk, village=village)
        add("agency", normalize_agency_name(agency), agency, screening=pk, village=village)

    reports = reports_for(user).order_by("-created_at")
    report_rows = reports.values_list("pk", "village_id", "agency_name")[:SIGNAL_ROW_LIMIT]
    report_ids = []
    report_village = {}
    for pk, village, agency in report_rows:
        report_ids.append(pk)
        report_village[pk] = village
        add("agency", normalize_agency_name(agency), agency, report=pk, village=village)

    for report_id, name, phone, account in ReportInvolved.objects.filter(
        report_id__in=report_ids
    ).values_list("report_id", "name", "phone_normalized", "account"):
        village = report_village.get(report_id)
        add("sponsor", fold(name), name, report=report_id, village=village)
        add("phone", phone, phone, report=report_id, village=village)
        add("account", account.strip().lstrip("@").lower(), account, report=report_id, village=village)

    found = [c for c in clusters.values() if c.count >= min_count]
    found.sort(key=lambda c: (-c.village_count, -c.count, c.kind, c.key))
    return found


def signals_by_kind(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    grouped: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        grouped[cluster.kind].append(cluster)
    return dict(grouped)
