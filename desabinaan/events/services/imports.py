"""The sign-in sheet import: a batched twin of `attendance_record` for sheets of thousands of rows.

Rows are parsed and checked one by one, then written in chunks through the people app's bulk services (one query
per chunk instead of a dozen per row), with the same person rule as `attendance_record`: an exact NIK links the
registered person; otherwise a person with the same name key, birth year and village is reused. A chunk that meets
a concurrent writer falls back to `attendance_record` row by row.

Every row ends up in the report: imported, in `errors` (not imported, with the reason) or in `skipped` (already
there, or the template's example row: a name starting with "CONTOH", never imported), with the row number, the
person's name and, for errors, the column at fault. With an `import_key`, each attendance row written carries a client
id derived from (import_key, row number), so a re-run of the same import (a worker killed half-way) skips the rows an earlier attempt wrote.
"""

from __future__ import annotations

import gc
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import audit_bulk_created
from desabinaan.core.bulk import build, gc_paused, insert_rows
from desabinaan.core.guards import persons_use_blocked
from desabinaan.people import services as people
from desabinaan.people.models import Consent, LawfulBasis, Person, Purpose
from desabinaan.regions.models import Village
from lib import xlsx_import as xl

from .. import validation as v
from ..models import Attendance, Event
from .attendance import AlreadyAttending, attendance_record
from .common import check_event_started, check_village_write
from .import_rows import (  # noqa: F401 (IMPORT_COLUMNS, IMPORT_EXAMPLES, IMPORT_EXAMPLE_SKIPPED importable here)
    _EXAMPLE_ROW,
    COLUMN_OF,
    IMPORT_COLUMNS,
    IMPORT_EXAMPLE_SKIPPED,
    IMPORT_EXAMPLES,
    _Problem,
    _Row,
    _RowParser,
)

# Rows per transaction: 5,000 rather than 1,000 took a 100,000-row import from 34 s to 26 s on SQLite (fewer commits,
# each index page rewritten to the WAL less often); a chunk that meets a concurrent writer falls back row by row.
IMPORT_CHUNK = 5000
# Namespace of the client ids of imported rows: uuid5(IMPORT_NAMESPACE, f"{import_key}:{row number}").
IMPORT_NAMESPACE = uuid.UUID("5b0c1f9e-4f53-4d0a-9a6e-2f1f3c7d8e21")
EDUCATION_CONSENT = people.ConsentTerms(
    purpose=Purpose.EDUCATION, lawful_basis=LawfulBasis.CONSENT, purpose_text=str(v.CONSENT_PURPOSE_TEXT)
)


@dataclass
class ImportReport:
    created: int = 0  # attendance rows added
    persons_created: int = 0
    persons_linked: int = 0
    # {"row", "name", "column", "message"}: not imported; the person's name and the sheet column at fault ("" when
    # the row as a whole is the problem) so the typist finds the cell on the paper list.
    errors: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(
        default_factory=list
    )  # {"row", "name", "message"}: already there, nothing to do
    rows: int = 0

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            "created": self.created,
            "persons_created": self.persons_created,
            "persons_linked": self.persons_linked,
            "errors": self.errors,
            "skipped": self.skipped,
        }

    def error(self, row: _Row | int, message, *, name: str = "", column: str = "") -> None:
        number, name = (row, name) if isinstance(row, int) else (row.number, row.name)
        self.errors.append({"row": number, "name": name, "column": column, "message": str(message)})

    def skip(self, row: _Row | int, message, *, name: str = "") -> None:
        number, name = (row, name) if isinstance(row, int) else (row.number, row.name)
        self.skipped.append({"row": number, "name": name, "message": str(message)})


def _client_id(import_key: str | None, number: int) -> uuid.UUID | None:
    return uuid.uuid5(IMPORT_NAMESPACE, f"{import_key}:{number}") if import_key else None


def attendance_import_rows(*, actor, event: Event, rows: list[_Row], report: ImportReport) -> None:
    """Import one chunk of parsed rows (see the module docstring); appends to `report`."""
    try:
        with transaction.atomic():
            _import_chunk(actor=actor, event=event, rows=rows, report=report)
    except IntegrityError:
        # A concurrent writer added one of these persons or attendances: take the careful path row by row.
        for row in rows:
            _import_row_slowly(actor=actor, event=event, row=row, report=report)


