import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from desabinaan.accounts.models import Role, User
from desabinaan.program.models import PIMPASA_DECREE_REQUIRED, Activity, PimpasaAssignment
from desabinaan.program.services import (
    PIMPASA_WRONG_OFFICE,
    activity_create,
    liaison_create,
    liaison_deactivate,
    pimpasa_assign,
    pimpasa_end,
)

SK = "W.8.IMI.IMI.1-2002.GR.03.05 Tahun 2024"


def test_an_officer_of_the_villages_kanim_is_assigned_and_the_assignment_ends(world, tebat):
    assignment = pimpasa_assign(
        actor=world.fajar,
        desa_binaan=tebat,
        officer=world.fajar,
        valid_from=dt.date(2025, 1, 1),
        decree_number=SK,
    )
    assert set(
        tebat.pimpasa_assignments.filter(valid_to=None).values_list("officer__username", flat=True)
    ) == {"ani", "fajar"}
    pimpasa_end(actor=world.fajar, assignment=assignment, valid_to=dt.date(2025, 6, 30))
    assignment.refresh_from_db()
    assert assignment.valid_to == dt.date(2025, 6, 30)
    assert assignment.decree_number == SK


def test_the_assignment_carries_its_appointment_decree_number(world, tebat, login):
    with pytest.raises(ValidationError) as exc:
        pimpasa_assign(
            actor=world.fajar,
            desa_binaan=tebat,
            officer=world.fajar,
            valid_from=dt.date(2025, 1, 1),
            decree_number=" ",
        )
    assert exc.value.message_dict == {"decree_number": [str(PIMPASA_DECREE_REQUIRED)]}
    pimpasa_assign(
        actor=world.fajar,
        desa_binaan=tebat,
        officer=world.fajar,
        valid_from=dt.date(2025, 1, 1),
        decree_number=SK,
    )
    assert SK in login(world.fajar).get(reverse("program:detail", args=[tebat.pk])).content.decode()


def test_an_officer_of_another_kanim_cannot_be_pimpasa(world, tebat):
    with pytest.raises(ValidationError) as exc:
        pimpasa_assign(
            actor=world.fajar,
            desa_binaan=tebat,
            officer=world.dewi,
            valid_from=dt.date(2025, 1, 1),
            decree_number=SK,
        )
    assert exc.value.messages == [str(PIMPASA_WRONG_OFFICE)]
    with pytest.raises(ValidationError):
        pimpasa_assign(
            actor=world.fajar,
            desa_binaan=tebat,
            officer=world.budi,
            valid_from=dt.date(2025, 1, 1),
            decree_number=SK,
        )


def test_an_officer_is_not_assigned_twice_at_once(world, tebat):
    with pytest.raises((ValidationError, IntegrityError)):
        pimpasa_assign(
            actor=world.fajar,
            desa_binaan=tebat,
            officer=world.ani,
            valid_from=dt.date(2025, 1, 1),
            decree_number=SK,
        )


@pytest.mark.parametrize("persona", ["budi", "eka", "dewi"])
def test_only_the_office_assigns(world, tebat, persona):
    with pytest.raises(PermissionDenied):
        pimpasa_assign(
            actor=getattr(world, persona),
            desa_binaan=tebat,
            officer=world.fajar,
            valid_from=dt.date(2025, 1, 1),
            decree_number=SK,
        )


def test_an_officer_creates_a_liaison_with_a_one_time_password(world, tebat):
    user, password = liaison_create(
        actor=world.fajar, desa_binaan=tebat, username="sekdes.tm", first_name="Sekdes"
    )
    assert (user.role, user.village_id, user.is_active) == (Role.LIAISON, world.tebat_monok.code, True)
    assert password and user.check_password(password)


def test_a_liaison_can_be_sent_a_reset_link_instead(world, tebat):
    user, password = liaison_create(
        actor=world.fajar,
        desa_binaan=tebat,
        username="kader.tm",
        first_name="Kader",
        email="kader@example.test",
        send_reset_email=True,
    )
    assert password is None
    assert len(mail.outbox) == 1
    assert "/akun/sandi/atur/" in mail.outbox[0].body


def test_a_taken_username_is_refused(world, tebat):
    with pytest.raises(ValidationError):
        liaison_create(actor=world.fajar, desa_binaan=tebat, username="BUDI", first_name="B")


def test_deactivating_a_liaison_keeps_their_history(world, tebat, login):
    activity_create(
        actor=world.budi, desa_binaan=tebat, kind="visit", date=dt.date(2025, 1, 1), place="Balai"
    )
    liaison_deactivate(actor=world.fajar, desa_binaan=tebat, liaison=world.budi)
    budi = User.objects.get(pk=world.budi.pk)
    assert budi.is_active is False
    assert Activity.objects.get().author == budi
    assert login(budi).get(reverse("program:detail", args=[tebat.pk])).status_code != 200


def test_a_liaison_of_another_village_cannot_be_deactivated_here(world, tebat):
    with pytest.raises(ValidationError):
        liaison_deactivate(actor=world.fajar, desa_binaan=tebat, liaison=world.citra)


def test_the_liaison_page_shows_the_password_once(world, tebat, login):
    response = login(world.fajar).post(
        reverse("program:liaison_add", args=[tebat.pk]), {"username": "kaur.tm", "first_name": "Kaur"}
    )
    assert response.status_code == 200
    assert "Kata sandi awal" in response.content.decode()
    assert User.objects.get(username="kaur.tm").village_id == world.tebat_monok.code


def test_the_pimpasa_page_assigns(world, tebat, login):
    response = login(world.fajar).post(
        reverse("program:pimpasa_add", args=[tebat.pk]),
        {"officer": world.fajar.pk, "valid_from": "2025-02-01", "decree_number": SK},
    )
    assert response.status_code == 302
    assert PimpasaAssignment.objects.filter(desa_binaan=tebat, officer=world.fajar).exists()
