"""Fixtures of the quality harness: the demo data set (what `make demo` loads) on the test regions."""

import pytest


@pytest.fixture
def demo(regions):
    """The demo accounts and records; returns the users by username (admin, kanim.bengkulu, desa.tebatmonok, ...)."""
    from desabinaan.accounts.models import User
    from desabinaan.web.demo import demo_seed

    demo_seed()
    return {user.username: user for user in User.objects.all()}
