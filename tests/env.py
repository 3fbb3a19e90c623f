"""Environment for the test run, loaded as a pytest plugin (`-p tests.env`) before pytest-django reads settings.

Fixed, test-only keys (never used outside the test run) and plain HTTP, so a developer's var/.env doesn't matter.
"""

import os

os.environ["NIK_ENCRYPTION_KEYS"] = "dGVzdC1rZXktZm9yLXRlc3RzLW9ubHktMDAwMDAwMDA="
os.environ["NIK_HASH_KEY"] = "test-hash-key-for-tests-only-0123456789abcdef"
os.environ["SECRET_KEY"] = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
os.environ["HTTPS"] = "0"
os.environ["DEMO_MODE"] = "0"
os.environ["DEBUG"] = "0"
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Tasks run at enqueue in tests; tests of the engine itself (marker `tasks`) switch to the backend named by
# TASKS_UNDER_TEST ("database" by default, "rq" in CI's PostgreSQL pass).
os.environ["TASK_BACKEND"] = "immediate"
