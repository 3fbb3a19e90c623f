"""The proposal form's village suggestions: only villages in the office's working area (scoped on the server), so
an officer never picks a village that the proposal would then refuse."""

from django.shortcuts import render

from desabinaan.accounts.scope import scope_for
from desabinaan.core.views import page_for
from desabinaan.regions.selectors import village_label, villages_search

from . import selectors


@page_for(selectors.is_office_writer)
def village_suggest(request):
    """HTMX fragment in the shape of regions' suggestions, limited to the user's working area."""
    q = request.GET.get(request.GET.get("field", "village") + "_search") or request.GET.get("q", "")
    villages = villages_search(q=q, within=scope_for(request.user).q(""))
    return render(
        request,
        "regions/_suggestions.html",
        {"suggestions": [(v, village_label(v)) for v in villages], "q": q},
    )
