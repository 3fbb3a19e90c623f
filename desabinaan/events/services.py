"""Writes of the events app. Pages, the JSON API, the import job and the self check-in all call these.

`attendance_record` is the one path for a single attendee; `attendance_import_rows` is its batched twin for
sheets of thousands of rows (one query per chunk instead of a dozen per row) and falls back to
`attendance_record` row by row when a chunk meets a concurrent writer. Both apply the same person rule: an exact
NIK links the registered person; otherwise a person with the same name key, birth year and village is reused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from desabinaan.core import ratelimit, uploads
from desabinaan.offices.selectors import kanims_serving_village
from desabinaan.people import services as people
from desabinaan.people import validation as pv
from desabinaan.people.crypto import nik_encrypt, nik_hash
from desabinaan.people.models import Consent, LawfulBasis, Person, Purpose
from desabinaan.regions.models import District, Village
from lib import nik as nik_lib
from lib import xlsx_import as xl
from lib.text import name_key

from . import validation as v
from .models import (
    Attendance,
    Choice,
    Event,
    EventFile,
    OfficeCalendar,
    QuizAnswer,
    QuizResponse,
    QuizTemplate,
    RateBucket,
    TargetGroup,
)

DEFAULT_DURATION = dt.timedelta(hours=3)
EDITABLE_FIELDS = (
    "title",
    "village",
    "venue",
    "starts_at",
    "ends_at",
    "speakers",
    "planned_attendance",
    "quiz_template",
)
IMPORT_CHUNK = 1000


class AlreadyAttending(Exception):
    def __init__(self, existing: Attendance):
        super().__init__(str(v.ALREADY_ATTENDING))
        self.existing = existing


# --- Permissions ---------------------------------------------------------------------------------------------------


def _check_village_write(actor, village) -> None:
    """PermissionDenied unless `actor` may write events of `village`; None is the system (self check-in, jobs)."""
    if actor is None:
        return
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDenied(v.EVENT_READ_ONLY)
    if not scope.contains_village(village):
        raise PermissionDenied(v.EVENT_VILLAGE_OUT_OF_SCOPE)


def can_write_event(user, event: Event) -> bool:
    try:
        _check_village_write(user, event.village_id)
    except PermissionDenied:
        return False
    return True


# --- Events --------------------------------------------------------------------------------------------------------


def _serving_office(village):
    from desabinaan.program.models import DesaBinaan

    desa_binaan = DesaBinaan.objects.filter(village=village).select_related("kanim").first()
    kanim = desa_binaan.kanim if desa_binaan else kanims_serving_village(village_code=village.code).first()
    return desa_binaan, kanim


@transaction.atomic
def event_create(
    *,
    actor,
    title: str,
    village,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    venue: str = "",
    target_groups=(),
    topics=(),
    speakers: str = "",
    partner_agencies=(),
    planned_attendance: int = 0,
    quiz_template: QuizTemplate | None = None,
) -> Event:
    _check_village_write(actor, village)
    ends_at = ends_at or starts_at + DEFAULT_DURATION
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": v.EVENT_ENDS_BEFORE_START})
    desa_binaan, kanim = _serving_office(village)
    event = Event(
        title=" ".join(title.split()),
        village=village,
        desa_binaan=desa_binaan,
        kanim=kanim,
        venue=venue.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        speakers=speakers.strip(),
        planned_attendance=planned_attendance or 0,
        quiz_template=quiz_template or QuizTemplate.objects.filter(is_default=True).first(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    event.full_clean(exclude=["created_by", "desa_binaan", "kanim"])
    event.save()
    event.target_groups.set(target_groups)
    event.topics.set(topics)
    event.partner_agencies.set(partner_agencies)
    audit_created(actor=actor, target=event, summary=f"Kegiatan sosialisasi direncanakan: {event.title}")
    return event


@transaction.atomic
def event_update(
    *, actor, event: Event, version: int, target_groups=None, topics=None, partner_agencies=None, **fields
) -> Event:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"event_update cannot change {sorted(unknown)}")
    current = Event.objects.select_for_update().get(pk=event.pk)
    if current.version != version:
        raise ValidationError(v.EVENT_VERSION_CONFLICT, code="version")
    _check_village_write(actor, current.village_id)
    if "village" in fields:
        _check_village_write(actor, fields["village"])
    before = snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value)
    if current.ends_at <= current.starts_at:
        raise ValidationError({"ends_at": v.EVENT_ENDS_BEFORE_START})
    if "village" in fields:
        current.desa_binaan, current.kanim = _serving_office(current.village)
    current.full_clean(exclude=["created_by", "desa_binaan", "kanim"])
    changes = diff(before, snapshot(current))
    for name, values in (
        ("target_groups", target_groups),
        ("topics", topics),
        ("partner_agencies", partner_agencies),
    ):
        if values is not None:
            old = sorted(getattr(current, name).values_list("pk", flat=True))
            new = sorted(obj.pk for obj in values)
            if old != new:
                getattr(current, name).set(values)
                changes[name] = [old, new]
    if changes:
        current.version = version + 1
        current.save()
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=current, changes=changes)
    return current


@transaction.atomic
def event_mark_held(*, actor, event: Event, actual_attendance: int | None = None) -> Event:
    current = Event.objects.select_for_update().get(pk=event.pk)
    _check_village_write(actor, current.village_id)
    if current.status != Event.Status.PLANNED:
        raise ValidationError(v.EVENT_BAD_TRANSITION)
    if current.starts_at > timezone.now():
        raise ValidationError(v.EVENT_NOT_STARTED)
    if actual_attendance is None:
        actual_attendance = current.attendances.count()
    current.status = Event.Status.HELD
    current.actual_attendance = actual_attendance
    current.version += 1
    current.save(update_fields=["status", "actual_attendance", "version", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=current,
        changes={"status": ["planned", "held"], "actual_attendance": [None, actual_attendance]},
    )
    return current


@transaction.atomic
def event_report(*, actor, event: Event, report: str, actual_attendance: int | None = None) -> Event:
    current = Event.objects.select_for_update().get(pk=event.pk)
    _check_village_write(actor, current.village_id)
    if current.status not in (Event.Status.HELD, Event.Status.REPORTED):
        raise ValidationError(v.EVENT_BAD_TRANSITION)
    if not report.strip():
        raise ValidationError({"report": v.REPORT_REQUIRED})
    before = snapshot(current, ["status", "report", "actual_attendance"])
    current.status = Event.Status.REPORTED
    current.report = report.strip()
    if actual_attendance is not None:
        current.actual_attendance = actual_attendance
    current.reported_at = timezone.now()
    current.version += 1
    current.save(
        update_fields=["status", "report", "actual_attendance", "reported_at", "version", "updated_at"]
    )
    changes = diff(before, snapshot(current, ["status", "report", "actual_attendance"]))
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=current, changes=changes)
    return current


# Office Open XML files are zip archives; the extension tells pptx from docx.
_OOXML = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _sniff(upload) -> str | None:
    """Images and PDF by their magic bytes (shared check); pptx/docx on top of that for materials."""
    content_type = uploads.sniff_upload(upload)
    if content_type is None and uploads.read_head(upload).startswith(b"PK\x03\x04"):
        ext = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        return _OOXML.get(ext)
    return content_type


def file_max_bytes() -> int:
    return getattr(settings, "EVENTS_FILE_MAX_BYTES", 20 * uploads.MB)


@transaction.atomic
def event_file_add(*, actor, event: Event, kind: str, upload) -> EventFile:
    """Attach a material or a photo; the type comes from the file's first bytes, never its name alone."""
    _check_village_write(actor, event.village_id)
    try:
        uploads.check_size(upload, file_max_bytes())
    except ValidationError as exc:
        raise ValidationError({"file": exc}) from None
    content_type = _sniff(upload) or ""
    allowed = bool(content_type) and (kind == EventFile.Kind.MATERIAL or content_type.startswith("image/"))
    if not allowed:
        raise ValidationError({"file": v.FILE_TYPE_INVALID})
    item = EventFile(
        event=event,
        kind=kind,
        file=upload,
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    item.full_clean(exclude=["uploaded_by"])
    item.save()
    audit_created(actor=actor, target=item, summary=f"Berkas {kind} untuk kegiatan #{event.pk}")
    return item


def office_calendar(kanim) -> OfficeCalendar:
    calendar, _ = OfficeCalendar.objects.get_or_create(kanim=kanim)
    return calendar


@transaction.atomic
def office_calendar_rotate(*, actor, kanim) -> OfficeCalendar:
    """A new secret: subscribers of the old URL stop receiving the feed (use after a leak)."""
    calendar = office_calendar(kanim)
    calendar.token = OfficeCalendar._meta.get_field("token").default()
    calendar.save(update_fields=["token"])
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=calendar, changes={"token": ["•", "•"]})
    return calendar


