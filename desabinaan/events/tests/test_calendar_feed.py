"""The office's iCalendar feed: protected by a per-office secret in the URL, no personal data in it."""

from icalendar import Calendar

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
    feed = Calendar.from_ical(response.content)
    assert [item["UID"].split("@")[0] for item in feed.walk("VEVENT")] == [f"event-{event.pk}"]
    (item,) = feed.walk("VEVENT")
    assert item["SUMMARY"] == event.title and "Sosialisasi TPPO" in event.title
    assert item.start == event.starts_at.replace(microsecond=0) and item.end == event.ends_at.replace(
        microsecond=0
    )
    assert item["STATUS"] == "TENTATIVE"
    assert world.kanim_bkl.name in feed["X-WR-CALNAME"]
    assert "Siti Rahasia" not in response.content.decode()


def test_it_escapes_text_and_folds_long_lines(world, client, event):
    title = "Sosialisasi TPPO; jalur resmi, paspor \\ visa" + " panjang" * 12
    services.event_update(actor=world.ani, event=event, version=event.version, title=title)
    response = client.get(_feed_url(world.kanim_bkl))
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    # RFC 5545: lines of at most 75 octets, CRLF ends.
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    (item,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert item["SUMMARY"] == title


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
