"""The cluster's load mix: bench/load/locustfile.py's users plus dashboard readers and a registrar that writes.

- StatsReader: an office user reading /dasbor/ and the summary API (the reads the router sends to the replica).
- Registrar: registers persons through POST /api/v1/people, each with a name unique to this run, and writes every
  acknowledged (201) name to CLUSTER_WRITES_FILE, so the run can check afterwards that none was lost.

Only the host given with --host (the loopback load balancer) is called.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "load"))

from locustfile import Integration, Officer, Resident  # noqa: E402, F401 (users of the mix)

TOKEN = os.environ.get("LOAD_TOKEN", "")
RUN = os.environ.get("CLUSTER_RUN", uuid.uuid4().hex[:8])
VILLAGE = os.environ.get("CLUSTER_VILLAGE", "17.08.04.2002")
WRITES_FILE = os.environ.get("CLUSTER_WRITES_FILE", "")
acknowledged: list[str] = []


class StatsReader(HttpUser):
    """An office user on the stats dashboard page (signed in like Officer) and the summary API (token)."""

    weight = 2
    wait_time = between(1, 2)

    def on_start(self):
        Officer.on_start(self)

    @task(2)
    def dashboard_page(self):
        with self.client.get(
            "/dasbor/", name="/dasbor/ (stats dashboard, replica)", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task(2)
    def summary_api(self):
        self.client.get(
            "/api/v1/stats/summary",
            headers={"Authorization": f"Bearer {TOKEN}"},
            name="/api/v1/stats/summary (replica)",
        )


class Registrar(HttpUser):
    weight = 1
    wait_time = between(0.5, 1)

    @task
    def register(self):
        name = f"Beban Klaster {RUN} {uuid.uuid4().hex[:10]}"
        with self.client.post(
            "/api/v1/people",
            json={"name": name, "birth_year": 1990, "sex": "F", "village_code": VILLAGE},
            headers={"Authorization": f"Bearer {TOKEN}"},
            name="POST /api/v1/people (write)",
            catch_response=True,
        ) as response:
            if response.status_code == 201:
                acknowledged.append(name)
            else:
                response.failure(f"status {response.status_code}: {response.text[:200]}")


@events.test_stop.add_listener
def _save(**_kwargs):
    if WRITES_FILE:
        Path(WRITES_FILE).write_text("\n".join(acknowledged))