# --- Attendance ----------------------------------------------------------------------------------------------------


def _has_education_consent(person_id: int) -> bool:
    return Consent.objects.filter(
        person_id=person_id, purpose=Purpose.EDUCATION, withdrawn_at__isnull=True
    ).exists()


def _match_person(*, name: str, birth_year: int, village, nik_digest: str | None) -> Person | None:
    """The person rule: exact NIK; else same name key, birth year and village (and no other NIK)."""
    if nik_digest:
        existing = Person.objects.filter(nik_hash=nik_digest).select_related("village").first()
        if existing is not None:
            return existing
    candidates = Person.objects.active().filter(
        name_key=name_key(name), birth_year=birth_year, village=village
    )
    if nik_digest:
        candidates = candidates.filter(nik_hash__isnull=True)
    return candidates.select_related("village").order_by("id").first()


def _person_for_attendance(*, actor, name, sex, birth_date, birth_year, nik, village, phone) -> Person:
    if birth_date is not None:
        birth_year = birth_date.year
    if not birth_year:
        raise ValidationError({"birth_year": pv.BIRTH_REQUIRED})
    digest = None
    if nik:
        pv.nik_validate(nik, sex=sex, birth_date=birth_date, birth_year=birth_year)
        digest = nik_hash(nik)
    person = _match_person(name=name, birth_year=birth_year, village=village, nik_digest=digest)
    if person is not None:
        if actor is not None and not scope_for(actor).contains_village(person.village_id):
            raise PermissionDenied(v.NIK_REGISTERED_ELSEWHERE)
        return person
    try:
        return people.person_create(
            actor=actor,
            name=name,
            nik=nik or None,
            birth_date=birth_date,
            birth_year=birth_year,
            sex=sex,
            village=village,
            phone=phone,
            allow_probable_duplicates=True,
        )
    except people.NikAlreadyRegistered as exc:  # registered between our lookup and the insert
        return exc.existing


