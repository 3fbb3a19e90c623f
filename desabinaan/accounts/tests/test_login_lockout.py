"""The login lockout is per username and address, with a higher per-username ceiling; attempts count before deciding."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from desabinaan.accounts import services
from desabinaan.accounts.models import LoginFailure
from desabinaan.accounts.services import INVALID_LOGIN, LOCKED_OUT
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def _post(ip, username, password="wrong-password"):
    return Client(REMOTE_ADDR=ip).post(LOGIN, {"username": username, "password": password})


def test_failures_from_one_address_do_not_lock_the_account_for_another(world):
    for _ in range(6):
        _post("198.51.100.66", "budi")
    assert str(LOCKED_OUT) in _post("198.51.100.66", "budi", PASSWORD).content.decode()

    response = _post("203.0.113.9", "budi", PASSWORD)

    assert response.status_code == 302


def test_a_spoofed_forwarded_for_does_not_give_a_fresh_address(world, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for i in range(5):
        Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, 198.51.100.66").post(
            LOGIN, {"username": "budi", "password": "wrong-password"}
        )
    response = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.66").post(
        LOGIN, {"username": "budi", "password": PASSWORD}
    )
    assert str(LOCKED_OUT) in response.content.decode()


def test_failures_spread_over_many_addresses_lock_the_account_for_everyone(world, settings):
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 8
    for i in range(8):
        _post(f"198.51.100.{i}", "budi")

    assert str(LOCKED_OUT) in _post("203.0.113.9", "budi", PASSWORD).content.decode()


def test_a_success_clears_only_its_own_addresss_failures(world):
    for _ in range(3):
        _post("198.51.100.66", "budi")
    _post("203.0.113.9", "budi")

    assert _post("203.0.113.9", "budi", PASSWORD).status_code == 302

    assert LoginFailure.objects.filter(username="budi").count() == 3


def test_the_lock_is_decided_on_counts_that_include_the_attempt(world, rf, monkeypatch, settings):
    """Failures recorded by concurrent attempts between this attempt's count and its check cannot slip by."""
    settings.LOGIN_FAILURE_LIMIT = 5
    request = rf.post(LOGIN, REMOTE_ADDR="198.51.100.66")
    real_record = services.login_failure_record
    others = {"done": False}

    def racing_record(**kwargs):
        if not others["done"]:  # five concurrent attempts are recorded just before this one
            others["done"] = True
            for _ in range(5):
                real_record(**kwargs)
        return real_record(**kwargs)

    monkeypatch.setattr(services, "login_failure_record", racing_record)
    checked = []
    monkeypatch.setattr(services, "authenticate", lambda *a, **k: checked.append(1))

    with pytest.raises(services.ValidationError) as exc:
        services.login_check(request=request, username="budi", password=PASSWORD)

    assert exc.value.code == "locked"
    assert checked == []  # the password was never tried


@pytest.mark.skipif(connection.vendor == "sqlite", reason="concurrent writers need PostgreSQL")
def test_a_concurrent_burst_of_guesses_checks_at_most_the_limit(task_db, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    barrier = threading.Barrier(20)
    results = []

    def attempt():
        try:
            request = type("R", (), {"META": {"REMOTE_ADDR": "198.51.100.66"}})()
            barrier.wait()
            try:
                services.login_check(request=request, username="admin", password="guess")
            except services.ValidationError as exc:
                results.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Each checked guess ends "invalid" or, the one that reaches the limit, "locked"; at most five were checked.
    assert len(results) == 20
    assert LoginFailure.objects.filter(username="admin").count() <= 5
    assert results.count("invalid_login") <= 5


def test_an_unknown_username_answers_like_a_known_one(world):
    assert str(INVALID_LOGIN) in _post("198.51.100.66", "nobody-here").content.decode()
