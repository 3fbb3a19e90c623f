"""The office calendar feed (iCalendar) that calendar apps subscribe to with the secret URL."""

from __future__ import annotations

import datetime as dt
import hmac

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from . import selectors
from .models import Event, OfficeCalendar

# How far back the feed reaches: calendar apps keep what they saw, so recent history is enough.
FEED_HISTORY = dt.timedelta(days=90)


def calendar_feed(request, kanim_id: int):
    """iCalendar of an office's events: the token in the URL is the only key (calendar apps cannot log in).

    No personal data: title, place, time, topics and status only.
    """
    calendar = OfficeCalendar.objects.filter(kanim_id=kanim_id).select_related("kanim").first()
    token = request.GET.get("token", "")
    if calendar is None or not hmac.compare_digest(calendar.token, token):
        raise Http404
    now = timezone.now()
    host = request.get_host().split(":")[0]
    feed = Calendar.new(
        prodid="-//Desa Binaan Imigrasi//Sosialisasi//ID",
        calscale="GREGORIAN",
        name=_("Sosialisasi") + " — " + calendar.kanim.name,
        # Stable across fetches so subscribers see one calendar, not a new one per refresh.
        uid=f"kanim-{kanim_id}@{host}",
    )
    for event in selectors.office_feed_events(kanim_id=kanim_id, since=now - FEED_HISTORY):
        feed.add_component(
            CalendarEvent.new(
                uid=f"event-{event.pk}@{host}",
                stamp=now,
                start=event.starts_at,
                end=event.ends_at,
                summary=event.title,
                location=", ".join(
                    p for p in (event.venue, event.village.name, event.village.regency.name) if p
                ),
                description=", ".join(t.label for t in event.topics.all()),
                status="TENTATIVE" if event.status == Event.Status.PLANNED else "CONFIRMED",
            )
        )
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