@transaction.atomic
def attendance_record(
    *,
    actor,
    event: Event,
    client_id: uuid.UUID | str | None = None,
    name: str,
    sex: str,
    birth_date: dt.date | None = None,
    birth_year: int | None = None,
    nik: str = "",
    village,
    target_group: TargetGroup | None = None,
    phone: str = "",
    consent: bool,
    guardian_name: str = "",
    guardian_relation: str = "",
    source: str = Attendance.Source.FORM,
) -> tuple[Attendance, bool]:
    """Record one attendee: (attendance, created). A client_id already received returns its row unchanged.

    Raises ValidationError, PermissionDenied, or AlreadyAttending when the person is already on the list under
    another client_id.
    """
    _check_village_write(actor, event.village_id)
    if client_id:
        client_id = uuid.UUID(str(client_id))
        existing = (
            Attendance.objects.filter(event=event, client_id=client_id).select_related("person").first()
        )
        if existing is not None:
            return existing, False
    if not consent:
        raise ValidationError({"consent": v.CONSENT_REQUIRED})
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": v.NAME_REQUIRED})
    person = _person_for_attendance(
        actor=actor,
        name=name,
        sex=sex,
        birth_date=birth_date,
        birth_year=birth_year,
        nik=(nik or "").strip(),
        village=village,
        phone=phone,
    )
    already = Attendance.objects.filter(event=event, person=person).first()
    if already is not None:
        raise AlreadyAttending(already)
    if not _has_education_consent(person.pk):
        people.consent_record(
            actor=actor,
            person=person,
            purpose=Purpose.EDUCATION,
            lawful_basis=LawfulBasis.CONSENT,
            purpose_text=str(v.CONSENT_PURPOSE_TEXT),
            guardian_name=guardian_name,
            guardian_relation=guardian_relation,
        )
    attendance = Attendance(
        event=event,
        person=person,
        target_group=target_group,
        client_id=client_id or uuid.uuid4(),
        source=source,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    attendance.full_clean(exclude=["recorded_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:
        # A retry of the same sync raced us: answer with the row the first request created.
        existing = Attendance.objects.filter(event=event, client_id=attendance.client_id).first()
        if existing is not None:
            return existing, False
        raise AlreadyAttending(Attendance.objects.get(event=event, person=person)) from None
    audit_created(
        actor=actor, target=attendance, summary=f"Hadir di kegiatan #{event.pk}: orang #{person.pk}"
    )
    return attendance, True


# --- Import of a sign-in sheet ---------------------------------------------------------------------------------------

IMPORT_COLUMNS = [
    xl.Column("name", "Nama", ("nama lengkap", "nama peserta"), required=True),
    xl.Column("sex", "L/P", ("jenis kelamin", "jk", "lp"), required=True),
    xl.Column(
        "birth", "Tahun atau tanggal lahir", ("tahun lahir", "tanggal lahir", "tgl lahir"), required=True
    ),
    xl.Column("village_code", "Kode desa", ("kode desa kelurahan", "kode wilayah"), required=True),
    xl.Column("target_group", "Kelompok sasaran", ("sasaran", "kelompok")),
    xl.Column("nik", "NIK"),
    xl.Column("phone", "Telepon", ("no hp", "hp", "telp", "nomor telepon")),
    xl.Column("consent", "Setuju (ya/tidak)", ("setuju", "persetujuan")),
    xl.Column("guardian_name", "Nama wali"),
    xl.Column("guardian_relation", "Hubungan wali"),
]
IMPORT_EXAMPLES = [
    ["Siti Aminah", "P", 1998, "17.08.04.2002", "calon PMI dan keluarga", "", "", "ya", "", ""],
    ["Rudi Hartono", "L", "12-05-2008", "17.08.04.2002", "pelajar SMA/SMK", "", "", "ya", "Hartono", "ayah"],
]


@dataclass
class ImportReport:
    created: int = 0  # attendance rows added
    persons_created: int = 0
    persons_linked: int = 0
    errors: list[dict] = field(default_factory=list)  # {"row", "message"}: not imported
    skipped: list[dict] = field(default_factory=list)  # {"row", "message"}: already there, nothing to do
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


@dataclass
class _Row:
    number: int
    name: str
    sex: str
    birth_date: dt.date | None
    birth_year: int
    village_code: str
    target_group: TargetGroup | None
    nik: str
    phone: str
    guardian_name: str
    guardian_relation: str
    digest: str | None = None
    key: tuple = ()


def _target_group_lookup() -> dict[str, TargetGroup]:
    from lib.text import fold

    table = {}
    for group in TargetGroup.objects.all():
        table[fold(group.code)] = group
        table[fold(group.label)] = group
    return table


def _message(value) -> str:
    return str(value)


class _RowParser:
    """Turns raw cells into a _Row or an Indonesian reason; keeps the lookups every row needs."""

    def __init__(self, actor):
        self.scope = scope_for(actor) if actor is not None else None
        self.groups = _target_group_lookup()
        self.districts: dict[str, bool] = {}
        self.today = timezone.localdate()

    def district_exists(self, code: str) -> bool:
        if code not in self.districts:
            self.districts[code] = District.objects.filter(code=code).exists()
        return self.districts[code]

    def parse(self, number: int, cells: dict) -> _Row | str:
        from lib.text import fold

        name = xl.text(cells.get("name"))
        if not name:
            return _message(v.NAME_REQUIRED)
        try:
            sex = xl.parse_sex(cells.get("sex"))
        except xl.SheetError:
            return _message(v.IMPORT_BAD_SEX)
        try:
            birth_date, birth_year = xl.parse_birth(cells.get("birth"), today=self.today)
        except xl.SheetError:
            return _message(v.IMPORT_BAD_BIRTH)
        if not xl.parse_bool(cells.get("consent")):
            return _message(v.IMPORT_NO_CONSENT)
        village_code = xl.text(cells.get("village_code")).replace(" ", "")
        if self.scope is not None and not self.scope.contains_village(village_code):
            return _message(pv.VILLAGE_OUT_OF_SCOPE)
        group_cell = fold(xl.text(cells.get("target_group")))
        group = self.groups.get(group_cell) if group_cell else None
        if group_cell and group is None:
            return _message(v.TARGET_GROUP_UNKNOWN)
        guardian_name = xl.text(cells.get("guardian_name"))
        guardian_relation = xl.text(cells.get("guardian_relation"))
        age = self.today.year - birth_year
        if birth_date is not None:
            age -= (self.today.month, self.today.day) < (birth_date.month, birth_date.day)
        if age < people.ADULT_AGE and not (guardian_name and guardian_relation):
            return _message(pv.GUARDIAN_REQUIRED)
        nik = xl.digits(cells.get("nik"))
        digest = None
        if nik:
            try:
                nik_lib.parse(
                    nik,
                    district_exists=self.district_exists,
                    sex=sex,
                    birth_date=birth_date,
                    birth_year=birth_year,
                )
            except nik_lib.NikError as error:
                return _message(pv.NIK_MESSAGES[error.code])
            digest = nik_hash(nik)
        row = _Row(
            number,
            name,
            sex,
            birth_date,
            birth_year,
            village_code,
            group,
            nik,
            xl.digits(cells.get("phone"))[:20],
            guardian_name,
            guardian_relation,
            digest,
        )
        row.key = ("nik", digest) if digest else ("name", name_key(name), birth_year, village_code)
        return row


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
        report.created += int(created)
    except AlreadyAttending:
        report.skipped.append({"row": row.number, "message": _message(v.IMPORT_ALREADY_ATTENDING)})
    except (ValidationError, PermissionDenied) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        report.errors.append({"row": row.number, "message": message})


def _import_chunk(*, actor, event: Event, rows: list[_Row], report: ImportReport) -> None:
    villages = set(
        Village.objects.filter(code__in={r.village_code for r in rows}).values_list("code", flat=True)
    )
    good = []
    for row in rows:
        if row.village_code not in villages:
            report.errors.append({"row": row.number, "message": _message(v.IMPORT_VILLAGE_UNKNOWN)})
        else:
            good.append(row)
    by_nik = {p.nik_hash: p for p in Person.objects.filter(nik_hash__in=[r.digest for r in good if r.digest])}
    by_name: dict[tuple, Person] = {}
    for p in (
        Person.objects.active()
        .filter(name_key__in={name_key(r.name) for r in good}, village_id__in={r.village_code for r in good})
        .order_by("id")
    ):
        # "name": may be reused by a row that has a NIK (no other NIK on it); "any": by a row without one.
        if p.nik_hash is None:
            by_name.setdefault(("name", p.name_key, p.birth_year, p.village_id), p)
        by_name.setdefault(("any", p.name_key, p.birth_year, p.village_id), p)
    now = timezone.now()
    user = actor if getattr(actor, "is_authenticated", False) else None
    scope = scope_for(actor) if actor is not None else None
    resolved: list[tuple[_Row, Person]] = []
    new_persons: list[tuple[_Row, Person]] = []
    for row in good:
        person = by_nik.get(row.digest) if row.digest else None
        if person is None:
            kind = "name" if row.digest else "any"
            person = by_name.get((kind, name_key(row.name), row.birth_year, row.village_code))
        if person is not None:
            if scope is not None and not scope.contains_village(person.village_id):
                report.errors.append({"row": row.number, "message": _message(v.NIK_REGISTERED_ELSEWHERE)})
                continue
            report.persons_linked += 1
            resolved.append((row, person))
            continue
        person = Person(
            name=row.name,
            name_key=name_key(row.name),
            birth_date=row.birth_date,
            birth_year=row.birth_year,
            sex=row.sex,
            village_id=row.village_code,
            phone=row.phone,
            created_by=user,
        )
        if row.nik:
            person.nik_encrypted = nik_encrypt(row.nik)
            person.nik_hash = row.digest
            person.nik_masked = nik_lib.mask(row.nik)
        new_persons.append((row, person))
        # A later row of this chunk for the same person (one with NIK, one without) links to this record.
        by_name.setdefault(("any", person.name_key, row.birth_year, row.village_code), person)
        if not row.nik:
            by_name.setdefault(("name", person.name_key, row.birth_year, row.village_code), person)
    Person.objects.bulk_create([p for _, p in new_persons])
    report.persons_created += len(new_persons)
    resolved += new_persons
    attending = set(
        Attendance.objects.filter(event=event, person_id__in=[p.pk for _, p in resolved]).values_list(
            "person_id", flat=True
        )
    )
    consented = set(
        Consent.objects.filter(
            person_id__in=[p.pk for _, p in resolved], purpose=Purpose.EDUCATION, withdrawn_at__isnull=True
        ).values_list("person_id", flat=True)
    )
    consents, attendances = [], []
    for row, person in resolved:
        if person.pk in attending:
            report.skipped.append({"row": row.number, "message": _message(v.IMPORT_ALREADY_ATTENDING)})
            continue
        attending.add(person.pk)
        if person.pk not in consented:
            consented.add(person.pk)
            consents.append(
                Consent(
                    person=person,
                    purpose=Purpose.EDUCATION,
                    lawful_basis=LawfulBasis.CONSENT,
                    purpose_text=str(v.CONSENT_PURPOSE_TEXT),
                    given_at=now,
                    collected_by=user,
                    guardian_name=row.guardian_name,
                    guardian_relation=row.guardian_relation,
                )
            )
        attendances.append(
            Attendance(
                event=event,
                person=person,
                target_group=row.target_group,
                source=Attendance.Source.IMPORT,
                recorded_by=user,
            )
        )
    Consent.objects.bulk_create(consents)
    Attendance.objects.bulk_create(attendances)
    report.created += len(attendances)
    # Same trail as the single-row services write, in one insert per chunk.
    entries = [
        AuditEntry(
            actor=user,
            action=AuditEntry.Action.CREATE,
            target_type=label,
            target_id=str(obj.pk),
            summary=summary,
        )
        for label, objs, summary in (
            ("people.person", [p for _, p in new_persons], "Orang didaftarkan (impor daftar hadir)"),
            ("people.consent", consents, "Persetujuan education (impor daftar hadir)"),
            ("events.attendance", attendances, f"Hadir di kegiatan #{event.pk} (impor)"),
        )
        for obj in objs
    ]
    AuditEntry.objects.bulk_create(entries)


def attendance_import_sheet(*, actor, event: Event, source, progress=None) -> ImportReport:
    """Import a sign-in sheet (.xlsx path or file); every row ends up imported, in errors, or in skipped."""
    _check_village_write(actor, event.village_id)
    report = ImportReport()
    parser = _RowParser(actor)
    seen: dict[tuple, int] = {}
    chunk: list[_Row] = []
    total = 0

    def opened(estimate: int | None) -> None:
        nonlocal total
        total = estimate or 0
        if progress:
            progress(0, total or None)

    for number, cells in xl.read_rows(source, IMPORT_COLUMNS, on_open=opened):
        report.rows += 1
        row = parser.parse(number, cells)
        if isinstance(row, str):
            report.errors.append({"row": number, "message": row})
            continue
        first = seen.get(row.key)
        if first is not None:
            report.errors.append({"row": number, "message": str(v.IMPORT_DUPLICATE_ROW % {"row": first})})
            continue
        seen[row.key] = number
        chunk.append(row)
        if len(chunk) >= IMPORT_CHUNK:
            attendance_import_rows(actor=actor, event=event, rows=chunk, report=report)
            chunk = []
            if progress:
                progress(report.rows, max(total, report.rows))
    if chunk:
        attendance_import_rows(actor=actor, event=event, rows=chunk, report=report)
    report.errors.sort(key=lambda e: e["row"])
    report.skipped.sort(key=lambda e: e["row"])
    if progress:
        progress(report.rows, report.rows)
    return report


# --- Quizzes -------------------------------------------------------------------------------------------------------


@transaction.atomic
def quiz_response_record(
    *,
    actor,
    event: Event,
    phase: str,
    answers: dict[int, int | None],
    attendance: Attendance | None = None,
    source: str = QuizResponse.Source.PAPER,
) -> QuizResponse:
    """Score and store one pre- or post-test; `answers` maps question id → chosen choice id (None: unanswered)."""
    _check_village_write(actor, event.village_id)
    if event.quiz_template_id is None:
        raise ValidationError(v.NO_QUIZ)
    if phase not in QuizResponse.Phase.values:
        raise ValidationError({"phase": v.EVENT_BAD_TRANSITION})
    if attendance is not None:
        if attendance.event_id != event.pk:
            raise ValidationError(v.QUIZ_ATTENDANCE_OTHER_EVENT)
        if QuizResponse.objects.filter(event=event, phase=phase, attendance=attendance).exists():
            raise ValidationError(v.QUIZ_ALREADY_ANSWERED)
    template = event.quiz_template
    assert template is not None  # checked above through quiz_template_id, without a query
    question_ids = list(template.questions.values_list("pk", flat=True))
    choices = {
        c.pk: c
        for c in Choice.objects.filter(
            question_id__in=question_ids, pk__in=[a for a in answers.values() if a]
        )
    }
    rows = []
    for qid in question_ids:
        choice = choices.get(answers.get(qid) or 0)
        if choice is not None and choice.question_id != qid:
            choice = None
        rows.append(QuizAnswer(question_id=qid, choice=choice, is_correct=bool(choice and choice.is_correct)))
    response = QuizResponse(
        event=event,
        phase=phase,
        attendance=attendance,
        source=source,
        score=sum(r.is_correct for r in rows),
        total=len(rows),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    response.full_clean(exclude=["recorded_by", "attendance"], validate_constraints=False)
    response.save()
    for row in rows:
        row.response = response
    QuizAnswer.objects.bulk_create(rows)
    audit_created(
        actor=actor,
        target=response,
        summary=f"Kuis {phase} kegiatan #{event.pk}: {response.score}/{response.total}",
    )
    return response


# --- Rate limiting -------------------------------------------------------------------------------------------------


def rate_limit_allow(*, key: str, limit: int, window_seconds: int, now: dt.datetime | None = None) -> bool:
    """Count one request for `key` in the current window; False once the window holds more than `limit`."""
    now = now or timezone.now()
    count = ratelimit.count_hit(RateBucket, key=key[:100], start=ratelimit.window_start(now, window_seconds))
    if count == 1:
        # New window: forget yesterday's buckets so the table stays small.
        RateBucket.objects.filter(window_start__lt=now - dt.timedelta(days=1)).delete()
    return count <= limit