def _import_row_slowly(*, actor, event, row: _Row, report: ImportReport) -> None:
    try:
        _, created = attendance_record(
            actor=actor,
            event=event,
            client_id=row.client_id,
            name=row.name,
            sex=row.sex,
            birth_date=row.birth_date,
            birth_year=row.birth_year,
            nik=row.nik,
            village=Village(code=row.village_code),
            target_group=row.target_group,
            phone=row.phone,
            consent=True,
            guardian_name=row.guardian_name,
            guardian_relation=row.guardian_relation,
            source=Attendance.Source.IMPORT,
        )
    except AlreadyAttending:
        report.skip(row, v.IMPORT_ALREADY_ATTENDING)
    except (ValidationError, PermissionDenied) as exc:
        report.error(row, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
    else:
        if created:
            report.created += 1
        else:  # its client id was written before: an earlier attempt of this import
            report.skip(row, v.IMPORT_ALREADY_IMPORTED)


def _import_chunk(*, actor, event: Event, rows: list[_Row], report: ImportReport) -> None:
    if any(r.client_id for r in rows):
        done = set(
            Attendance.objects.filter(event=event, client_id__in=[r.client_id for r in rows]).values_list(
                "client_id", flat=True
            )
        )
        for row in rows:
            if row.client_id in done:
                report.skip(row, v.IMPORT_ALREADY_IMPORTED)
        rows = [r for r in rows if r.client_id not in done]
    villages = set(
        Village.objects.filter(code__in={r.village_code for r in rows}).values_list("code", flat=True)
    )
    good = []
    for row in rows:
        if row.village_code not in villages:
            report.error(row, v.IMPORT_VILLAGE_UNKNOWN, column=COLUMN_OF["village_code"])
        else:
            good.append(row)
    by_nik = {p.nik_hash: p for p in Person.objects.filter(nik_hash__in=[r.digest for r in good if r.digest])}
    by_name: dict[tuple, Person] = {}
    for p in (
        Person.objects.active()
        .filter(name_key__in={r.name_key for r in good}, village_id__in={r.village_code for r in good})
        .order_by("id")
    ):
        # "name": may be reused by a row that has a NIK (no other NIK on it); "any": by a row without one.
        if p.nik_hash is None:
            by_name.setdefault(("name", p.name_key, p.birth_year, p.village_id), p)
        by_name.setdefault(("any", p.name_key, p.birth_year, p.village_id), p)
    scope = scope_for(actor) if actor is not None else None
    linked: list[tuple[_Row, Person]] = []
    unmatched: list[_Row] = []
    # A later row of this chunk for a person an earlier row registers (one with NIK, one without): same person.
    same_as: dict[tuple, _Row] = {}
    later: list[tuple[_Row, _Row]] = []
    for row in good:
        key = ("name" if row.digest else "any", row.name_key, row.birth_year, row.village_code)
        person = by_nik.get(row.digest) if row.digest else None
        if person is None:
            person = by_name.get(key)
        if person is not None:
            if scope is not None and not scope.contains_village(person.village_id):
                report.error(row, v.NIK_REGISTERED_ELSEWHERE, column=COLUMN_OF["nik"])
            else:
                linked.append((row, person))
        elif key in same_as:
            later.append((row, same_as[key]))
        else:
            unmatched.append(row)
            same_as.setdefault(("any", *key[1:]), row)
            if not row.digest:
                same_as.setdefault(("name", *key[1:]), row)
    outcomes = people.persons_bulk_create(
        actor=actor,
        rows=[
            people.PersonIn(
                name=r.name,
                sex=r.sex,
                village_id=r.village_code,
                birth_date=r.birth_date,
                birth_year=r.birth_year,
                nik=r.nik,
                phone=r.phone,
                guardian_name=r.guardian_name,
                guardian_relation=r.guardian_relation,
                name_key=r.name_key,
            )
            for r in unmatched
        ],
        consent=EDUCATION_CONSENT,
        # The person rule above already reused the same name, birth year and village, as attendance_record does.
        allow_probable_duplicates=True,
    )
    new: list[tuple[_Row, Person]] = []
    refused: dict[int, str] = {}
    for row, outcome in zip(unmatched, outcomes, strict=True):
        if outcome.person is not None:
            new.append((row, outcome.person))
        elif outcome.existing is not None and (
            scope is None or scope.contains_village(outcome.existing.village_id)
        ):
            linked.append((row, outcome.existing))  # registered since the lookup above
        else:
            refused[row.number] = str(v.NIK_REGISTERED_ELSEWHERE) if outcome.existing else outcome.error
            report.error(row, refused[row.number])
    report.persons_created += len(new)
    for row, first in later:
        if first.number in refused:
            report.error(row, refused[first.number])
        else:  # the earlier row's new person attends through that row
            report.persons_linked += 1
            report.skip(row, v.IMPORT_ALREADY_ATTENDING)

    # A registered person whose processing is restricted (UU PDP Art. 41) is reported, not added (one query).
    blocked = persons_use_blocked(p.pk for _, p in linked)
    for row, person in linked:
        if person.pk in blocked:
            report.error(row, blocked[person.pk])
    linked = [(row, person) for row, person in linked if person.pk not in blocked]
    report.persons_linked += len(linked)
    attending = set(
        Attendance.objects.filter(event=event, person_id__in=[p.pk for _, p in linked]).values_list(
            "person_id", flat=True
        )
    )
    consented = set(
        Consent.objects.filter(
            person_id__in=[p.pk for _, p in linked], purpose=Purpose.EDUCATION, withdrawn_at__isnull=True
        ).values_list("person_id", flat=True)
    )
    to_attend: list[tuple[_Row, Person]] = []
    needs_consent: list[tuple[_Row, Person]] = []
    for row, person in linked:
        if person.pk in attending:
            report.skip(row, v.IMPORT_ALREADY_ATTENDING)
        elif person.pk in consented:
            to_attend.append((row, person))
        else:
            needs_consent.append((row, person))
    answers = people.consents_bulk_record(
        actor=actor,
        items=[(p, r.guardian_name, r.guardian_relation) for r, p in needs_consent],
        terms=EDUCATION_CONSENT,
    )
    for (row, person), answer in zip(needs_consent, answers, strict=True):
        if isinstance(answer, str):
            report.error(row, answer)
        else:
            to_attend.append((row, person))
    to_attend += new

    user_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    attendances = []
    event_field = Attendance._meta.get_field("event")
    # No full_clean per row (attendance_record runs one): every value here comes from checked objects, and the
    # unique constraints are the database's (a clash sends the chunk to the row-by-row path).
    for row, person in to_attend:
        attendance = build(
            Attendance,
            {
                "event_id": event.pk,
                "person_id": person.pk,
                "target_group_id": row.target_group.pk if row.target_group else None,
                "client_id": row.client_id or uuid.uuid4(),
                "source": Attendance.Source.IMPORT,
                "recorded_by_id": user_id,
            },
        )
        event_field.set_cached_value(attendance, event)  # the live figures read attendance.event.village_id
        attendances.append(attendance)
    insert_rows(attendances)
    report.created += len(attendances)
    audit_bulk_created(
        actor=actor,
        targets=attendances,
        summary=lambda a: f"Hadir di kegiatan #{event.pk}: orang #{a.person_id}",
    )


def attendance_import_sheet(
    *, actor, event: Event, source, progress=None, import_key: str | None = None
) -> ImportReport:
    """Import a sign-in sheet (.xlsx path or file); every row ends up imported, in errors, or in skipped.

    `import_key` names this import (e.g. its job): running it again with the same key, after a crash or to
    finish a killed run, skips the rows already written and reports them as already imported.
    """
    check_village_write(actor, event.village_id)
    check_event_started(event)
    report = ImportReport()
    parser = _RowParser(actor, event)
    seen: dict[tuple, int] = {}
    chunk: list[_Row] = []
    total = 0

    def opened(estimate: int | None) -> None:
        nonlocal total
        total = estimate or 0
        if progress:
            progress(0, total or None)

    with gc_paused():  # see core.bulk.gc_paused; each chunk's garbage is collected when it is written
        for number, cells in xl.read_rows(source, IMPORT_COLUMNS, on_open=opened):
            if _import_sheet_row(
                number, cells, parser=parser, report=report, seen=seen, chunk=chunk, key=import_key
            ):
                attendance_import_rows(actor=actor, event=event, rows=chunk, report=report)
                chunk.clear()
                gc.collect(0)
                if progress:
                    progress(report.rows, max(total, report.rows) if total else None)
        if chunk:
            attendance_import_rows(actor=actor, event=event, rows=chunk, report=report)
    report.errors.sort(key=lambda e: e["row"])
    report.skipped.sort(key=lambda e: e["row"])
    if progress:
        progress(report.rows, report.rows)
    return report


def _import_sheet_row(number: int, cells: dict, *, parser, report, seen: dict, chunk: list, key) -> bool:
    """Parse one sheet row into `chunk` or the report; True when the chunk is full."""
    report.rows += 1
    if _EXAMPLE_ROW.match(xl.text(cells.get("name"))):
        report.skip(number, IMPORT_EXAMPLE_SKIPPED)
        return False
    row = parser.parse(number, cells)
    if isinstance(row, _Problem):
        report.error(number, row.message, name=xl.text(cells.get("name")), column=row.column)
        return False
    first = seen.get(row.key)
    if first is not None:
        report.error(row, v.IMPORT_DUPLICATE_ROW % {"row": first})
        return False
    seen[row.key] = number
    row.client_id = _client_id(key, number)
    chunk.append(row)
    return len(chunk) >= IMPORT_CHUNK
