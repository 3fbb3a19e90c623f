"""Region lookups: by code and by forgiving name search."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from lib.text import fold, is_ascii_digits

from .models import Village

SEARCH_LIMIT = 20


def _code_prefix(q: str) -> str | None:
    """ "17.08.04" or "170804" -> dotted prefix; None when the query is not a code."""
    compact = q.replace(".", "").replace(" ", "")
    if not is_ascii_digits(compact):
        return None
    parts = [compact[0:2], compact[2:4], compact[4:6], compact[6:10]]
    return ".".join(p for p in parts if p)


def normalize_code(code: str) -> str:
    """A region code as stored: "1708042002" -> "17.08.04.2002"; a dotted or unknown shape is returned trimmed."""
    code = (code or "").strip()
    if is_ascii_digits(code) and len(code) in (2, 4, 6, 10):
        return ".".join(p for p in (code[0:2], code[2:4], code[4:6], code[6:10]) if p)
    return code


def villages_with_parents() -> QuerySet[Village]:
    return Village.objects.select_related("district", "regency__province")


def village_get(*, code: str) -> Village | None:
    return villages_with_parents().filter(code=code).first()


def villages_search(*, q: str, limit: int = SEARCH_LIMIT, within: Q | None = None) -> list[Village]:
    """Villages whose name (with district and regency) holds every word of `q`, or whose code starts with it.

    Case- and accent-insensitive: "tebat monok" and "TEBAT-MONOK" both find 17.08.04.2002. Exact-name and
    name-prefix matches come first.
    """
    q = (q or "").strip()
    if len(q) < 2:
        return []
    qs = villages_with_parents()
    if within is not None:
        qs = qs.filter(within)
    prefix = _code_prefix(q)
    if prefix:
        return list(qs.filter(code__startswith=prefix).order_by("code")[:limit])
    folded = fold(q)
    if not folded:
        return []
    for word in folded.split():
        qs = qs.filter(search_text__contains=word)
    ranked = qs.annotate(
        rank=Case(
            When(search_text__startswith=folded + " ", then=Value(0)),
            When(search_text__startswith=folded, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    return list(ranked.order_by("rank", "name", "code")[:limit])


def village_label(village: Village) -> str:
    """ "Tebat Monok, Kec. Kepahiang, Kabupaten Kepahiang, Bengkulu" """
    return (
        f"{village.name}, Kec. {village.district.name}, {village.regency.name}, "
        f"{village.regency.province.name}"
    )
