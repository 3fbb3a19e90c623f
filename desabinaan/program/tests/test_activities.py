import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.core.errors import Conflict
from desabinaan.program.models import Activity
from desabinaan.program.services import STALE_EDIT, activity_create, activity_update

from .conftest import make_pdf

START = dt.datetime(2025, 5, 1, 9, 0, tzinfo=dt.UTC)


def _new(world, tebat, author=None):
    return activity_create(
        actor=author or world.budi,
        desa_binaan=tebat,
        kind="counselling",
        date=dt.date(2025, 5, 1),
        place="Balai desa",
        participants=30,
        notes="Penyuluhan TPPO",
    )


def test_the_liaison_and_the_office_add_entries(world, tebat):
    assert _new(world, tebat).author == world.budi
    assert _new(world, tebat, world.ani).author == world.ani
    assert AuditEntry.objects.filter(target_type="program.activity", action="create").count() == 2


@pytest.mark.parametrize("persona", ["citra", "dewi", "eka", "gita"])
def test_others_cannot_add_entries(world, tebat, persona):
    with pytest.raises(PermissionDenied):
        _new(world, tebat, getattr(world, persona))


def test_the_author_edits_within_the_grace_period_with_audit(world, tebat):
    with time_machine.travel(START, tick=False):
        activity = _new(world, tebat)
    with time_machine.travel(START + dt.timedelta(hours=47), tick=False):
        updated = activity_update(actor=world.budi, activity=activity, version=1, participants=45)
    assert (updated.participants, updated.version) == (45, 2)
    entry = AuditEntry.objects.get(target_type="program.activity", action="update")
    assert entry.changes == {"participants": [30, 45]}


def test_the_grace_period_ends_after_48_hours(world, tebat):
    with time_machine.travel(START, tick=False):
        activity = _new(world, tebat)
    with (
        time_machine.travel(START + dt.timedelta(hours=49), tick=False),
        pytest.raises(PermissionDenied) as exc,
    ):
        activity_update(actor=world.budi, activity=activity, version=1, participants=45)
    assert "48 jam" in str(exc.value)
    activity.refresh_from_db()
    assert activity.participants == 30


def test_the_grace_period_is_a_setting(world, tebat, settings):
    settings.PROGRAM_EDIT_GRACE_HOURS = 1
    with time_machine.travel(START, tick=False):
        activity = _new(world, tebat)
    with time_machine.travel(START + dt.timedelta(hours=2), tick=False), pytest.raises(PermissionDenied):
        activity_update(actor=world.budi, activity=activity, version=1, place="Masjid")


def test_only_the_author_edits(world, tebat):
    activity = _new(world, tebat)
    with pytest.raises(PermissionDenied):
        activity_update(actor=world.fajar, activity=activity, version=1, place="Masjid")


def test_a_stale_edit_is_refused_not_overwritten(world, tebat):
    activity = _new(world, tebat)
    first_tab = Activity.objects.get(pk=activity.pk)
    second_tab = Activity.objects.get(pk=activity.pk)
    activity_update(actor=world.budi, activity=first_tab, version=first_tab.version, place="Masjid")
    with pytest.raises(Conflict) as exc:
        activity_update(actor=world.budi, activity=second_tab, version=second_tab.version, place="Sekolah")
    assert (str(exc.value), exc.value.code) == (str(STALE_EDIT), "version")
    activity.refresh_from_db()
    assert (activity.place, activity.version) == ("Masjid", 2)


def test_a_stale_edit_on_the_page_shows_the_message(world, tebat, login):
    activity = _new(world, tebat)
    activity_update(actor=world.budi, activity=activity, version=1, notes="diubah di tab lain")
    form = {
        "kind": "visit",
        "date": "2025-05-01",
        "place": "Sekolah",
        "participants": 5,
        "notes": "x",
        "version": 1,
    }
    response = login(world.budi).post(reverse("program:activity_edit", args=[tebat.pk, activity.pk]), form)
    assert response.status_code == 200
    assert "sudah diubah orang lain" in response.content.decode()
    activity.refresh_from_db()
    assert activity.place == "Balai desa"


def test_a_liaison_adds_an_activity_with_attachments_on_the_page(world, tebat, login):
    client = login(world.budi)
    response = client.post(
        reverse("program:activity_add", args=[tebat.pk]),
        {
            "kind": "visit",
            "date": "2025-05-02",
            "place": "Kantor desa",
            "participants": 3,
            "notes": "",
            "attachments": [
                SimpleUploadedFile("notulen.pdf", make_pdf()),
                SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n00"),
            ],
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(desa_binaan=tebat)
    assert sorted(activity.attachments.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]
    attachment = activity.attachments.get(content_type="image/png")
    url = reverse("program:attachment", args=[tebat.pk, activity.pk, attachment.pk])
    assert client.get(url).status_code == 200
    assert login(world.citra).get(url).status_code == 404


def test_a_bad_attachment_is_refused_on_the_page(world, tebat, login):
    response = login(world.budi).post(
        reverse("program:activity_add", args=[tebat.pk]),
        {
            "kind": "visit",
            "date": "2025-05-02",
            "place": "Kantor desa",
            "participants": 3,
            "attachments": [SimpleUploadedFile("x.exe", b"MZ\x90\x00")],
        },
    )
    assert response.status_code == 200
    assert "gambar" in response.content.decode()
    assert not Activity.objects.exists()


def test_now_is_timezone_aware(db):
    assert timezone.is_aware(timezone.now())


def test_an_activity_already_done_cannot_carry_a_future_date(world, tebat, login):
    from desabinaan.program.models import ACTIVITY_DATE_IN_FUTURE

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = login(world.budi).post(
        reverse("program:activity_add", args=[tebat.pk]),
        {
            "kind": "visit",
            "date": tomorrow.isoformat(),
            "place": "Kantor desa",
            "participants": 3,
            "notes": "",
        },
    )
    assert response.status_code == 200
    assert str(ACTIVITY_DATE_IN_FUTURE) in response.content.decode()
    assert (
        f'max="{timezone.localdate().isoformat()}"' in response.content.decode()
    )  # the picker offers no future
    assert not Activity.objects.exists()
    today = activity_create(
        actor=world.budi, desa_binaan=tebat, kind="visit", date=timezone.localdate(), place="Balai desa"
    )
    assert today.pk  # today is fine
