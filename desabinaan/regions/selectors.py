"""Region lookups: by code and by forgiving name search."""

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

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


# SQLite: the FTS5 index of migration 0004, each word a word prefix ("tebat mon" finds Tebat Monok).
_FTS_ROWIDS = (
    "SELECT code FROM regions_village WHERE rowid IN "
    "(SELECT rowid FROM regions_village_fts WHERE regions_village_fts MATCH %s)"
)


def _matching_words(qs: QuerySet[Village], words: list[str]) -> QuerySet[Village]:
    """Villages whose search text holds every word, through the database's index (never a table scan).

    SQLite asks its FTS5 index for word prefixes; PostgreSQL's LIKE '%word%' filters use the pg_trgm GIN index.
    Words are folded (letters and digits only), so they need no escaping inside the FTS query.
    """
    if connection.vendor == "sqlite":
        match = " ".join(f'"{word}"*' for word in words)
        return qs.filter(code__in=RawSQL(_FTS_ROWIDS, [match]))  # noqa: S611 - a constant, the match as a parameter
    for word in words:
        qs = qs.filter(search_text__contains=word)
    return qs


def villages_search(*, q: str, limit: int = SEARCH_LIMIT, within: Q | None = None) -> list[Village]:
    """Villages whose name (with district and regency) holds every word of `q`, or whose code starts with it.

    Case- and accent-insensitive, each word a word prefix: "tebat monok", "TEBAT-MON" both find 17.08.04.2002. Exact-name and
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
    qs = _matching_words(qs, folded.split())
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
