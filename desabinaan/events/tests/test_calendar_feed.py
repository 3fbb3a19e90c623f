"""The office's iCalendar feed: protected by a per-office secret in the URL, no personal data in it."""

from desabinaan.events import services
from desabinaan.events.models import OfficeCalendar


def _feed_url(kanim, token=None):
    calendar = services.office_calendar(kanim)
    return f"/sosialisasi/kanim/{kanim.pk}/kalender.ics?token={token or calendar.token}"


def test_it_lists_the_offices_events_without_personal_data(world, client, event, bandung_event):
    services.attendance_record(
        actor=world.ani,
        event=event,
        village=event.village,
        name="Siti Rahasia",
        sex="F",
        birth_year=1990,
        consent=True,
    )
    response = client.get(_feed_url(world.kanim_bkl))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"UID:event-{event.pk}@" in body
    assert "Sosialisasi TPPO" in body
    assert "Sosialisasi Bandung" not in body
    assert "Siti Rahasia" not in body


def test_it_refuses_a_wrong_or_missing_token(world, client, event):
    services.office_calendar(world.kanim_bkl)
    assert client.get(_feed_url(world.kanim_bkl, token="salah")).status_code == 404
    assert client.get(f"/sosialisasi/kanim/{world.kanim_bkl.pk}/kalender.ics").status_code == 404
    other = services.office_calendar(world.kanim_bdg).token
    assert client.get(_feed_url(world.kanim_bkl, token=other)).status_code == 404


def test_rotating_the_token_retires_the_old_url(world, client, event):
    old = _feed_url(world.kanim_bkl)
    services.office_calendar_rotate(actor=world.admin, kanim=world.kanim_bkl)
    assert client.get(old).status_code == 404
    assert client.get(_feed_url(world.kanim_bkl)).status_code == 200


def test_office_staff_see_their_feed_url_on_the_calendar_page(world, login, event):
    page = login(world.fajar).get("/sosialisasi/kalender/").content.decode()
    assert OfficeCalendar.objects.get(kanim=world.kanim_bkl).token in page
    assert "kalender.ics" not in login(world.budi).get("/sosialisasi/kalender/").content.decode()
