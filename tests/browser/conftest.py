"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Every test here is marked `browser`. The `page` (phone) and `desktop_page` fixtures fail the test when the page asks
any host other than the live server for anything, logs a console error, or trips the Content Security Policy.
Browsers cannot be downloaded where this runs, so Playwright launches the system Chromium (`make chromium`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.personas import verified_login

HERE = Path(__file__).resolve().parent
SCREENSHOT_DIR = HERE.parents[1] / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# Playwright's default is 30 s; a local page that needs more than this is a bug worth failing on.
TIMEOUT_MS = 5_000

PROBLEMS = pytest.StashKey[list]()

# Runs in every page before its own scripts: report CSP violations as console errors, which the fixture collects.
REPORT_CSP = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + e.blockedURI);
});
"""


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _keep_serialized_contents(django_db_setup, browser):
    """Re-attach the serialized contents saved at database creation (see SERIALIZED_CONTENTS in the root conftest)
    to the current connection wrapper. Runs before `_restore_migration_data` (autouse fixtures run in order), and
    after the browser has started: starting Playwright switches greenlets and leaves a fresh connection wrapper, so
    the first browser test after another transactional test would otherwise restore nothing."""
    from django.db import connections

    from conftest import SERIALIZED_CONTENTS

    if "default" in SERIALIZED_CONTENTS:
        connections["default"]._test_serialized_contents = SERIALIZED_CONTENTS["default"]


@pytest.fixture(autouse=True)
def _restore_migration_data(django_db_serialized_rollback):
    """Every browser test is transactional: the flush after it removes the rows data migrations load (passport
    rules, program criteria, screening indicators, quiz bank). Serialized rollback puts them back before each test,
    including tests that open their own browser context."""


@pytest.fixture(autouse=True)
def _migration_rows_present(_restore_migration_data, transactional_db):
    """Safety net: after some non-browser transactional tests (task-engine tests whose work runs in the test
    thread) serialized rollback was seen to restore nothing for the next browser test; load the saved rows then."""
    from django.db import connections

    from conftest import SERIALIZED_CONTENTS
    from desabinaan.program.models import SelectionCriterion

    if "default" in SERIALIZED_CONTENTS and not SelectionCriterion.objects.exists():
        connections["default"].creation.deserialize_db_from_string(SERIALIZED_CONTENTS["default"])


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_context(browser: Browser, live_server, request, viewport) -> BrowserContext:
    # Contexts ask for django_db_serialized_rollback: live-server tests are transactional and the flush after each
    # one removes the rows data migrations load (passport rules, program criteria); each test gets them back.
    problems: list[str] = request.node.stash.setdefault(PROBLEMS, [])
    origin = live_server.url.rstrip("/")
    context = browser.new_context(
        viewport=viewport,
        locale="id-ID",
        base_url=origin,
        service_workers="block",
        extra_http_headers={"Accept-Language": "id"},
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(REPORT_CSP)

    def only_live_server(route):
        url = route.request.url
        if url == origin or url.startswith(origin + "/"):
            route.continue_()
        else:
            problems.append(f"request to another host: {url}")
            route.abort()

    context.route("**/*", only_live_server)

    def on_page(page: Page) -> None:
        page.on(
            "console",
            lambda msg: msg.type == "error" and problems.append(f"console error on {page.url}: {msg.text}"),
        )
        page.on("pageerror", lambda exc: problems.append(f"script error on {page.url}: {exc}"))

    context.on("page", on_page)
    return context


@pytest.fixture
def phone_context(browser, live_server, request, django_db_serialized_rollback):
    context = _new_context(browser, live_server, request, PHONE)
    yield context
    context.close()


@pytest.fixture
def desktop_context(browser, live_server, request, django_db_serialized_rollback):
    context = _new_context(browser, live_server, request, DESKTOP)
    yield context
    context.close()


@pytest.fixture
def page(phone_context) -> Page:
    """A phone-sized page (360×740): most village users are on phones."""
    return phone_context.new_page()


@pytest.fixture
def desktop_page(desktop_context) -> Page:
    return desktop_context.new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    # Checked after the test body (not in fixture teardown) so a stray request fails the test itself.
    result = yield
    problems = item.stash.get(PROBLEMS, [])
    if problems:
        pytest.fail("The page misbehaved:\n" + "\n".join(problems), pytrace=False)
    return result


@pytest.fixture
def sign_in(live_server, browser):
    """`sign_in(page, user)`: a session for `user` (two-factor verified) placed in the page's browser context.

    For tests about what a signed-in user sees; the login flow itself is tested through the real form. Requests a
    page started after loading (htmx `hx-trigger="load"`, e.g. the person timeline) end first: the live server
    shares this thread's in-memory SQLite connection, and a session written while one of them still reads fails
    with "cannot commit transaction - SQL statements in progress".
    """

    def _sign_in(page: Page, user) -> Page:
        for context in browser.contexts:
            for open_page in context.pages:
                open_page.wait_for_load_state("networkidle")
        client = verified_login(Client(), user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url, "httpOnly": True}]
        )
        return page

    return _sign_in


@pytest.fixture
def screenshot(request):
    """`screenshot(page, name)` saves docs/screenshots/<name>.png when pytest runs with --screenshots."""
    enabled = request.config.getoption("--screenshots")

    def _screenshot(page: Page, name: str) -> None:
        if enabled:
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True)

    return _screenshot
