"""The client's address: X-Forwarded-For counted from the right by the configured number of trusted proxies."""

import pytest
from django.test import RequestFactory

from desabinaan.core.ratelimit import client_ip, client_key


def _request(forwarded=None, remote="10.0.0.1"):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("198.51.100.1")) == "10.0.0.1"


@pytest.mark.parametrize(
    ("forwarded", "hops", "expected"),
    [
        ("203.0.113.9", 1, "203.0.113.9"),
        # The client wrote the leftmost entries; the proxy appended the address it saw.
        ("198.51.100.1, 198.51.100.2, 203.0.113.9", 1, "203.0.113.9"),
        ("198.51.100.1, 203.0.113.9, 192.0.2.7", 2, "203.0.113.9"),
        # Shorter than the hop count: the entry the first trusted proxy wrote.
        ("203.0.113.9", 2, "203.0.113.9"),
        (" 2001:db8::1 ", 1, "2001:db8::1"),
    ],
)
def test_behind_proxies_the_client_is_counted_from_the_right(settings, forwarded, hops, expected):
    settings.TRUSTED_PROXY_COUNT = hops
    assert client_ip(_request(forwarded)) == expected


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "198.51.100.1, garbage"])
def test_a_missing_or_malformed_entry_falls_back_to_the_peer(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(forwarded)) == "10.0.0.1"


def test_a_spoofed_leftmost_value_keeps_the_same_key(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    keys = {client_key(_request(f"198.51.100.{i}, 203.0.113.9"), "x") for i in range(12)}
    assert len(keys) == 1
