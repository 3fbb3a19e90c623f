import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from desabinaan.accounts.models import User
from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.offices.models import WorkingAreaAssignment
from desabinaan.offices.services import (
    ASSIGNMENT_ALREADY_CURRENT,
    ASSIGNMENT_NOT_AFTER_CURRENT,
    working_area_assign,
)
from desabinaan.regions.models import Regency

pytestmark = pytest.mark.django_db

KEPAHIANG = "17.08"
MOVE_DATE = dt.date(2025, 3, 1)


def _fresh(user):
    # scope_for caches the scope on the user object, so a new object shows the new jurisdiction.
    return User.objects.get(pk=user.pk)


def test_the_database_refuses_two_open_assignments_for_one_regency(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkingAreaAssignment.objects.create(
            kanim=world.kanim_bdg, regency_id=KEPAHIANG, valid_from=dt.date(2025, 1, 1)
        )


def test_reassigning_moves_the_regency_to_the_new_kanim(world):
    assignment = working_area_assign(
        actor=world.admin,
        kanim=world.kanim_bdg,
        regency=Regency.objects.get(code=KEPAHIANG),
        valid_from=MOVE_DATE,
        basis="SK Dirjen (sintetis)",
    )

    history = list(WorkingAreaAssignment.objects.filter(regency_id=KEPAHIANG).order_by("valid_from"))
    assert [(a.kanim_id, a.valid_from, a.valid_to) for a in history] == [
        (world.kanim_bkl.pk, dt.date(2024, 1, 1), dt.date(2025, 2, 28)),
        (world.kanim_bdg.pk, MOVE_DATE, None),
    ]
    assert assignment == history[1]
    assert assignment.basis == "SK Dirjen (sintetis)"


def test_the_scope_of_officers_follows_the_regency(world):
    assert not scope_for(_fresh(world.dewi)).contains_village(world.tebat_monok)
    assert scope_for(_fresh(world.fajar)).contains_village(world.tebat_monok)

    working_area_assign(
        actor=world.admin,
        kanim=world.kanim_bdg,
        regency=Regency.objects.get(code=KEPAHIANG),
        valid_from=MOVE_DATE,
    )

    dewi = scope_for(_fresh(world.dewi))
    assert KEPAHIANG in dewi.regency_codes
    assert dewi.contains_village(world.tebat_monok)
    assert not scope_for(_fresh(world.fajar)).contains_village(world.tebat_monok)
    # Other Bengkulu regencies stay with Kanim Bengkulu.
    assert scope_for(_fresh(world.fajar)).contains_village(world.other_village)


def test_it_audits_both_the_closing_and_the_opening(world):
    new = working_area_assign(
        actor=world.admin,
        kanim=world.kanim_bdg,
        regency=Regency.objects.get(code=KEPAHIANG),
        valid_from=MOVE_DATE,
    )

    entries = list(AuditEntry.objects.filter(target_type="offices.workingareaassignment").order_by("id"))
    assert [e.action for e in entries] == ["update", "create"]
    closed, opened = entries
    assert closed.actor == world.admin
    assert closed.changes == {"valid_to": [None, "2025-02-28"]}
    assert opened.target_id == str(new.pk)
    assert opened.changes["kanim_id"] == [None, world.kanim_bdg.pk]
    assert opened.changes["regency_id"] == [None, KEPAHIANG]


def test_it_assigns_a_regency_that_no_kanim_serves(world):
    WorkingAreaAssignment.objects.filter(regency_id=KEPAHIANG).update(valid_to=dt.date(2024, 12, 31))

    assignment = working_area_assign(
        actor=world.admin,
        kanim=world.kanim_bkl,
        regency=Regency.objects.get(code=KEPAHIANG),
        valid_from=MOVE_DATE,
    )

    assert assignment.valid_to is None
    assert AuditEntry.objects.filter(action="create", target_id=str(assignment.pk)).exists()
    assert not AuditEntry.objects.filter(action="update").exists()


@pytest.mark.parametrize("valid_from", [dt.date(2024, 1, 1), dt.date(2023, 12, 31)])
def test_it_refuses_a_start_not_after_the_current_one(world, valid_from):
    with pytest.raises(ValidationError) as error:
        working_area_assign(
            actor=world.admin,
            kanim=world.kanim_bdg,
            regency=Regency.objects.get(code=KEPAHIANG),
            valid_from=valid_from,
        )

    assert error.value.messages == [str(ASSIGNMENT_NOT_AFTER_CURRENT) % {"current": "01-01-2024"}]
    assert (
        WorkingAreaAssignment.objects.get(regency_id=KEPAHIANG, valid_to__isnull=True).kanim
        == world.kanim_bkl
    )
    assert not AuditEntry.objects.exists()


def test_it_refuses_to_assign_a_regency_to_the_kanim_already_serving_it(world):
    with pytest.raises(ValidationError) as error:
        working_area_assign(
            actor=world.admin,
            kanim=world.kanim_bkl,
            regency=Regency.objects.get(code=KEPAHIANG),
            valid_from=MOVE_DATE,
        )

    assert error.value.messages == [str(ASSIGNMENT_ALREADY_CURRENT)]
    assert WorkingAreaAssignment.objects.filter(regency_id=KEPAHIANG).count() == 1
