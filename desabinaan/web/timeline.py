"""A person's history in one timeline: events attended, quiz responses, readiness checks, screenings, decisions
and referrals, newest first.

It lives in web because web may import every app (ARCHITECTURE.md); people, below events, protection and passport,
may not. Each kind is read through its own app's scoped selector (or scope_for on the record's village), so an
item the viewer's scope does not reach is left out. One query per kind whatever the length of the history: each
kind fetches at most `limit + 1` rows, the merged list keeps `limit`, and "see more" asks again with a larger limit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record
from desabinaan.events.models import Attendance, QuizResponse
from desabinaan.passport.selectors import readiness_checks_for_user
from desabinaan.people.models import Person
from desabinaan.people.selectors import person_get_for_user
from desabinaan.protection.models import Decision
from desabinaan.protection.selectors import referrals_for, screenings_for

PAGE = 20
# The access-log purpose of a timeline read (the person page logs its own read as "lihat detail").
ACCESS_PURPOSE = "riwayat orang"
# "See more" grows the limit by PAGE up to this; older history is on each app's own pages.
MAX_LIMIT = 200


@dataclass(frozen=True)
class Item:
    kind: str
    at: dt.datetime
    title: str
    detail: str
    url: str


@dataclass(frozen=True)
class Timeline:
    items: list[Item]
    limit: int
    has_more: bool

    @property
    def next_limit(self) -> int:
        return min(self.limit + PAGE, MAX_LIMIT)

    @property
    def can_grow(self) -> bool:
        return self.has_more and self.limit < MAX_LIMIT


def clamp_limit(value) -> int:
    try:
        limit = int(value)
    except (TypeError, ValueError):
        return PAGE
    return max(1, min(limit, MAX_LIMIT))


def _attendances(user, person: Person, n: int) -> list[Item]:
    rows = (
        scope_for(user)
        .filter(Attendance.objects.filter(person=person), path="event__village")
        .select_related("event__village")
        .order_by("-event__starts_at", "-id")[:n]
    )
    return [
        Item(
            kind="event",
            at=a.event.starts_at,
            title=_("Menghadiri sosialisasi: %(title)s") % {"title": a.event.title},
            detail=a.event.village.name,
            url=reverse("events:detail", args=[a.event_id]),
        )
        for a in rows
    ]


def _quiz_responses(user, person: Person, n: int) -> list[Item]:
    rows = (
        scope_for(user)
        .filter(QuizResponse.objects.filter(attendance__person=person), path="event__village")
        .select_related("event")
        .order_by("-created_at", "-id")[:n]
    )
    return [
        Item(
            kind="quiz",
            at=r.created_at,
            title=_("Kuis %(phase)s: %(title)s") % {"phase": r.get_phase_display(), "title": r.event.title},
            detail=_("%(score)s dari %(total)s benar") % {"score": r.score, "total": r.total},
            url=reverse("events:detail", args=[r.event_id]),
        )
        for r in rows
    ]


def _readiness_checks(user, person: Person, n: int) -> list[Item]:
    rows = readiness_checks_for_user(user).filter(person=person)[:n]
    return [
        Item(
            kind="readiness",
            at=c.created_at,
            title=_("Pemeriksaan kesiapan paspor %(ref)s") % {"ref": c.reference},
            detail=_("%(purpose)s · %(n)s peringatan · %(status)s")
            % {"purpose": c.get_purpose_display(), "n": len(c.warnings), "status": c.get_status_display()},
            url=reverse("passport:readiness_detail", args=[c.reference]),
        )
        for c in rows
    ]


def _screenings(user, person: Person, n: int) -> list[Item]:
    # screenings_for prefetches decisions for its lists; the timeline reads decisions in their own query.
    rows = (
        screenings_for(user).filter(person=person).prefetch_related(None).order_by("-created_at", "-id")[:n]
    )
    return [
        Item(
            kind="screening",
            at=s.created_at,
            title=_("Skrining wawancara #%(n)s") % {"n": s.pk},
            detail=_("Tujuan %(country)s · tingkat saran %(level)s")
            % {"country": s.destination_country, "level": s.get_advisory_level_display()},
            url=reverse("protection:screening", args=[s.pk]),
        )
        for s in rows
    ]


def _decisions(user, person: Person, n: int) -> list[Item]:
    screenings = screenings_for(user).filter(person=person)
    rows = Decision.objects.filter(screening__in=screenings.values("pk")).order_by("-decided_at", "-id")[:n]
    return [
        Item(
            kind="decision",
            at=d.decided_at,
            title=_("Keputusan: %(kind)s") % {"kind": d.get_kind_display()},
            detail=" · ".join(
                note
                for note, applies in (
                    (_("mengoreksi keputusan sebelumnya"), d.corrects_id),
                    (_("berbeda dari saran"), d.is_override),
                )
                if applies
            ),
            url=reverse("protection:screening", args=[d.screening_id]),
        )
        for d in rows
    ]


def _referrals(user, person: Person, n: int) -> list[Item]:
    rows = referrals_for(user).filter(screening__person=person).order_by("-created_at", "-id")[:n]
    return [
        Item(
            kind="referral",
            at=r.created_at,
            title=_("Rujukan ke %(to)s") % {"to": r.agency.name if r.agency_id else _("desa asal")},
            detail=f"{r.get_action_display()} · {r.get_status_display()}",
            url=reverse("protection:referral", args=[r.pk]),
        )
        for r in rows
    ]


KINDS = (_attendances, _quiz_responses, _readiness_checks, _screenings, _decisions, _referrals)


def person_timeline(*, user, person: Person, limit: int = PAGE) -> Timeline:
    """The `limit` newest items of the person's history that the user's scope reaches (one query per kind)."""
    fetched = [item for kind in KINDS for item in kind(user, person, limit + 1)]
    fetched.sort(key=lambda item: item.at, reverse=True)
    return Timeline(items=fetched[:limit], limit=limit, has_more=len(fetched) > limit)


@login_required
@require_GET
def person_timeline_view(request, pk: int):
    """The timeline fragment the person page loads with HTMX (a whole page without HTMX); every read is logged."""
    person = person_get_for_user(request.user, pk=pk)
    timeline = person_timeline(user=request.user, person=person, limit=clamp_limit(request.GET.get("limit")))
    access_record(actor=request.user, person=person, channel="web", purpose=ACCESS_PURPOSE)
    template = "web/_timeline.html" if request.headers.get("HX-Request") else "web/person_timeline.html"
    return render(request, template, {"person": person, "timeline": timeline})
