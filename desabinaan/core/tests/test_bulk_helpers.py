"""`core.bulk.build` makes the instance `Model(**values)` makes; `gc_paused` restores the collector as it was."""

import datetime as dt
import gc

import pytest
from django.forms.models import model_to_dict

from desabinaan.core.bulk import build, gc_paused
from desabinaan.events.models import Attendance
from desabinaan.people.models import Consent, Person


def test_build_sets_every_field_as_the_keyword_constructor_does(world):
    values = {
        "name": "Sari Sintetis",
        "name_key": "sari sintetis",
        "birth_date": dt.date(1999, 4, 2),
        "birth_year": 1999,
        "sex": "F",
        "village_id": world.tebat_monok.code,
        "created_by_id": world.budi.pk,
    }
    built = build(Person, values)
    reference = Person(**values)
    assert built._state.adding and built.pk is None
    assert model_to_dict(built) == model_to_dict(reference)
    assert built.version == 1 and built.phone == "" and built.nik_hash is None  # the model's defaults


def test_build_calls_callable_defaults_per_instance():
    first, second = (
        build(Attendance, {"event_id": 1, "person_id": 1}),
        build(Attendance, {"event_id": 1, "person_id": 2}),
    )
    assert first.client_id != second.client_id  # uuid4 default, one per row


def test_build_refuses_a_name_that_is_not_a_field():
    with pytest.raises(TypeError, match="person"):
        build(Consent, {"person": 1})  # the attname is person_id


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_paused_turns_the_collector_off_inside_and_back_to_its_state_after(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), gc_paused():
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
