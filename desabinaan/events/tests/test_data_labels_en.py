"""Target groups and topics are data with an English label: English pages show them in English (issue 14)."""

import pytest
from django.conf import settings
from django.urls import reverse

from desabinaan.events import services
from desabinaan.events.models import TargetGroup, Topic

from .conftest import attendee


def _in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize("model", [TargetGroup, Topic])
def test_every_shipped_group_and_topic_has_an_english_label(db, model):
    missing = list(model.objects.filter(active=True, label_en="").values_list("code", flat=True))
    assert missing == []


def test_the_event_page_in_english_names_groups_and_topics_in_english(world, login, event):
    services.attendance_record(
        actor=world.ani,
        event=event,
        village=world.tebat_monok,
        target_group=TargetGroup.objects.get(code="umum"),
        **attendee(),
    )
    html = _in_english(login(world.ani)).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "General public: 1" in html  # the attendance count per group
    assert "Trafficking in persons and migrant smuggling" in html
    assert "Masyarakat umum" not in html and "TPPO dan TPPM" not in html


def test_the_event_page_in_indonesian_keeps_the_indonesian_labels(world, login, event):
    html = login(world.ani).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Masyarakat umum" in html and "TPPO dan TPPM" in html
    assert "General public" not in html


def test_the_event_list_filters_read_in_english(world, login, event):
    html = _in_english(login(world.ani)).get(reverse("events:list")).content.decode()
    assert ">Where to report</option>" in html
    assert ">Village officials</option>" in html


def test_a_group_without_a_translation_falls_back_to_indonesian(world, login, event):
    group = TargetGroup.objects.create(code="nelayan", label="Nelayan", order=99)
    services.attendance_record(
        actor=world.ani, event=event, village=world.tebat_monok, target_group=group, **attendee()
    )
    html = _in_english(login(world.ani)).get(reverse("events:attendance", args=[event.pk])).content.decode()
    assert "Nelayan" in html
