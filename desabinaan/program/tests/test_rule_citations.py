"""The default criteria and indicators cite a section of docs/rules.md that exists."""

import re
from pathlib import Path

import pytest

from desabinaan.program.models import EvaluationIndicator, SelectionCriterion

RULES = Path(__file__).resolve().parents[3] / "docs" / "rules.md"

pytestmark = pytest.mark.django_db


def test_every_default_citation_points_to_a_section_of_docs_rules():
    sections = set(re.findall(r"^## (§\d+) ", RULES.read_text(encoding="utf-8"), flags=re.MULTILINE))
    citations = [
        *SelectionCriterion.objects.values_list("citation", flat=True),
        *EvaluationIndicator.objects.values_list("citation", flat=True),
    ]
    assert (
        len(citations) == 21
    )  # 7 criteria, 11 indicators, 3 added by 0007 (detected and referred, postponements)
    for citation in citations:
        cited = re.findall(r"docs/rules\.md (§\d+)", citation)
        assert cited, citation
        assert set(cited) <= sections, citation
