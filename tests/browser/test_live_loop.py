"""The live loop, as `make run` serves it: a village liaison records three attendances and asks the office a
question; within 10 seconds, with no command run in between, the officer's home shows the question and the Kanim
dashboard shows the three attendances.

The web server and the worker are real processes (`manage.py runserver`, `manage.py worker`) on a database they
share with the test (tests/tasks/engine.py): the database task engine on SQLite, RQ on Redis in CI's PostgreSQL pass.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from desabinaan.events import services as events
from desabinaan.events.models import TargetGroup, Topic
from desabinaan.program.models import DesaBinaan
from tests.personas import verified_login
from tests.tasks.engine import engine_env, free_port, stop, web_server, worker

from .conftest import PHONE, TIMEOUT_MS

pytestmark = [pytest.mark.tasks, pytest.mark.slow]
LIVE_WITHIN_S = 10
QUESTION = "Apakah paspor untuk bekerja di Malaysia bisa dibuat di kantor kecamatan?"


@pytest.fixture
def stack(task_db, world, tmp_path):
    """An event in Tebat Monok, signed-in sessions for budi and ani, then the web server and one worker."""
    now = timezone.now()
    event = events.event_create(
        actor=world.ani, title="Sosialisasi migrasi aman", village=world.tebat_monok,
        starts_at=now - dt.timedelta(minutes=30), ends_at=now + dt.timedelta(hours=2),
        target_groups=TargetGroup.objects.filter(code="umum"), topics=Topic.objects.filter(code="tppo"),
    )  # fmt: skip
    sessions = {
        name: verified_login(Client(), getattr(world, name))
        .cookies[django_settings.SESSION_COOKIE_NAME]
        .value
        for name in ("budi", "ani")
    }
    env, _query = engine_env(tmp_path)
    port = free_port()
    server = web_server(env, port)
    running = worker(env)
    yield {
        "url": f"http://127.0.0.1:{port}",
        "event": event,
        "sessions": sessions,
        "village": DesaBinaan.objects.get(village=world.tebat_monok),
        "kanim": world.kanim_bkl,
    }
    stop(server, running)


def _page(browser, stack, who: str):
    context = browser.new_context(viewport=PHONE, locale="id-ID", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": stack["sessions"][who], "url": stack["url"]}]
    )
    return context.new_page()


def _within(seconds: float, check) -> float:
    """Reload-and-look until `check()` holds; the seconds it took (fails after `seconds`)."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > seconds:
            pytest.fail(f"not visible within {seconds} s")
        time.sleep(0.5)
    return time.monotonic() - started


def test_a_village_record_reaches_the_office_inbox_and_the_kanim_dashboard_within_10_seconds(browser, stack):
    url = stack["url"]
    budi = _page(browser, stack, "budi")
    budi.goto(f"{url}/sosialisasi/{stack['event'].pk}/hadir/")
    status = budi.locator("[data-sync-status]")
    for i, name in enumerate(["Siti Aminah", "Rudi Hartono", "Wati Lestari"]):
        budi.locator("input[name=name]").fill(name)
        budi.get_by_label("Perempuan", exact=True).check()
        budi.locator("input[name=birth_year]").fill(str(1990 + i))
        budi.locator("input[name=consent]").check()
        budi.get_by_role("button", name="Simpan kehadiran").click()
        status.locator("[data-synced-count]").filter(has_text=str(i + 1)).wait_for()

    budi.goto(f"{url}/desa-binaan/{stack['village'].pk}/pertanyaan/baru/")
    budi.locator("select[name=topic]").select_option(index=1)
    budi.locator("textarea[name=text]").fill(QUESTION)
    budi.get_by_role("button", name="Simpan").click()
    budi.wait_for_url(f"{url}/desa-binaan/{stack['village'].pk}/")
    written_at = time.monotonic()

    ani = _page(browser, stack, "ani")
    inbox_card = ani.locator("[data-kind=questions_unanswered] .stat")

    def question_in_inbox() -> bool:
        ani.goto(f"{url}/beranda/")
        return inbox_card.count() == 1 and inbox_card.inner_text() == "1"

    _within(LIVE_WITHIN_S, question_in_inbox)
    ani.locator("[data-kind=questions_unanswered] a").click()
    ani.get_by_role("link", name=stack["village"].village.name).first.click()
    assert QUESTION in ani.content()

    figure = ani.locator("[data-figure=attendances] .stat")

    def attendances_on_dashboard() -> bool:
        ani.goto(f"{url}/dasbor/?scope=kanim:{stack['kanim'].pk}")
        return figure.count() == 1 and figure.inner_text() == "3"

    _within(LIVE_WITHIN_S - (time.monotonic() - written_at), attendances_on_dashboard)
    assert ani.locator("[data-freshness] time").count() == 1
    assert ani.locator("[data-pending]").count() == 0, "no change is still waiting once the figure is there"
