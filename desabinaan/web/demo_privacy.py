"""Demo data, UU PDP work: a resident's access request taken by the village liaison (due in 3 x 24 hours), an
erasure request already past its deadline (so the inbox shows it overdue), a request from the public form waiting
for identity verification, a restriction carried out by the officer (the "Pemrosesan dibatasi" badge) and a breach
with two affected residents linked. Written through the privacy services like real requests; synthetic like the rest."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from desabinaan.people.models import Person
from desabinaan.privacy.models import DataRequest
from desabinaan.privacy.services import (
    breach_persons_link,
    breach_record,
    data_request_create,
    data_request_submit,
    person_restrict,
)

from .demo_people import DUPLICATE_VARIANTS, SeedResult


def seed_privacy(result: SeedResult, *, liaison, village, officer=None) -> None:
    if DataRequest.objects.filter(village=village).exists():
        return
    residents = list(Person.objects.filter(village=village, name__endswith="Contoh").order_by("pk")[:3])
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
    # The restricted resident is the village's last one, not one the daily-use walkthroughs record attendance for.
    restricted = (
        Person.objects.filter(village=village, name__endswith="Contoh")
        .exclude(name__in=[name for name, *_rest in DUPLICATE_VARIANTS])
        .order_by("-pk")
        .first()
    )
    if officer is None or len(residents) < 3 or restricted is None:
        return
    restriction = data_request_create(
        actor=liaison,
        person=restricted,
        kind="restriction",
        received_at=now - dt.timedelta(hours=5),
        notes="Meminta datanya tidak dipakai selama keberatannya diperiksa (contoh)",
    )
    person_restrict(actor=officer, request=restriction)
    result.created["permintaan data pribadi"] += 1
    breach = breach_record(
        actor=officer,
        title="Contoh: foto daftar hadir terkirim ke grup yang salah",
        description="Foto daftar hadir sosialisasi dengan nomor telepon terkirim ke grup WhatsApp lain (contoh).",
        discovered_at=now - dt.timedelta(hours=20),
        data_categories="nama, nomor telepon",
        persons_estimate=25,
        actions="Pesan ditarik; anggota grup diminta menghapus foto (contoh).",
    )
    breach_persons_link(actor=officer, breach=breach, persons=residents[:2])
    result.created["insiden kebocoran data"] += 1
