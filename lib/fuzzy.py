"""Spelling-tolerant matching of company names (placement agencies). Framework-free.

"PT. Maju-Jaya Abadi", "maju jaya abadi, pt" and "PT Maju Jaya Abdi" all compare close: legal-form words and
punctuation are dropped first, then a trigram overlap and difflib's ratio measure what is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from lib.text import fold

# Legal-form and filler words that say nothing about which company it is.
_NOISE = frozenset(
    {"pt", "p", "t", "cv", "tbk", "persero", "perseroan", "terbatas", "ud", "the", "co", "ltd"}
)
DEFAULT_THRESHOLD = 0.72


def normalize_agency_name(name: str) -> str:
    words = [w for w in fold(name or "").split() if w not in _NOISE]
    return " ".join(words)


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """0..1 between two already-normalised names: the better of trigram Jaccard and difflib's ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ta, tb = _trigrams(a), _trigrams(b)
    jaccard = len(ta & tb) / len(ta | tb)
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return max(jaccard, ratio)


def best_matches(
    query: str,
    candidates: Iterable[tuple[object, str]],
    *,
    limit: int = 10,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[tuple[object, float]]:
    """The candidates (key, normalised name) closest to `query`, best first, at or above `threshold`.

    A candidate that contains the whole query as words scores 0.95 (a short query for a long company name).
    """
    needle = normalize_agency_name(query)
    if not needle:
        return []
    scored = []
    for key, name in candidates:
        score = similarity(needle, name)
        if score < 0.95 and f" {needle} " in f" {name} ":
            score = 0.95
        if score >= threshold:
            scored.append((key, score))
    scored.sort(key=lambda item: -item[1])
    return scored[:limit]
