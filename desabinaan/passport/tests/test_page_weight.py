"""The public guide must load fast on a village phone connection: ≤ 50 KB compressed, no third-party request."""

import gzip
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

BUDGET = 50 * 1024
RESULT = {
    "purpose": "work",
    "case": "lost",
    "birth_date": "2009-01-01",
    "electronic": "1",
    "validity_years": "10",
}


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img") and attrs.get("src"):
            self.urls.append((tag, attrs["src"]))
        if tag == "link" and attrs.get("href"):
            self.urls.append((tag, attrs["href"]))


def _weigh(client, path):
    response = client.get(path)
    assert response.status_code == 200
    parser = _Assets()
    parser.feed(response.content.decode())
    sizes = {"html": len(gzip.compress(response.content))}
    for tag, url in parser.urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, f"third-party {tag}: {url}"
        if tag == "img" or not url.endswith((".css", ".js")):
            continue
        found = finders.find(parts.path.removeprefix(settings.STATIC_URL))
        assert found, url
        sizes[url] = len(gzip.compress(Path(found).read_bytes()))
    return sizes


def test_the_first_load_weighs_at_most_50_kb_compressed(client, db):
    sizes = _weigh(client, "/paspor/")
    assert any(url.endswith(".css") for url in sizes)
    assert sum(sizes.values()) <= BUDGET, sizes


def test_a_full_result_stays_within_the_budget(client, db):
    assert sum(_weigh(client, "/paspor/?" + urlencode(RESULT)).values()) <= BUDGET


def test_the_print_view_stays_within_the_budget(client, db):
    assert sum(_weigh(client, "/paspor/?" + urlencode(RESULT | {"print": "1"})).values()) <= BUDGET
