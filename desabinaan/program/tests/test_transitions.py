import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from desabinaan.audit.models import AuditEntry
from desabinaan.core.errors import Conflict
from desabinaan.program.models import DesaBinaan, DesaBinaanTransition
from desabinaan.program.services import (
    REASON_REQUIRED,
    SK_REQUIRED,
    TRANSITION_REFUSED,
    desa_binaan_transition,
)

S = DesaBinaan.Status
SK = {"sk_number": "W.8.IMI.IMI.1-123/2025", "sk_date": dt.date(2025, 3, 1)}


def _to(db, status):
    DesaBinaan.objects.filter(pk=db.pk).update(status=status)
    db.refresh_from_db()
    return db


def _refused(frm, to):
    return TRANSITION_REFUSED % {"from": S(frm).label, "to": S(to).label}


ALLOWED = [
    (S.PROPOSED, S.DESIGNATED),
    (S.DESIGNATED, S.ACTIVE),
    (S.ACTIVE, S.SUSPENDED),
    (S.ACTIVE, S.GRADUATED),
    (S.SUSPENDED, S.ACTIVE),
]
REFUSED = [
    (S.PROPOSED, S.ACTIVE),
    (S.PROPOSED, S.GRADUATED),
    (S.PROPOSED, S.SUSPENDED),
    (S.DESIGNATED, S.GRADUATED),
    (S.DESIGNATED, S.PROPOSED),
    (S.ACTIVE, S.DESIGNATED),
    (S.ACTIVE, S.ACTIVE),
    (S.SUSPENDED, S.GRADUATED),
    (S.GRADUATED, S.ACTIVE),
    (S.GRADUATED, S.SUSPENDED),
]


@pytest.mark.parametrize(("frm", "to"), ALLOWED)
def test_it_allows_each_lifecycle_step_with_a_dated_row(world, proposed, frm, to):
    db = _to(proposed, frm)
    row = desa_binaan_transition(actor=world.fajar, desa_binaan=db, to=to, reason="Rapat koordinasi", **SK)
    db.refresh_from_db()
    assert db.status == to
    assert (row.from_status, row.to_status, row.actor, row.reason) == (
        frm,
        to,
        world.fajar,
        "Rapat koordinasi",
    )
    assert row.at is not None
    assert AuditEntry.objects.filter(
        target_type="program.desabinaan", target_id=str(db.pk), action="update"
    ).exists()


@pytest.mark.parametrize(("frm", "to"), REFUSED)
def test_it_refuses_a_transition_that_makes_no_sense_with_a_clear_message(world, proposed, frm, to):
    db = _to(proposed, frm)
    with pytest.raises(Conflict) as exc:
        desa_binaan_transition(actor=world.fajar, desa_binaan=db, to=to, reason="coba", **SK)
    assert str(exc.value) == _refused(frm, to)
    assert "tidak dapat diubah" in str(exc.value)
    db.refresh_from_db()
    assert db.status == frm
    assert not DesaBinaanTransition.objects.filter(desa_binaan=db, to_status=to, from_status=frm).exists()


def test_designation_requires_sk_number_and_date(world, proposed):
    for missing in ({"sk_number": "X/1"}, {"sk_date": dt.date(2025, 1, 1)}, {}):
        with pytest.raises(ValidationError) as exc:
            desa_binaan_transition(
                actor=world.fajar, desa_binaan=proposed, to=S.DESIGNATED, reason="SK", **missing
            )
        assert exc.value.messages == [str(SK_REQUIRED)]
    proposed.refresh_from_db()
    assert proposed.status == S.PROPOSED


def test_designation_records_the_sk_and_its_pdf(world, proposed, sk_pdf):
    desa_binaan_transition(
        actor=world.fajar,
        desa_binaan=proposed,
        to=S.DESIGNATED,
        reason="SK terbit",
        sk_file=sk_pdf,
        sk_issuer="kanwil",
        **SK,
    )
    proposed.refresh_from_db()
    assert proposed.sk_number == SK["sk_number"]
    assert proposed.designated_on == SK["sk_date"]
    assert proposed.sk_issuer == "kanwil"
    assert proposed.sk_file.read().startswith(b"%PDF-")


def test_it_requires_a_reason(world, tebat):
    with pytest.raises(ValidationError) as exc:
        desa_binaan_transition(actor=world.fajar, desa_binaan=tebat, to=S.SUSPENDED, reason="  ")
    assert exc.value.messages == [str(REASON_REQUIRED)]


@pytest.mark.parametrize("persona", ["budi", "eka", "dewi", "gita", "citra"])
def test_only_the_villages_office_may_transition(world, tebat, persona):
    with pytest.raises(PermissionDenied):
        desa_binaan_transition(actor=getattr(world, persona), desa_binaan=tebat, to=S.SUSPENDED, reason="x")
    tebat.refresh_from_db()
    assert tebat.status == S.ACTIVE


def test_the_history_starts_with_the_proposal(world, proposed):
    rows = list(proposed.transitions.values_list("from_status", "to_status", "actor__username"))
    assert rows == [("", S.PROPOSED, "fajar")]


def test_a_designation_cannot_carry_an_sk_dated_in_the_future(world, proposed):
    from django.utils import timezone

    from desabinaan.program.models import SK_DATE_IN_FUTURE

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        desa_binaan_transition(
            actor=world.fajar,
            desa_binaan=proposed,
            to="designated",
            reason="SK terbit",
            sk_number="X/1",
            sk_date=tomorrow,
        )
    assert info.value.message_dict["sk_date"] == [str(SK_DATE_IN_FUTURE)]
    proposed.refresh_from_db()
    assert proposed.status == "proposed"
