"""Test configuration shared by every app: fixed keys, plain HTTP, and the named personas."""

import pytest

pytest_plugins = ["tests.personas"]


def pytest_addoption(parser):
    # Registered here (not in tests/browser/conftest.py) so `make screenshots` can pass it from the repo root.
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="browser tests save PNGs of the main pages to docs/screenshots/",
    )


@pytest.fixture(autouse=True)
def _static_without_manifest(settings):
    """Tests render pages without running collectstatic first, so there is no hashed-name manifest to read."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test rolls its database back, generation counters included: a page cached by an earlier test must not
    answer in the next one (core.cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A test that asked for English (client request, `translation.activate`) leaves it active in this thread; every
    test starts and ends in the default language, so the order tests run in never changes a label."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The personas' passwords are hashed per test; the production hasher's slowness is its point, not ours."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The test database's serialized contents (rows loaded by data migrations), kept from the moment the database is
# created. Django stores them on the connection wrapper, which is context-local: Playwright's sync API (greenlets)
# can leave the test thread with a fresh wrapper without them, and serialized rollback would then restore nothing.
SERIALIZED_CONTENTS: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connections

    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents is not None:
        SERIALIZED_CONTENTS["default"] = contents


@pytest.fixture
def jobs_run_at_once(monkeypatch):
    """Long tasks start as if their request had committed already (tests run inside one transaction that never
    commits); with the suite's immediate task engine a job has finished when `job_start` returns."""
    from desabinaan.jobs import services

    monkeypatch.setattr(services, "_after_commit", lambda func: func())


@pytest.fixture
def _serialized_contents_attached(django_db_setup):
    from django.db import connections

    if "default" in SERIALIZED_CONTENTS:
        connections["default"]._test_serialized_contents = SERIALIZED_CONTENTS["default"]


@pytest.fixture
def task_db(_serialized_contents_attached, django_db_serialized_rollback, transactional_db):
    """For tests whose worker or server processes must see the test's rows: a transactional database (rows are
    committed) with the data-migration rows restored first (serialized rollback, see SERIALIZED_CONTENTS)."""
