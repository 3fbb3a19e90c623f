import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The demo seed and the personas hash a dozen passwords per test; PBKDF2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
