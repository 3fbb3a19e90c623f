from django.shortcuts import render

from .selectors import village_label, villages_search


def suggest(request):
    """HTMX fragment: village suggestions for the autocomplete widget (public reference data)."""
    q = request.GET.get(request.GET.get("field", "village") + "_search") or request.GET.get("q", "")
    villages = villages_search(q=q)
    return render(
        request,
        "regions/_suggestions.html",
        {"suggestions": [(v, village_label(v)) for v in villages], "q": q},
    )


def search(request):
    """Region search page: find a village by name or code."""
    q = request.GET.get("q", "").strip()
    villages = villages_search(q=q, limit=50)
    return render(
        request,
        "regions/search.html",
        {"q": q, "results": [(v, village_label(v)) for v in villages]},
    )
