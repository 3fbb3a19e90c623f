"""Demo data, UU PDP work: a resident's access request taken by the village liaison (due in 3 x 24 hours), an
erasure request already past its deadline (so the inbox shows it overdue), and a request from the public form waiting
for identity verification. Written through the privacy services like real requests; synthetic like the rest."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from desabinaan.people.models import Person
from desabinaan.privacy.models import DataRequest
from desabinaan.privacy.services import data_request_create, data_request_submit

from .demo_people import SeedResult


def seed_privacy(result: SeedResult, *, liaison, village) -> None:
    if DataRequest.objects.filter(village=village).exists():
        return
    residents = list(Person.objects.filter(village=village, name__endswith="Contoh").order_by("pk")[:2])
    now = timezone.now()
    for person, kind, hours_ago in zip(residents, ("access", "erasure"), (2, 80), strict=False):
        data_request_create(
            actor=liaison,
            person=person,
            kind=kind,
            received_at=now - dt.timedelta(hours=hours_ago),
            notes="Diminta langsung di kantor desa (contoh)",
        )
        result.created["permintaan data pribadi"] += 1
    data_request_submit(
        kind="correction",
        village=village,
        requester_name="Pemohon Contoh",
        requester_contact="0812-0000-0999",
        notes="Tanggal lahir saya salah (contoh)",
    )
    result.created["permintaan data pribadi"] += 1
