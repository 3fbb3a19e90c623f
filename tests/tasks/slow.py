"""A task for the engine tests that takes a known time, so two polling workers must both take a share of a queue.

Real refreshes take milliseconds: on a busy two-core machine one worker could drain 24 of them before the other's
next poll, and the test would prove nothing about sharing. Each job here holds its lease for STEP_SECONDS.
"""

from __future__ import annotations

import time

from django_tasks import task

from desabinaan.jobs.services import job_execute

STEP_SECONDS = 0.4


def _hold(job, progress) -> dict:
    time.sleep(STEP_SECONDS)
    progress(1, 1)
    return {"slept": STEP_SECONDS}


@task()
def slow_job(job_id: int) -> dict:
    return job_execute(job_id=job_id, handler=_hold)
