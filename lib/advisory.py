"""The screening's advisory level, computed from the interview answers alone. Framework-free.

The function's inputs are the answers and the indicator weights, nothing else: no sex, age, religion, ethnicity or
home village can reach it (docs/rules.md §3, UU PDP Art. 34). Only a "yes" (the behaviour, document gap or route fact was
observed) raises the level; "unknown" adds nothing, so an unanswered question never counts against a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

YES, NO, UNKNOWN = "yes", "no", "unknown"
ANSWERS = (YES, NO, UNKNOWN)
LOW, ATTENTION, HIGH = "low", "attention", "high"
LEVELS = (LOW, ATTENTION, HIGH)


@dataclass(frozen=True)
class Contribution:
    code: str
    contribution: int


@dataclass(frozen=True)
class Advisory:
    level: str
    score: int
    breakdown: tuple[Contribution, ...]


def advisory_level(
    answers: Mapping[str, str], weights: Mapping[str, int], *, attention_at: int, high_at: int
) -> Advisory:
    """The level and which answers raised it by how much (largest first).

    Answers for codes without a weight are ignored: a screening is scored only against its own indicator set.
    """
    if attention_at > high_at:
        raise ValueError("attention_at must not exceed high_at")
    parts = [
        Contribution(code=code, contribution=int(weights[code]))
        for code, answer in answers.items()
        if answer == YES and code in weights and weights[code] > 0
    ]
    parts.sort(key=lambda c: (-c.contribution, c.code))
    score = sum(c.contribution for c in parts)
    level = HIGH if score >= high_at else ATTENTION if score >= attention_at else LOW
    return Advisory(level=level, score=score, breakdown=tuple(parts))


def level_rank(level: str) -> int:
    return LEVELS.index(level)
