"""Passport products an office issues, as plain rule data (the Django layer loads the rows in force per office and
date). Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024 moves offices to issuing electronic passports only, in phases:
which products an applicant may ask for depends on the office and the day (docs/rules.md §2).
"""

from __future__ import annotations

from dataclasses import dataclass

# Passport products an office issues (rule data per office and date; Keputusan Dirjen Imigrasi
# IMI-263.GR.01.02/2024 moves offices to electronic passports only, in phases).
PRODUCT_PASSPORT = "passport"
PRODUCT_EPASSPORT = "epassport"
PRODUCT_MIGRANT = "migrant_worker_first"
PRODUCTS = (PRODUCT_EPASSPORT, PRODUCT_PASSPORT, PRODUCT_MIGRANT)
# Permenkumham 9/2020: the free first passport for a migrant worker is a 24-page, 5-year passport.
MIGRANT_VALIDITY_YEARS = 5


@dataclass(frozen=True)
class ProductRule:
    """A passport product an office issues from a date (`office` empty: the default for offices without rows)."""

    code: str
    label: str
    citation: str
    office: str = ""
    to_be_confirmed: bool = False
    curation_note: str = ""
