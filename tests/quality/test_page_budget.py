"""Every public page's first load is at most 50 KB compressed and asks no other host for anything.

First load = the HTML plus every same-origin stylesheet, script, image and icon it references (and what the
stylesheets reference with url()), each gzip-compressed, summed. Public pages are discovered by walking the URL
resolver, plus the registry's public pages with a query or arguments (tests/quality/pages.py).
"""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from .pages import discover_public_pages, main_pages

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class _References(HTMLParser):
    """URLs the browser fetches while loading the page (not links the user may follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower()
            if any(word in rel for word in ("stylesheet", "icon", "preload", "modulepreload", "manifest")):
                self.urls.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])


def _static_bytes(path: str) -> bytes:
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{path} is referenced but not a static file"
    return Path(found).read_bytes()


def weigh(client, url: str) -> tuple[dict[str, int], list[str]]:
    """({resource: compressed bytes}, [third-party URLs]) for the first load of `url`."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    sizes = {url: len(gzip.compress(response.content))}
    third_party: list[str] = []
    parser = _References()
    parser.feed(response.content.decode())
    pending = [(url, ref) for ref in parser.urls]
    while pending:
        base, ref = pending.pop()
        if ref.startswith("data:"):
            continue
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            third_party.append(ref)
            continue
        path = urlsplit(urljoin(base, ref)).path
        if path in sizes:
            continue
        if path.startswith(settings.STATIC_URL):
            content = _static_bytes(path)
        else:
            fetched = client.get(path)
            assert fetched.status_code == 200, f"{path} (from {url}) answered {fetched.status_code}"
            content = fetched.content
        sizes[path] = len(gzip.compress(content))
        if path.endswith(".css"):
            pending += [(path, found) for found in CSS_URL.findall(content.decode())]
    return sizes, third_party


def _public_urls(client) -> list[str]:
    urls = discover_public_pages(client)
    urls += [url for _, url in main_pages(public=True) if url not in urls]
    return urls


def test_every_public_page_loads_within_50_kb_without_third_party_requests(client, demo):
    urls = _public_urls(client)
    # Guards the discovery itself: it must find at least the home page, the passport guide and the login page.
    assert {"/", "/paspor/", "/akun/masuk/"} <= set(urls), urls
    over, foreign = {}, {}
    for url in urls:
        sizes, third_party = weigh(client, url)
        if sum(sizes.values()) > BUDGET:
            over[url] = (sum(sizes.values()), sizes)
        if third_party:
            foreign[url] = third_party
    assert not foreign, f"pages that ask another host: {foreign}"
    assert not over, f"pages over {BUDGET} bytes compressed: {over}"


def test_the_weighing_counts_stylesheets_and_scripts(client, demo):
    # Guards the test above: a page that references the shared CSS and JS weighs more than its HTML alone.
    sizes, _ = weigh(client, "/")
    assert any(path.endswith(".css") for path in sizes), sizes
    assert any(path.endswith(".js") for path in sizes), sizes
