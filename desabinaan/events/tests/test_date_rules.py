"""Date rules per form: what is recorded as done cannot carry a future date (events recorded as held, attendance);
planning a future event stays possible."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone

from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Attendance, Event

from .conftest import attendee
from .test_attendance_import import _sheet


def test_attendance_for_an_event_still_in_the_future_is_refused_with_a_clear_message(
    world, login, make_event
):
    future = make_event(starts_at=timezone.now() + dt.timedelta(days=3), title="Minggu depan")
    client = login(world.budi)
    page = client.get(f"/sosialisasi/{future.pk}/hadir/").content.decode()
    assert str(v.ATTENDANCE_EVENT_IN_FUTURE) in page  # said before anything is typed
    response = client.post(
        f"/sosialisasi/{future.pk}/hadir/", {**attendee(), "village": future.village_id, "consent": "on"}
    )
    assert str(v.ATTENDANCE_EVENT_IN_FUTURE) in response.content.decode()
    api = client.post(
        f"/api/v1/events/{future.pk}/attendance",
        {"client_id": str(uuid.uuid4()), "village_code": future.village_id, **attendee()},
        content_type="application/json",
    )
    assert api.status_code == 422 and api.json()["detail"] == str(v.ATTENDANCE_EVENT_IN_FUTURE)
    try:
        services.attendance_import_sheet(
            actor=world.budi,
            event=future,
            source=_sheet([["Rina", "P", 1990, "Tebat Monok", "", "", "", "ya"]]),
        )
    except ValidationError as exc:
        assert exc.messages == [str(v.ATTENDANCE_EVENT_IN_FUTURE)]
    else:
        raise AssertionError("the import of a future event was accepted")
    assert not Attendance.objects.exists()


def test_attendance_opens_on_the_morning_of_the_event(world, make_event):
    now = timezone.localtime()
    later_today = now.replace(hour=23, minute=0) if now.hour < 22 else now + dt.timedelta(minutes=30)
    event = make_event(starts_at=later_today, ends_at=later_today + dt.timedelta(minutes=50))
    services.attendance_record(actor=world.budi, event=event, village=event.village, **attendee())
    assert Attendance.objects.filter(event=event).count() == 1


def test_a_held_event_cannot_be_moved_into_the_future(world, event):
    services.event_mark_held(actor=world.ani, event=event)
    event.refresh_from_db()
    start = timezone.now() + dt.timedelta(days=2)
    try:
        services.event_update(
            actor=world.ani,
            event=event,
            version=event.version,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
        )
    except ValidationError as exc:
        assert exc.message_dict["starts_at"] == [str(v.EVENT_DONE_IN_FUTURE)]
    else:
        raise AssertionError("a held event moved into the future")
    assert Event.objects.get(pk=event.pk).starts_at < timezone.now()


def test_a_planned_event_may_still_be_set_in_the_future(world, make_event):
    planned = make_event(starts_at=timezone.now() + dt.timedelta(days=1))
    start = timezone.now() + dt.timedelta(days=5)
    updated = services.event_update(
        actor=world.ani,
        event=planned,
        version=planned.version,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    assert updated.starts_at == start
