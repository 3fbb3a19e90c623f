"""Person duplicate detection at national scale: blocking, then a score per candidate pair. Framework-free.

Comparing every pair of 1,000,000 persons is 5 * 10^11 comparisons; blocking compares only persons who share a
key, each key chosen so that one kind of variant still lands in the same block:

- the NIK (a re-registration of the same person);
- the name key (lib.text.name_key: Moh./Muhammad, doubled letters) with the birth date, and with the birth date's
  day and month in either order (a sheet written day-first, another month-first);
- a sound key of the name (y/i, dj/j, oe/u, sy/s, kh/k, dropped vowels) with the birth year, for spellings the
  name key does not unify ("Saiful"/"Syaiful", "Rizki"/"Riski"); the village narrows it so blocks stay small.

Blocks larger than MAX_BLOCK are split by village (a very common name born the same year); a block still larger
is skipped and counted, never compared quadratically. Each pair is then scored from agreement weights
(Fellegi-Sunter style log-odds, fixed here rather than trained): the score advises, an officer decides the merge.
Sex and every other demographic attribute are not score inputs beyond the identity fields listed in `score`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lib.text import fold, name_key

MAX_BLOCK = 40
THRESHOLD = 6.0

# Log-odds weights of agreement (positive) and disagreement (negative).
W_NIK_SAME = 12.0
W_NIK_DIFFERENT = -12.0
W_DATE_SAME = 6.0
W_DATE_SWAPPED = 4.5
W_YEAR_ONLY = 1.5
W_DATE_DIFFERENT = -6.0
W_VILLAGE_SAME = 1.5
W_NAME_EXACT = 4.0
W_NAME_CLOSE = 2.5  # Jaro-Winkler >= 0.92
W_NAME_NEAR = 0.5  # >= 0.85
W_NAME_DIFFERENT = -6.0


@dataclass(frozen=True, slots=True)
class Record:
    """One person as the detector sees it: `nik` may be a lookup hash (people.nik_hash) or ""."""

    id: int
    name: str
    nik: str = ""
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    village: str = ""


@dataclass
class Result:
    pairs: list[tuple[int, int, float]] = field(default_factory=list)
    # With find_duplicates(explain=True): each pair's reason codes (see score), keyed by (id_a, id_b).
    reasons: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    candidates: int = 0
    skipped_blocks: int = 0
    skipped_records: int = 0


_SOUND_RULES = [
    (re.compile(r"dj"), "j"),
    (re.compile(r"tj"), "c"),
    (re.compile(r"sj"), "sy"),
    (re.compile(r"oe"), "u"),
    (re.compile(r"sy"), "s"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[vp]"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"z"), "j"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=[a-z])h(?=[^aeiou]|$)"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]
_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiou]")


def sound_key(key: str) -> str:
    """A coarse key of how a (name-keyed) name sounds: consonant skeleton of each word after Indonesian spellings."""
    words = []
    for word in key.split():
        for pattern, repl in _SOUND_RULES:
            word = pattern.sub(repl, word)
        words.append(_VOWELS_AFTER_FIRST.sub("", word))
    return " ".join(words)


def jaro_winkler(a: str, b: str) -> float:
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if not la or not lb:
        return 0.0
    window = max(max(la, lb) // 2 - 1, 0)
    a_flags = [False] * la
    b_flags = [False] * lb
    matches = 0
    for i, ch in enumerate(a):
        lo, hi = max(0, i - window), min(i + window + 1, lb)
        for j in range(lo, hi):
            if not b_flags[j] and b[j] == ch:
                a_flags[i] = b_flags[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    a_matched = [ch for ch, f in zip(a, a_flags, strict=True) if f]
    b_matched = [ch for ch, f in zip(b, b_flags, strict=True) if f]
    transpositions = sum(x != y for x, y in zip(a_matched, b_matched, strict=True)) / 2
    jaro = (matches / la + matches / lb + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


@dataclass(frozen=True, slots=True)
class _Prepared:
    record: Record
    key: str
    sound: str


def _blocking_keys(p: _Prepared) -> Iterator[tuple]:
    r = p.record
    if r.nik:
        yield ("n", r.nik)
    if r.birth_year and r.birth_month and r.birth_day:
        low, high = sorted((r.birth_month, r.birth_day))
        yield ("d", p.key, r.birth_year, low, high)
    if r.birth_year:
        yield ("s", p.sound, r.birth_year)


# The reasons a pair was scored as it was, one code per compared field (people.duplicates labels them).
NIK_SAME, NIK_DIFFERENT = "nik_same", "nik_different"
DATE_SAME, DATE_SWAPPED, YEAR_SAME, DATE_DIFFERENT = (
    "date_same",
    "date_swapped",
    "year_same",
    "date_different",
)
VILLAGE_SAME = "village_same"
NAME_SAME, NAME_CLOSE, NAME_NEAR, NAME_DIFFERENT = "name_same", "name_close", "name_near", "name_different"
REASONS = (
    NIK_SAME, NIK_DIFFERENT, DATE_SAME, DATE_SWAPPED, YEAR_SAME, DATE_DIFFERENT, VILLAGE_SAME,
    NAME_SAME, NAME_CLOSE, NAME_NEAR, NAME_DIFFERENT,
)  # fmt: skip


def score(a: Record, b: Record, key_a: str, key_b: str, reasons: list[str] | None = None) -> float:
    """Log-odds that two records are one person; THRESHOLD and above is a probable duplicate.

    When `reasons` is a list, the code of each field's outcome is appended to it (one per compared field).
    """
    total = 0.0
    codes: list[str] = [] if reasons is None else reasons
    if a.nik and b.nik:
        same = a.nik == b.nik
        total += W_NIK_SAME if same else W_NIK_DIFFERENT
        codes.append(NIK_SAME if same else NIK_DIFFERENT)
    full_a = a.birth_year and a.birth_month and a.birth_day
    full_b = b.birth_year and b.birth_month and b.birth_day
    if full_a and full_b:
        if (a.birth_year, a.birth_month, a.birth_day) == (b.birth_year, b.birth_month, b.birth_day):
            total += W_DATE_SAME
            codes.append(DATE_SAME)
        elif (a.birth_year, a.birth_month, a.birth_day) == (b.birth_year, b.birth_day, b.birth_month):
            total += W_DATE_SWAPPED
            codes.append(DATE_SWAPPED)
        else:
            total += W_DATE_DIFFERENT
            codes.append(DATE_DIFFERENT)
    elif a.birth_year and a.birth_year == b.birth_year:
        total += W_YEAR_ONLY
        codes.append(YEAR_SAME)
    elif a.birth_year and b.birth_year:
        total += W_DATE_DIFFERENT
        codes.append(DATE_DIFFERENT)
    if a.village and a.village == b.village:
        total += W_VILLAGE_SAME
        codes.append(VILLAGE_SAME)
    if key_a == key_b:
        total += W_NAME_EXACT
        codes.append(NAME_SAME)
    else:
        similarity = jaro_winkler(key_a, key_b)
        if similarity >= 0.92:
            total += W_NAME_CLOSE
            codes.append(NAME_CLOSE)
        elif similarity >= 0.85:
            total += W_NAME_NEAR
            codes.append(NAME_NEAR)
        else:
            total += W_NAME_DIFFERENT
            codes.append(NAME_DIFFERENT)
    return total


def _split_by_village(members: list[_Prepared]) -> Iterable[list[_Prepared]]:
    by_village: dict[str, list[_Prepared]] = defaultdict(list)
    for p in members:
        by_village[p.record.village].append(p)
    return by_village.values()


def find_duplicates(
    records: Iterable[Record],
    *,
    threshold: float = THRESHOLD,
    max_block: int = MAX_BLOCK,
    explain: bool = False,
) -> Result:
    """Probable duplicate pairs (id_a < id_b, score), best first, with the work done counted; `explain` keeps each
    found pair's reason codes in `Result.reasons`."""
    blocks: dict[tuple, list[_Prepared]] = defaultdict(list)
    # Name and word memos: names and above all their words repeat, so each regex runs once per distinct word.
    # name_key works word by word on the folded name, so joining the words' keys gives the name's key.
    keys: dict[str, tuple[str, str]] = {}
    words: dict[str, tuple[str, str]] = {}
    for record in records:
        known = keys.get(record.name)
        if known is None:
            parts = []
            for word in fold(record.name).split():
                part = words.get(word)
                if part is None:
                    key = name_key(word)
                    part = words[word] = (key, sound_key(key))
                parts.append(part)
            known = keys[record.name] = (" ".join(p[0] for p in parts), " ".join(p[1] for p in parts))
        p = _Prepared(record, *known)
        for block_key in _blocking_keys(p):
            blocks[block_key].append(p)
    result = Result()
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        groups: Iterable[list[_Prepared]] = [members]
        if len(members) > max_block:
            groups = _split_by_village(members)
        for group in groups:
            if len(group) > max_block:
                result.skipped_blocks += 1
                result.skipped_records += len(group)
                continue
            for i, first in enumerate(group):
                for second in group[i + 1 :]:
                    a, b = first.record.id, second.record.id
                    pair = (a, b) if a < b else (b, a)
                    if a == b or pair in seen:
                        continue
                    seen.add(pair)
                    codes: list[str] | None = [] if explain else None
                    value = score(first.record, second.record, first.key, second.key, codes)
                    if value >= threshold:
                        result.pairs.append((pair[0], pair[1], value))
                        if codes is not None:
                            result.reasons[pair] = tuple(codes)
    result.candidates = len(seen)
    result.pairs.sort(key=lambda item: -item[2])
    return result
