"""Load mix for `make load` / `make soak` (run by bench/load/run.py against a loopback gunicorn).

Weights approximate a working day: residents read the public pages (home, passport guide results, agency check),
village and office staff look up villages, open their dashboard and the person list, and integrations read the
people API with a token. Only the host given with --host (127.0.0.1) is ever called.
"""

from __future__ import annotations

import os
import random
import re
from urllib.parse import urlencode

from locust import HttpUser, between, task

from desabinaan.accounts.demo import DEFAULT_PASSWORD

OFFICER = os.environ.get("LOAD_OFFICER", "kanim.bengkulu")
PASSWORD = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
TOKEN = os.environ.get("LOAD_TOKEN", "")
GUIDE_ANSWERS = [
    {
        "purpose": "work",
        "case": "new",
        "birth_date": "1998-03-14",
        "electronic": "1",
        "validity_years": "10",
    },
    {
        "purpose": "tourism",
        "case": "lost",
        "birth_date": "2009-01-01",
        "electronic": "0",
        "validity_years": "5",
    },
    {
        "purpose": "umrah_hajj",
        "case": "damaged",
        "birth_date": "1975-06-30",
        "electronic": "0",
        "validity_years": "10",
    },
]
VILLAGE_QUERIES = ["tebat", "urai", "17.08.04", "kampung", "sukajadi", "bandung"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Resident(HttpUser):
    """An anonymous visitor on a phone: public pages and public API."""

    weight = 3
    wait_time = between(1, 3)

    @task(4)
    def home(self):
        self.client.get("/", name="/ (home)")

    @task(3)
    def passport_guide_result(self):
        answers = random.choice(GUIDE_ANSWERS)
        self.client.get("/paspor/?" + urlencode(answers), name="/paspor/?… (guide result)")

    @task(3)
    def region_search_api(self):
        q = random.choice(VILLAGE_QUERIES)
        self.client.get(f"/api/v1/regions/villages?q={q}", name="/api/v1/regions/villages?q=…")

    @task(1)
    def agency_check(self):
        # Rate-limited per client address by design; every simulated user shares 127.0.0.1, so 429 is expected.
        with self.client.get(
            "/api/v1/agencies?q=karya", name="/api/v1/agencies?q=… (200 or 429)", catch_response=True
        ) as response:
            if response.status_code in (200, 429):
                response.success()


class Officer(HttpUser):
    """A signed-in office user (demo account, two-factor relaxed by DEMO_MODE) on the officer pages."""

    weight = 2
    wait_time = between(2, 5)

    def on_start(self):
        page = self.client.get("/akun/masuk/", name="/akun/masuk/ (login form)")
        token = CSRF.search(page.text)
        self.client.post(
            "/akun/masuk/",
            data={
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": OFFICER,
                "password": PASSWORD,
            },
            headers={"Referer": self.host + "/akun/masuk/"},
            name="/akun/masuk/ (login)",
        )

    def _signed_in_page(self, path: str, name: str) -> None:
        # A redirect here means the session was lost (to the login page): count it as a failure, not a success.
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task(3)
    def dashboard(self):
        self._signed_in_page("/beranda/", "/beranda/ (dashboard)")

    @task(3)
    def person_list(self):
        self._signed_in_page("/orang/", "/orang/ (person list)")

    @task(1)
    def region_search_page(self):
        self.client.get("/wilayah/?q=tebat", name="/wilayah/?q=… (region search)")


class Integration(HttpUser):
    """A system reading the people API with a Bearer token."""

    weight = 1
    wait_time = between(1, 2)

    @task
    def people_api(self):
        self.client.get(
            "/api/v1/people?limit=20",
            headers={"Authorization": f"Bearer {TOKEN}"},
            name="/api/v1/people (Bearer)",
        )
