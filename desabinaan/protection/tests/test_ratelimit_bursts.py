"""Public report limits hold against spoofed X-Forwarded-For values and concurrent bursts."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from desabinaan.protection import ratelimit

STATUS_URL = "/api/v1/reports/status"
GUESS = {"receipt_code": "LPR-AAAA-AAAA", "passphrase": "x"}


def _guess(client, forwarded, data=GUESS):
    return client.post(
        STATUS_URL,
        data,
        content_type="application/json",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    ).status_code


def _behind_one_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # BEHIND_PROXY=1
    settings.TRUSTED_PROXY_COUNT = 1


def test_spoofed_leftmost_forwarded_for_values_are_held_to_the_limit(world, settings):
    _behind_one_proxy(settings)
    client = Client()
    codes = [_guess(client, f"198.51.100.{i}, 203.0.113.9") for i in range(12)]
    assert codes == [404] * 5 + [429] * 7


def test_the_address_the_proxy_saw_is_limited_on_its_own(world, settings):
    _behind_one_proxy(settings)
    client = Client()
    for _ in range(5):
        _guess(client, "203.0.113.9")
    assert _guess(client, "198.51.100.1, 203.0.113.9") == 429
    assert _guess(client, "203.0.113.9, 192.0.2.44") == 404


def test_a_right_passphrase_does_not_use_up_an_attempt(world, report):
    client = Client()
    right = {"receipt_code": report.report.receipt_code, "passphrase": report.passphrase}
    codes = [
        client.post(STATUS_URL, right, content_type="application/json", REMOTE_ADDR="203.0.113.9").status_code
        for _ in range(8)
    ]
    assert codes == [200] * 8


def test_the_decision_uses_the_count_of_its_own_hit(world, rf, monkeypatch):
    """Hits counted by others between this request's check and its count can no longer slip through."""
    limit, _ = ratelimit.limits("report_status_failure")
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    real_count_hit = ratelimit.count_hit
    others = {"done": False}

    def racing_count_hit(model, **kwargs):
        if not others["done"]:  # `limit` concurrent requests are counted first
            others["done"] = True
            for _ in range(limit):
                real_count_hit(model, **kwargs)
        return real_count_hit(model, **kwargs)

    monkeypatch.setattr(ratelimit, "count_hit", racing_count_hit)
    assert ratelimit.allow(request, "report_status_failure") is False


@pytest.mark.skipif(connection.vendor == "sqlite", reason="concurrent writers need PostgreSQL")
def test_a_concurrent_burst_is_held_to_the_limit(task_db, settings):
    limit, _ = ratelimit.limits("report_status_failure")
    barrier = threading.Barrier(20)
    results = []

    def attempt():
        try:
            request = type("R", (), {"META": {"REMOTE_ADDR": "203.0.113.9"}})()
            barrier.wait()
            results.append(ratelimit.allow(request, "report_status_failure"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == limit
