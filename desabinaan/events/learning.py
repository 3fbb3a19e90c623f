"""Reads for the public learning pages: the legal route to work abroad and the placement-cost rules in force."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from .models import RouteStep


def route_on(day: dt.date | None = None) -> dict[str, list[RouteStep]]:
    """The route's steps and cost rules in force on `day` (today), in their order; one query."""
    day = day or timezone.localdate()
    rows = RouteStep.objects.filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=day), effective_from__lte=day
    ).order_by("kind", "order", "-effective_from")
    found: dict[str, list[RouteStep]] = {RouteStep.Kind.STEP: [], RouteStep.Kind.COST: []}
    seen: set[tuple[str, int]] = set()
    for row in rows:
        # Two rows with the same place in the route: the newer one replaced the older one.
        if (row.kind, row.order) in seen:
            continue
        seen.add((row.kind, row.order))
        found[row.kind].append(row)
    return {"steps": found[RouteStep.Kind.STEP], "costs": found[RouteStep.Kind.COST]}
