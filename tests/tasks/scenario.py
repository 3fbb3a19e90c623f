"""Steps of the killed-worker scenario, each run in its own process against a real database (see test_killed_worker).

    python -m tests.tasks.scenario setup ROWS   → prints {"job_id", "event_id", "upload"} after enqueueing an import
    python -m tests.tasks.scenario verify JOB   → prints the database's own account of what the import wrote
    python -m tests.tasks.scenario refresh_jobs N → prints {"job_ids"} of N queued one-village refreshes
    python -m tests.tasks.scenario slow_jobs N → prints {"job_ids"} of N queued jobs that each take 0.4 s

The environment names the database (DATABASE_URL), the engine (TASK_BACKEND, REDIS_URL) and the storage (MEDIA_ROOT).
"""

from __future__ import annotations

import io
import json
import os
import sys

VILLAGE_PREFIX = "17.08.04"


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desabinaan.settings")
    import django

    django.setup()


def synthetic_name(i: int) -> str:
    """A distinct name per row in letters only (names are compared without digits and punctuation)."""
    syllables = [
        "ba",
        "ci",
        "du",
        "fa",
        "gi",
        "hu",
        "ja",
        "ki",
        "lu",
        "ma",
        "ni",
        "pu",
        "ra",
        "si",
        "tu",
        "wa",
    ]
    word = ""
    for _ in range(4):
        word += syllables[i % 16]
        i //= 16
    return f"Warga Sintetis {word.capitalize()}"


def sheet_bytes(rows: int, villages: list[str]) -> bytes:
    from openpyxl import Workbook

    from desabinaan.events.services import IMPORT_COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Daftar hadir")
    sheet.append([c.header for c in IMPORT_COLUMNS])
    for i in range(rows):
        # Synthetic people: unique names, no NIK, consent given.
        sheet.append([synthetic_name(i), "P" if i % 2 else "L", 1960 + i % 40, villages[i % len(villages)],
                      "umum", "", "", "ya", "", ""])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def setup(rows: int) -> dict:
    _django()
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db import transaction
    from django.utils import timezone

    from desabinaan.events.services import event_create
    from desabinaan.events.tasks import attendance_import_start
    from desabinaan.regions.models import Village
    from desabinaan.regions.services import regions_import

    regions_import(prefixes=[VILLAGE_PREFIX])
    villages = list(Village.objects.filter(district_id=VILLAGE_PREFIX).values_list("code", flat=True))
    event = event_create(
        actor=None, title="Impor uji pekerja mati", village=Village.objects.get(code=villages[0]),
        starts_at=timezone.now(),
    )  # fmt: skip
    upload = default_storage.save(
        "events/imports/killed-worker.xlsx", ContentFile(sheet_bytes(rows, villages))
    )
    with transaction.atomic():
        job = attendance_import_start(actor=None, event=event, upload=upload)
    return {"job_id": job.pk, "event_id": event.pk, "upload": upload}


def refresh_jobs(count: int) -> dict:
    """`count` figure refreshes of one village each, queued for the workers."""
    _django()
    from django.db import transaction

    from desabinaan.regions.models import Village
    from desabinaan.regions.services import regions_import
    from desabinaan.stats.tasks import refresh_start

    regions_import(prefixes=[VILLAGE_PREFIX])
    villages = list(Village.objects.filter(district_id=VILLAGE_PREFIX).values_list("code", flat=True))
    with transaction.atomic():
        jobs = [refresh_start(villages=[villages[i % len(villages)]]) for i in range(count)]
    return {"job_ids": [job.pk for job in jobs]}


def slow_jobs(count: int) -> dict:
    """`count` jobs of tests.tasks.slow, queued in one transaction (enqueued together on commit)."""
    _django()
    from django.db import transaction

    from desabinaan.jobs.services import job_start

    from .slow import slow_job

    with transaction.atomic():
        jobs = [job_start(task=slow_job, kind="test-slow", payload={"i": i}) for i in range(count)]
    return {"job_ids": [job.pk for job in jobs]}


def verify(job_id: int) -> dict:
    _django()
    from django.core.files.storage import default_storage
    from django.db.models import Count

    from desabinaan.events.models import Attendance
    from desabinaan.jobs.models import Job
    from desabinaan.people.models import Person

    job = Job.objects.get(pk=job_id)
    attendances = Attendance.objects.filter(event_id=job.payload["event_id"])
    return {
        "status": job.status,
        "attempts": job.attempts,
        "result": job.result,
        "attendances": attendances.count(),
        "distinct_people": attendances.values("person_id").distinct().count(),
        "persons": Person.objects.filter(name__startswith="Warga Sintetis").count(),
        "duplicate_names": Person.objects.filter(name__startswith="Warga Sintetis")
        .values("name")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count(),
        "upload_exists": default_storage.exists(job.payload["upload"]),
    }


if __name__ == "__main__":
    step, arg = sys.argv[1], int(sys.argv[2])
    steps = {"setup": setup, "refresh_jobs": refresh_jobs, "slow_jobs": slow_jobs, "verify": verify}
    print(json.dumps(steps[step](arg), default=str))
