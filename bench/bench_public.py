"""Public pages against an empty Django view on the same server (issue 15; `make bench`, or `python bench/run.py public`).

gunicorn (2 sync workers, DEBUG off, 127.0.0.1 only) over a copy of the demo database (`make demo`; another file with
BENCH_DEMO_DB) with one extra URL, /bench-empty/, answering an empty HttpResponse through the full middleware stack.
8 client threads loop on keep-alive connections for BENCH_PUBLIC_SECONDS (default 10) per page after a warm-up of
3 s, then five interleaved slices of the empty view and the page (the machine is shared: both see the same
load); each thread cycles through the page's URLs (several answer sets, several village queries). Anonymous
visitors without cookies, as a villager's first visit. Prints each page's req/s, its ratio to the empty view and the
goal (60 % for the pages, 40 % for the village search API).
"""

from __future__ import annotations

import http.client
import itertools
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench" / "load"))
import server as load_server  # noqa: E402  (bench/load/server.py, a script directory)

SECONDS = float(os.environ.get("BENCH_PUBLIC_SECONDS", "10"))
THREADS = 8
ROUNDS = 5
GUIDE_ANSWERS = [
    {"purpose": "tourism", "case": "new", "age": "30", "product": "passport", "validity_years": "10"},
    {"purpose": "work", "case": "new", "age": "24", "product": "migrant_worker_first", "validity_years": "5"},
    {"purpose": "tourism", "case": "lost", "age": "16", "product": "epassport", "validity_years": "5"},
    {"purpose": "umrah_hajj", "case": "damaged", "age": "51", "product": "passport", "validity_years": "10"},
]
PAGES = [
    ("empty view", ["/bench-empty/"], None),
    ("guide result", ["/paspor/?" + urlencode({**a, "on": "2026-12-03"}) for a in GUIDE_ANSWERS], 0.60),
    ("guide form", ["/paspor/", "/paspor/?village=17.08.04.2002"], 0.60),
    ("home page", ["/"], 0.60),
    ("public directory", ["/desa-binaan/direktori/"], 0.60),
    ("public statistics", ["/statistik/"], 0.60),
    (
        "village search API",
        [f"/api/v1/regions/villages?q={q}" for q in ("tebat", "urai", "17.08.04", "sukajadi", "bandung")],
        0.40,
    ),
]


def _load(port: int, paths: list[str], seconds: float) -> tuple[float, int, int]:
    """(requests per second, answers other than 200, requests) over `seconds` with THREADS keep-alive clients."""
    stop = time.perf_counter() + seconds
    counts, errors = [0] * THREADS, [0] * THREADS

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for path in itertools.islice(itertools.cycle(paths), i, None):
            if time.perf_counter() >= stop:
                break
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    counts[i] += 1
                else:
                    errors[i] += 1
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return sum(counts) / elapsed, sum(errors), sum(counts) + sum(errors)


def main() -> None:
    if os.environ.get("BENCH_DEMO_DB"):
        load_server.DEMO_DB = Path(os.environ["BENCH_DEMO_DB"])
    extra = Path(tempfile.mkdtemp(prefix="bench-public-"))
    (extra / "bench_public_urls.py").write_text(
        "from django.http import HttpResponse\nfrom django.urls import path\n"
        "from desabinaan.urls import urlpatterns as _base\n\n"
        "def empty(request):\n    return HttpResponse('')\n\n"
        "urlpatterns = [path('bench-empty/', empty)] + _base\n"
    )
    (extra / "bench_public_settings.py").write_text(
        "from desabinaan.settings import *  # noqa\nROOT_URLCONF = 'bench_public_urls'\n"
    )
    saved = {name: os.environ.get(name) for name in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_public_settings"
    os.environ["PYTHONPATH"] = f"{extra}:{ROOT}"
    try:
        with load_server.running_server(workers=2) as server:
            port = int(server.url.rsplit(":", 1)[1])
            print(
                f"gunicorn 2 workers on {server.url}, {THREADS} keep-alive client threads, {SECONDS:.0f} s a page"
            )
            print(f"{'page':20s} {'req/s':>9s} {'empty':>9s} {'ratio':>7s} {'goal':>5s}  requests  non-200")
            empty = PAGES[0][1]
            for name, paths, goal in PAGES[1:]:
                _load(port, paths, min(SECONDS, 3.0))  # warm-up: imports, templates, caches
                page_n = empty_n = errors = 0
                page_s = empty_s = 0.0
                # Interleaved slices: the machine is shared, so the page and the empty view see the same load.
                for _ in range(ROUNDS):
                    rate, bad, total = _load(port, empty, SECONDS / ROUNDS)
                    empty_n, empty_s = empty_n + rate * SECONDS / ROUNDS, empty_s + SECONDS / ROUNDS
                    rate, bad, total = _load(port, paths, SECONDS / ROUNDS)
                    page_n, page_s, errors = page_n + total, page_s + SECONDS / ROUNDS, errors + bad
                rate, empty_rate = page_n / page_s, empty_n / empty_s
                ratio = rate / empty_rate if empty_rate else 0.0
                verdict = " ok" if ratio >= goal else " BELOW"
                print(
                    f"{name:20s} {rate:9.1f} {empty_rate:9.1f} {ratio:7.1%} {goal:5.0%}  {page_n:8d}  {errors:7d}"
                    f"{verdict}",
                    flush=True,
                )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


if __name__ == "__main__":
    main()
