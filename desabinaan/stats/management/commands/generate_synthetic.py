# ruff: noqa: C408, S608 — scale tables read best as dict(...); SQL table/column names come from model metadata
"""Build a synthetic dataset for dashboards and benchmarks: `manage.py generate_synthetic --scale tiny|small|national`.

Everything generated is clearly synthetic ("Warga Sintetis 123", "Kantor Imigrasi Sintetis 017"). Persons carry no
NIK: encrypting millions of NIKs would dominate the run and the dashboards never read them. No audit rows are
written (there is no actor and nothing to audit). Readiness checks are not generated (the passport capability's
model was still changing when this was written).

Rows go in with PostgreSQL COPY (psycopg's cursor.copy) — explicit ids, sequences reset afterwards — or, on SQLite,
executemany in batches. The random generator is seeded, so a scale always produces the same data relative to the
run date (events fall in the 24 months before today so the "this month/quarter/year" presets have data).
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from desabinaan.accounts.models import Role, User
from desabinaan.events.models import Attendance, Event, QuizResponse, TargetGroup
from desabinaan.offices.models import Kanim, Kanwil, WorkingAreaAssignment
from desabinaan.people.models import Person
from desabinaan.program.models import DesaBinaan
from desabinaan.protection.models import Decision, IndicatorSet, Referral, Report, ReportMessage, Screening
from desabinaan.regions.models import Province, Regency, Village
from desabinaan.regions.services import regions_import
from desabinaan.stats.services import stats_refresh

SCALES = {
    # prefixes: regions to import (None = the whole country).
    "tiny": dict(prefixes=["17.08.04", "17.03.12"], kanims=2, villages=8, persons=300, events=24,
                 attendances=700, screenings=40, reports=20, questions=20),
    "small": dict(prefixes=["17", "32"], kanims=8, villages=300, persons=30_000, events=1_500,
                  attendances=90_000, screenings=6_000, reports=1_000, questions=600),
    "medium": dict(prefixes=None, kanims=125, villages=10_000, persons=500_000, events=10_000,
                   attendances=2_000_000, screenings=100_000, reports=10_000, questions=10_000),
    "national": dict(prefixes=None, kanims=125, villages=10_000, persons=5_000_000, events=100_000,
                     attendances=20_000_000, screenings=1_000_000, reports=100_000, questions=50_000),
}  # fmt: skip
STATUSES = ["proposed"] * 10 + ["designated"] * 20 + ["active"] * 60 + ["suspended"] * 5 + ["graduated"] * 5


class Command(BaseCommand):
    help = (
        "Generate a synthetic dataset (persons, events, attendance, screenings, reports) at a chosen scale."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="tiny")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--no-refresh", action="store_true", help="skip the rollup refresh at the end")

    def log(self, message):
        self.stdout.write(f"[{time.perf_counter() - self.started:7.1f}s] {message}")
        self.stdout.flush()

    def handle(self, *args, scale, seed, no_refresh=False, **options):
        self.started = time.perf_counter()
        self.rng = random.Random(seed)
        self.pg = connection.vendor == "postgresql"
        self.now = timezone.now().replace(microsecond=0)
        cfg = SCALES[scale]
        self.log(f"regions ({'all' if cfg['prefixes'] is None else ','.join(cfg['prefixes'])})")
        regions_import(prefixes=cfg["prefixes"])
        with transaction.atomic():
            self._offices(cfg)
            self._villages(cfg)
            self._persons(cfg)
            self._events(cfg)
            self._protection(cfg)
            self._questions(cfg)
        if self.pg:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if not no_refresh:
            self.log("refresh_stats")
            stats_refresh(progress=lambda d, t: self.log(f"  refresh {d}/{t}"))
        self.log("done")

    # --- writing -----------------------------------------------------------------------------------------------

    def _next_id(self, model) -> int:
        return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def _insert(self, label: str, model, columns: list[str], rows, total: int) -> None:
        """Insert tuples (in `columns` order; other columns get their default, None or "")."""
        fields = {f.column: f for f in model._meta.concrete_fields}
        missing = [f for c, f in fields.items() if c not in columns]
        extra_cols, extra_vals = [], []
        for f in missing:
            if f.has_default() and not callable(f.default):
                value = f.default
            elif f.null:
                value = None
            else:
                value = ""
            extra_cols.append(f.column)
            extra_vals.append(value)
        cols = columns + extra_cols
        table = model._meta.db_table
        every = max(total // 10, 1)
        done = 0
        if self.pg:
            with connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row((*row, *extra_vals))
                        done += 1
                        if done % every == 0:
                            self.log(f"  {label}: {done:,}/{total:,}")
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
        else:
            prep = [fields[c] for c in cols]
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))})"
            batch = []
            with connection.cursor() as cursor:
                for row in rows:
                    full = (*row, *extra_vals)
                    batch.append(
                        [f.get_db_prep_value(v, connection) for f, v in zip(prep, full, strict=True)]
                    )
                    done += 1
                    if len(batch) >= 5000:
                        cursor.executemany(sql, batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
        self.log(f"{label}: {done:,}")

    def _when(self, days_back: int = 730):
        return self.now - dt.timedelta(days=self.rng.randrange(days_back), hours=self.rng.randrange(8, 16))

    # --- data --------------------------------------------------------------------------------------------------

    def _offices(self, cfg):
        provinces = list(
            Province.objects.filter(code__in=Regency.objects.values("province_id")).order_by("code")
        )
        if not provinces:
            raise CommandError("no regions imported")
        regencies = {p.code: list(Regency.objects.filter(province=p).order_by("code")) for p in provinces}
        total_regencies = sum(len(r) for r in regencies.values())
        self.kanim_of_regency: dict[str, int] = dict(
            WorkingAreaAssignment.objects.filter(valid_to__isnull=True).values_list("regency_id", "kanim_id")
        )
        made = 0
        for p in provinces:
            kanwil, _ = Kanwil.objects.get_or_create(
                province=p, defaults={"name": f"Kanwil Sintetis {p.name}"}
            )
            free = [r for r in regencies[p.code] if r.code not in self.kanim_of_regency]
            if not free:
                continue
            n = max(1, round(cfg["kanims"] * len(regencies[p.code]) / total_regencies))
            kanims = []
            for _ in range(min(n, len(free))):
                made += 1
                kanims.append(
                    Kanim.objects.get_or_create(
                        name=f"Kantor Imigrasi Sintetis {kanwil.pk:02d}-{made:03d}",
                        defaults={"office_class": "Kelas II Non TPI", "kanwil": kanwil},
                    )[0]
                )
            for i, regency in enumerate(free):
                kanim = kanims[i % len(kanims)]
                WorkingAreaAssignment.objects.create(
                    kanim=kanim, regency=regency, valid_from=dt.date(2024, 1, 1)
                )
                self.kanim_of_regency[regency.code] = kanim.pk
        self.officer, _ = User.objects.get_or_create(
            username="petugas-sintetis",
            defaults={"role": Role.NATIONAL_ADMIN, "first_name": "Petugas Sintetis", "is_active": False},
        )
        self.log(f"kanims: {made} new, {len(self.kanim_of_regency)} regencies covered")

    def _villages(self, cfg):
        taken = set(DesaBinaan.objects.values_list("village_id", flat=True))
        codes = [
            c
            for c in Village.objects.order_by("code").values_list("code", flat=True).iterator()
            if c not in taken
        ]
        chosen = sorted(self.rng.sample(codes, min(cfg["villages"], len(codes))))
        start = self._next_id(DesaBinaan)
        self.villages = []  # (code, desa_binaan_id, kanim_id)
        rows = []
        for i, code in enumerate(chosen):
            kanim = self.kanim_of_regency.get(code[:5])
            if kanim is None:
                continue
            status = self.rng.choice(STATUSES)
            self.villages.append((code, start + i, kanim))
            designated = (
                (self.now - dt.timedelta(days=self.rng.randrange(900))).date()
                if status != "proposed"
                else None
            )
            rows.append(
                (
                    start + i,
                    code,
                    kanim,
                    status,
                    f"SK-SINTETIS/{i}" if designated else "",
                    designated,
                    self.now,
                )
            )
        cols = ["id", "village_id", "kanim_id", "status", "sk_number", "designated_on", "created_at"]
        self._insert("desa binaan", DesaBinaan, cols, rows, len(rows))

    def _persons(self, cfg):
        start = self._next_id(Person)
        n = cfg["persons"]
        self.person_base = start
        self.persons_per_village = max(1, n // len(self.villages))

        def rows():
            for i in range(n):
                code = self.villages[min(i // self.persons_per_village, len(self.villages) - 1)][0]
                sex = "F" if self.rng.random() < 0.52 else "M"
                name = f"Warga Sintetis {i}"
                yield (start + i, name, f"warga sintetis {i}", 1950 + self.rng.randrange(55), sex, code,
                       self.now, self.now, 1)  # fmt: skip

        cols = [
            "id",
            "name",
            "name_key",
            "birth_year",
            "sex",
            "village_id",
            "created_at",
            "updated_at",
            "version",
        ]
        self._insert("persons", Person, cols, rows(), n)
        self.person_count = n

    def _pool(self, village_index: int) -> tuple[int, int]:
        first = self.person_base + village_index * self.persons_per_village
        last = self.person_base + min((village_index + 1) * self.persons_per_village, self.person_count) - 1
        if village_index == len(self.villages) - 1:
            last = self.person_base + self.person_count - 1
        return first, last

    def _events(self, cfg):
        groups = list(TargetGroup.objects.values_list("pk", flat=True)) or [None]
        start = self._next_id(Event)
        n = cfg["events"]
        per_event = max(1, cfg["attendances"] // n)
        plan = []  # (event id, village index, starts_at, held)
        rows = []
        for i in range(n):
            vi = self.rng.randrange(len(self.villages))
            code, db_id, kanim = self.villages[vi]
            starts = (
                self._when()
                if self.rng.random() < 0.95
                else self.now + dt.timedelta(days=self.rng.randrange(1, 60))
            )
            held = starts < self.now
            plan.append((start + i, vi, starts, held))
            rows.append((start + i, f"Sosialisasi Sintetis {i}", code, db_id, kanim, "Balai desa (sintetis)",
                         starts, starts + dt.timedelta(hours=3), "held" if held else "planned",
                         per_event, per_event if held else None, f"s{start + i:07d}"[:12], starts, starts))  # fmt: skip
        cols = ["id", "title", "village_id", "desa_binaan_id", "kanim_id", "venue", "starts_at", "ends_at",
                "status", "planned_attendance", "actual_attendance", "checkin_code", "created_at", "updated_at"]  # fmt: skip
        self._insert("events", Event, cols, rows, n)
        held_events = [p for p in plan if p[3]]
        total = per_event * len(held_events)
        att_start = self._next_id(Attendance)

        def attendance_rows():
            aid = att_start
            for event_id, vi, starts, _held in held_events:
                first, last = self._pool(vi)
                size = last - first + 1
                k = min(per_event, size)
                # Most attendees live in the village; a few come from the neighbouring village's pool.
                for offset in self.rng.sample(range(size), k):
                    person = first + offset
                    yield (aid, event_id, person, self.rng.choice(groups), uuid.uuid4(), "form", starts)
                    aid += 1

        cols = ["id", "event_id", "person_id", "target_group_id", "client_id", "source", "created_at"]
        self._insert("attendances", Attendance, cols, attendance_rows(), total)
        quiz = [p for p in held_events if self.rng.random() < 0.1]

        q_start = self._next_id(QuizResponse)  # before COPY starts: no other query may run during it

        def quiz_rows():
            qid = q_start
            for event_id, _vi, starts, _held in quiz:
                for phase, base in (("pre", 4), ("post", 7)):
                    for _ in range(10):
                        yield (
                            qid,
                            event_id,
                            phase,
                            "paper",
                            min(10, base + self.rng.randrange(4)),
                            10,
                            starts,
                        )
                        qid += 1

        cols = ["id", "event_id", "phase", "source", "score", "total", "created_at"]
        self._insert("quiz responses", QuizResponse, cols, quiz_rows(), len(quiz) * 20)

    def _protection(self, cfg):
        indicator_set = IndicatorSet.objects.order_by("-is_active", "-version").first()
        if indicator_set is None:
            indicator_set = IndicatorSet.objects.create(version=999, name="Sintetis")
        n = cfg["screenings"]
        s_start = self._next_id(Screening)
        levels = ["low"] * 7 + ["attention"] * 2 + ["high"]
        screened = []

        def screening_rows():
            for i in range(n):
                person = self.person_base + self.rng.randrange(self.person_count)
                vi = min((person - self.person_base) // self.persons_per_village, len(self.villages) - 1)
                code, _db, kanim = self.villages[vi]
                at = self._when()
                level = self.rng.choice(levels)
                screened.append((s_start + i, code, level, at))
                yield (s_start + i, person, code, kanim, self.officer.pk, indicator_set.pk, "work",
                       "Malaysia", level, at)  # fmt: skip

        cols = ["id", "person_id", "village_id", "kanim_id", "officer_id", "indicator_set_id", "purpose",
                "destination_country", "advisory_level", "created_at"]  # fmt: skip
        self._insert("screenings", Screening, cols, screening_rows(), n)

        d_start = self._next_id(Decision)

        def decision_rows():
            did = d_start
            for sid, _code, level, at in screened:
                if self.rng.random() < 0.8:
                    kind = "proceed" if level == "low" else "postpone"
                    yield (did, sid, kind, "Keputusan sintetis", "KTP" if kind == "postpone" else "", level,
                           self.officer.pk, at + dt.timedelta(minutes=20))  # fmt: skip
                    did += 1

        cols = ["id", "screening_id", "kind", "rationale", "pending_documents", "advisory_level",
                "decided_by_id", "decided_at"]  # fmt: skip
        self._insert("decisions", Decision, cols, decision_rows(), int(n * 0.8))
        outcomes = ["procedural", "abandoned", "irregular", "other"]

        ref_start = self._next_id(Referral)

        def referral_rows():
            rid = ref_start
            for sid, code, level, at in screened:
                if level != "low":
                    closed = self.rng.random() < 0.6
                    closed_at = at + dt.timedelta(days=self.rng.randrange(1, 30)) if closed else None
                    if closed_at and closed_at > self.now:
                        closed, closed_at = False, None
                    yield (rid, sid, code, True, "visit", "Rujukan sintetis", "closed" if closed else "open",
                           self.rng.choice(outcomes) if closed else "", (at + dt.timedelta(days=14)).date(),
                           self.officer.pk, at, closed_at)  # fmt: skip
                    rid += 1

        cols = ["id", "screening_id", "village_id", "to_village", "action", "reason", "status", "outcome",
                "due_on", "created_by_id", "created_at", "closed_at"]  # fmt: skip
        self._insert("referrals", Referral, cols, referral_rows(), n // 3)
        n = cfg["reports"]
        r_start = self._next_id(Report)
        replies = []

        def report_rows():
            for i in range(n):
                code, _db, kanim = self.rng.choice(self.villages)
                placed = self.rng.random() < 0.9
                at = self._when()
                status = self.rng.choice(["new", "triaged", "in_progress", "closed", "closed"])
                if self.rng.random() < 0.7:
                    replies.append((r_start + i, at + dt.timedelta(hours=self.rng.randrange(1, 96))))
                yield (r_start + i, f"SIN{r_start + i:010d}", "!", "recruiter", "Laporan sintetis",
                       code if placed else None, code[:5] if placed else None, code[:2] if placed else None,
                       kanim if placed else None, status, at, at)  # fmt: skip

        cols = ["id", "receipt_code", "passphrase_hash", "category", "description", "village_id", "regency_id",
                "province_id", "kanim_id", "status", "created_at", "updated_at"]  # fmt: skip
        self._insert("reports", Report, cols, report_rows(), n)
        m_start = self._next_id(ReportMessage)
        rows = [(m_start + i, rid, "officer", self.officer.pk, "Balasan sintetis", at)
                for i, (rid, at) in enumerate(replies)]  # fmt: skip
        cols = ["id", "report_id", "author_kind", "author_id", "body", "created_at"]
        self._insert("report replies", ReportMessage, cols, rows, len(rows))

    def _questions(self, cfg):
        Question = apps.get_model("program", "Question")
        start = self._next_id(Question)
        rows = []
        for i in range(cfg["questions"]):
            _code, db_id, _kanim = self.rng.choice(self.villages)
            at = self._when()
            answered = self.rng.random() < 0.7
            rows.append((start + i, db_id, "passport", "Pertanyaan sintetis?", at.date(), self.officer.pk, at,
                         "Jawaban sintetis." if answered else "", self.officer.pk if answered else None,
                         min(at + dt.timedelta(days=1), self.now) if answered else None))  # fmt: skip
        cols = ["id", "desa_binaan_id", "topic", "text", "asked_on", "recorded_by_id", "recorded_at", "answer",
                "answered_by_id", "answered_at"]  # fmt: skip
        self._insert("questions", Question, cols, rows, len(rows))
