"""Test configuration shared by every app: fixed keys, plain HTTP, and the named personas."""

import os

# Fixed, test-only keys (never used outside the test run); set before Django reads its settings.
os.environ["NIK_ENCRYPTION_KEYS"] = "dGVzdC1rZXktZm9yLXRlc3RzLW9ubHktMDAwMDAwMDA="
os.environ["NIK_HASH_KEY"] = "test-hash-key-for-tests-only-0123456789abcdef"
os.environ["SECRET_KEY"] = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
os.environ["HTTPS"] = "0"
os.environ["DEMO_MODE"] = "0"
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API runs an event loop in-thread.

pytest_plugins = ["tests.personas"]
