import pytest

from desabinaan.passport import selectors

BASE_ANSWERS = {
    "purpose": "tourism",
    "case": "new",
    "birth_date": "1990-01-01",
    "married": False,
    "electronic": False,
    "validity_years": 10,
    "same_day": False,
    "force_majeure": False,
    "on": "2025-06-01",
}


@pytest.fixture
def guide(db):
    """The guide (API shape) for BASE_ANSWERS overridden by keyword arguments, from the rules in the database."""

    def _guide(**answers):
        return selectors.guide_out(
            selectors.guide_for(answers=selectors.answers_from(BASE_ANSWERS | answers))
        )

    return _guide
