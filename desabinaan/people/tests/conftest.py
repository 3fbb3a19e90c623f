import datetime as dt

import pytest

from desabinaan.people.services import person_create

# Valid test NIKs for Kota Bengkulu (district 17.71.01 is in the test regions), born 12 May 1990.
MALE_NIK = "1771011205900001"
FEMALE_NIK = "1771015205900002"
BIRTH = dt.date(1990, 5, 12)


@pytest.fixture
def make_person(world):
    """Register a person through the service (as the admin, duplicates allowed); Tebat Monok by default."""

    def _make(name="Rina Marlina", *, village=None, actor=None, **fields):
        fields.setdefault("sex", "F")
        if "birth_year" not in fields:
            fields.setdefault("birth_date", BIRTH)
        return person_create(
            actor=actor or world.admin,
            name=name,
            village=village or world.tebat_monok,
            allow_probable_duplicates=fields.pop("allow_probable_duplicates", True),
            **fields,
        )

    return _make
