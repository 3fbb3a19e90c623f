"""The demo accounts' password: set by seed_demo, shown on the login page in demo mode, used by the load test.

No model imports, so bench/ (outside Django's setup) reads the same constant.
"""

from django.conf import settings

# Documented in the README; DEMO_PASSWORD in the environment replaces it.
DEFAULT_PASSWORD = "desabinaan-demo"


def demo_password() -> str:
    return getattr(settings, "DEMO_PASSWORD", "") or DEFAULT_PASSWORD
