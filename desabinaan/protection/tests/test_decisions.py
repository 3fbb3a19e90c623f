"""The officer decides; a signed decision is immutable and corrected only by a new decision."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from desabinaan.core.errors import Conflict
from desabinaan.protection.models import Decision
from desabinaan.protection.services import (
    ALREADY_DECIDED,
    DOCUMENTS_REQUIRED,
    LEGAL_BASIS_REQUIRED,
    NOT_CURRENT_DECISION,
    RATIONALE_REQUIRED,
    decision_update,
    screening_decide,
)

from .conftest import screen


def _decide(world, screening, **kwargs):
    values = {
        "kind": "postpone",
        "rationale": "Rekom Disnaker belum ada",
        "pending_documents": "Rekom Disnaker",
    }
    values.update(kwargs)
    return screening_decide(actor=world.fajar, screening=screening, **values)


def test_a_postponement_names_the_documents(world, screening):
    decision = _decide(world, screening)
    assert decision.kind == "postpone" and decision.pending_documents == "Rekom Disnaker"
    with pytest.raises(ValidationError, match=re.escape(str(DOCUMENTS_REQUIRED))):
        _decide(world, screen(world, screening.person), pending_documents=" ")


def test_a_rationale_is_required(world, screening):
    with pytest.raises(ValidationError, match=re.escape(str(RATIONALE_REQUIRED))):
        _decide(world, screening, rationale="  ")


@pytest.mark.parametrize("kind", ["refuse", "suspend"])
def test_refusal_and_suspension_need_a_legal_basis(world, screening, kind):
    with pytest.raises(ValidationError, match=re.escape(str(LEGAL_BASIS_REQUIRED))):
        _decide(world, screening, kind=kind)
    decision = _decide(world, screening, kind=kind, legal_basis="UU 6/2011 Pasal 35")
    assert decision.legal_basis == "UU 6/2011 Pasal 35"


def test_deciding_against_the_advice_is_allowed_and_recorded_as_an_override(world, screening):
    assert screening.advisory_level == "high"
    decision = _decide(world, screening, kind="proceed", rationale="Dokumen lengkap; sponsor adalah kakaknya")
    assert decision.is_override
    low = screen(world, screening.person, answers={})
    refusal = _decide(world, low, kind="refuse", legal_basis="UU 6/2011 Pasal 35")
    assert refusal.is_override
    assert not _decide(world, screen(world, screening.person), kind="postpone").is_override


def test_a_second_decision_must_be_a_correction(world, screening):
    first = _decide(world, screening)
    with pytest.raises(Conflict, match=re.escape(str(ALREADY_DECIDED))):
        _decide(world, screening, kind="proceed")
    correction = _decide(world, screening, kind="proceed", rationale="Rekom sudah diserahkan", corrects=first)
    assert correction.corrects == first
    with pytest.raises(Conflict, match=re.escape(str(NOT_CURRENT_DECISION))):
        _decide(world, screening, kind="refer", corrects=first)
    first.refresh_from_db()
    assert first.kind == "postpone"  # the corrected decision is untouched


def test_the_database_refuses_to_update_a_signed_decision(world, screening):
    decision = _decide(world, screening)
    with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(rationale="diubah diam-diam")
    decision.refresh_from_db()
    assert decision.rationale == "Rekom Disnaker belum ada"


def test_the_service_has_no_update_path(world, screening):
    decision = _decide(world, screening)
    with pytest.raises(PermissionDenied):
        decision_update(decision=decision, rationale="x")


@pytest.mark.parametrize("persona", ["eka", "dewi", "budi", "gita"])
def test_only_the_office_in_scope_decides(world, screening, persona):
    with pytest.raises(PermissionDenied):
        screening_decide(actor=getattr(world, persona), screening=screening, kind="proceed", rationale="x")
