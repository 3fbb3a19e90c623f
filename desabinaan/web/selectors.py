"""Reads behind the public home page and the officer dashboard."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.people.models import Person
from desabinaan.people.selectors import people_needing_attention
from desabinaan.program.models import DesaBinaan, PimpasaAssignment
from desabinaan.protection.models import Referral
from desabinaan.protection.selectors import can_see_protection, referrals_for

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
    """What the dashboard shows: the user's desa binaan with their registered residents, and what needs a look.

    A fixed number of queries whatever the size of the jurisdiction (the dashboard test holds it to that).
    """
    scope = scope_for(user)
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
    return {
        "scope": scope,
        "referrals": _referral_figures(user),
        "villages": villages,
        "villages_total": sum(by_status.values()),
        "villages_by_status": [
            (label, by_status[value]) for value, label in DesaBinaan.Status.choices if value in by_status
        ],
        "people_count": people.count(),
        "attention": people_needing_attention(user),
        "recent_people": list(
            people.select_related("village").order_by("-created_at", "-id")[:RECENT_PEOPLE_LIMIT]
        ),
    }


def _referral_figures(user) -> dict | None:
    """Open and overdue referrals the user must follow up (office, village liaison or partner agency)."""
    if not can_see_protection(user):
        return None
    open_referrals = referrals_for(user).exclude(status=Referral.Status.CLOSED)
    today = timezone.localdate()
    return open_referrals.aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today)))
