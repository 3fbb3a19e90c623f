"""Events API: /api/v1/events. Same services and selectors as the pages.

The field names of the request and response schemas are a contract with API clients (the offline attendance
queue among them); add fields, never rename.
"""

import datetime as dt
import uuid
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from desabinaan.accounts.scope import scope_for
from desabinaan.core.errors import ErrorOut, conflict_body, error_body, field_invalid
from desabinaan.core.validators import DigitCode, FreeText, NameText
from desabinaan.people import selectors as people_selectors
from desabinaan.people import validation as pv
from desabinaan.regions.selectors import normalize_code, village_get

from . import selectors, services
from . import validation as v
from .models import Attendance, Event, TargetGroup, Topic

router = Router(tags=["sosialisasi"])
UNKNOWN_CODES = _("Kode tidak dikenal: %(codes)s.")


class EventIn(Schema):
    village_code: DigitCode = Field(description="Kode Kemendagri desa/kelurahan, mis. 17.08.04.2002")
    title: NameText = Field(min_length=1, max_length=200)
    starts_at: dt.datetime
    ends_at: dt.datetime | None = Field(None, description="Bawaan: 3 jam setelah mulai")
    venue: str = Field("", max_length=200)
    target_groups: list[str] = Field(
        default_factory=list, description="Kode kelompok sasaran, mis. pelajar-sma"
    )
    topics: list[str] = Field(default_factory=list, description="Kode topik, mis. tppo")
    speakers: FreeText = ""
    planned_attendance: int = Field(0, ge=0)


class EventOut(Schema):
    id: int
    title: str
    village_code: str
    village_name: str
    venue: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: str
    target_groups: list[str]
    topics: list[str]
    planned_attendance: int
    actual_attendance: int | None
    kanim_id: int | None

    @staticmethod
    def resolve_village_code(obj) -> str:
        return obj.village_id

    @staticmethod
    def resolve_village_name(obj) -> str:
        return obj.village.name

    @staticmethod
    def resolve_target_groups(obj) -> list[str]:
        return [g.code for g in obj.target_groups.all()]

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [t.code for t in obj.topics.all()]


class EventFilter(Schema):
    q: str = ""
    status: str = ""
    topic: str = ""
    target_group: str = ""


class AttendanceIn(Schema):
    client_id: uuid.UUID = Field(
        description="UUID dibuat perangkat; kirim ulang dengan id sama tidak menggandakan"
    )
    name: NameText = Field(min_length=1, max_length=150)
    sex: Literal["M", "F"]
    birth_year: int | None = None
    birth_date: dt.date | None = None
    nik: str | None = Field(None, description="16 angka; tidak pernah dikembalikan utuh")
    village_code: DigitCode
    target_group: str | None = Field(None, description="Kode kelompok sasaran")
    phone: str = Field("", max_length=20)
    consent: bool
    guardian_name: NameText = Field("", max_length=150)
    guardian_relation: NameText = Field("", max_length=50)
    source: Literal["api", "offline"] = "api"


class AttendanceOut(Schema):
    id: int
    client_id: uuid.UUID
    person_id: int
    name: str
    nik_masked: str
    village_code: str
    target_group: str | None
    source: str
    created_at: dt.datetime

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.person.name

    @staticmethod
    def resolve_nik_masked(obj) -> str:
        return obj.person.nik_masked

    @staticmethod
    def resolve_village_code(obj) -> str:
        return obj.person.village_id

    @staticmethod
    def resolve_target_group(obj) -> str | None:
        return obj.target_group.code if obj.target_group_id else None


class ConflictOut(ErrorOut):
    """The 409 of a person already on the list or a reused client_id: the error body plus the attendance record."""

    existing_id: int | None = None


class PhaseOut(Schema):
    responses: int
    mean_percent: float | None


class QuestionResultOut(Schema):
    id: int
    text: str
    topic: str
    pre_answered: int
    pre_correct_rate: float | None
    post_answered: int
    post_correct_rate: float | None


class QuizResultsOut(Schema):
    pre: PhaseOut
    post: PhaseOut
    gain_points: float | None
    normalized_gain: float | None
    questions: list[QuestionResultOut]


def _event(request, event_id: int) -> Event:
    return selectors.event_get_for_user(request.auth, pk=event_id)


def _by_codes(model, codes: list[str]):
    objects = list(model.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {o.code for o in objects})
    return objects, unknown


@router.get("", response=list[EventOut], summary="Daftar kegiatan sosialisasi di wilayah kerja")
@paginate
def list_events(request, filters: EventFilter = Query(...)):  # noqa: B008 - ninja's declaration style
    return selectors.events_for_user(request.auth, **filters.dict())


@router.post("", response={201: EventOut}, summary="Rencanakan kegiatan")
def create_event(request, payload: EventIn):
    if not scope_for(request.auth).can_write:
        raise PermissionDenied(v.EVENT_READ_ONLY)
    village = village_get(code=normalize_code(payload.village_code))
    if village is None:
        raise field_invalid("village_code", pv.VILLAGE_UNKNOWN_CODE, code="unknown")
    groups, unknown_groups = _by_codes(TargetGroup, payload.target_groups)
    topics, unknown_topics = _by_codes(Topic, payload.topics)
    if unknown_groups or unknown_topics:
        field = "target_groups" if unknown_groups else "topics"
        codes = ", ".join(unknown_groups or unknown_topics)
        raise field_invalid(field, UNKNOWN_CODES % {"codes": codes}, code="unknown")
    event = services.event_create(
        actor=request.auth,
        title=payload.title,
        village=village,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        venue=payload.venue,
        target_groups=groups,
        topics=topics,
        speakers=payload.speakers,
        planned_attendance=payload.planned_attendance,
    )
    return 201, event


@router.get("/{int:event_id}", response=EventOut, summary="Detail kegiatan")
def get_event(request, event_id: int):
    return _event(request, event_id)


@router.get(
    "/{int:event_id}/attendance",
    response=list[AttendanceOut],
    summary="Daftar hadir kegiatan",
)
@paginate
def list_attendance(request, event_id: int):
    # Outside the caller's scope: Http404 (ninja answers 404), the same as for an event that does not exist.
    return selectors.attendance_for_event(_event(request, event_id))


@router.post(
    "/{int:event_id}/attendance",
    response={200: AttendanceOut, 201: AttendanceOut, 409: ConflictOut},
    summary="Catat kehadiran (idempoten per client_id)",
)
def record_attendance(request, event_id: int, payload: AttendanceIn):
    """201 for a new record; 200 with the same record when this client_id was already received with the same
    attendee; 409 `already_attending` (the person is on the list under another client_id) or `client_id_reused`
    (this client_id was received with another attendee), each with `existing_id`."""
    event = _event(request, event_id)
    if not services.can_write_event(request.auth, event):
        raise PermissionDenied(v.EVENT_READ_ONLY)
    village = village_get(code=normalize_code(payload.village_code))
    if village is None:
        raise field_invalid("village_code", pv.VILLAGE_UNKNOWN_CODE, code="unknown")
    group = None
    if payload.target_group:
        group = TargetGroup.objects.filter(code=payload.target_group).first()
        if group is None:
            raise field_invalid("target_group", v.TARGET_GROUP_UNKNOWN, code="unknown")
    try:
        attendance, created = services.attendance_record(
            actor=request.auth,
            event=event,
            client_id=payload.client_id,
            name=payload.name,
            sex=payload.sex,
            birth_year=payload.birth_year,
            birth_date=payload.birth_date,
            nik=payload.nik or "",
            village=village,
            target_group=group,
            phone=payload.phone,
            consent=payload.consent,
            guardian_name=payload.guardian_name,
            guardian_relation=payload.guardian_relation,
            source=payload.source,
        )
    except services.AlreadyAttending as exc:
        # Not a plain Conflict: the offline queue needs the existing record's id to reconcile.
        body = error_body(v.ALREADY_ATTENDING, code="already_attending")
        return 409, {**body, "existing_id": exc.existing.pk}
    except services.ClientIdReused as exc:
        return 409, {**conflict_body(exc), "existing_id": exc.existing.pk}
    attendance = selectors.attendance_for_event(event).get(pk=attendance.pk)
    return (201 if created else 200), attendance


class PickIn(Schema):
    person_id: int = Field(description="Orang yang sudah terdaftar (dari POST /api/v1/people/search)")
    target_group: str | None = Field(None, description="Kode kelompok sasaran")
    consent: bool = Field(False, description="Wajib bila orang ini belum memiliki persetujuan edukasi")
    guardian_name: NameText = Field("", max_length=150)
    guardian_relation: NameText = Field("", max_length=50)


class AttendanceChangeIn(Schema):
    target_group: str | None = Field(None, description="Kode kelompok sasaran; null untuk mengosongkan")


def _target_group(code: str | None) -> TargetGroup | None:
    if not code:
        return None
    group = TargetGroup.objects.filter(code=code).first()
    if group is None:
        raise field_invalid("target_group", v.TARGET_GROUP_UNKNOWN, code="unknown")
    return group


def _writable_event(request, event_id: int) -> Event:
    event = _event(request, event_id)
    if not services.can_write_event(request.auth, event):
        raise PermissionDenied(v.EVENT_READ_ONLY)
    return event


@router.post(
    "/{int:event_id}/attendance/pick",
    response={201: AttendanceOut, 409: ConflictOut},
    summary="Catat kehadiran orang yang sudah terdaftar",
)
def pick_attendance(request, event_id: int, payload: PickIn):
    """The picker: a person already in the registry (in the caller's scope, else 404) is added without typing
    anything again. 409 `already_attending` with `existing_id` when they are on the list."""
    event = _writable_event(request, event_id)
    person = people_selectors.person_get_for_user(request.auth, pk=payload.person_id)
    try:
        attendance = services.attendance_record_person(
            actor=request.auth,
            event=event,
            person=person,
            target_group=_target_group(payload.target_group),
            consent=payload.consent,
            guardian_name=payload.guardian_name,
            guardian_relation=payload.guardian_relation,
            source=Attendance.Source.API,
        )
    except services.AlreadyAttending as exc:
        body = error_body(v.ALREADY_ATTENDING, code="already_attending")
        return 409, {**body, "existing_id": exc.existing.pk}
    return 201, selectors.attendance_for_event(event).get(pk=attendance.pk)


@router.patch(
    "/{int:event_id}/attendance/{int:attendance_id}",
    response=AttendanceOut,
    summary="Perbaiki kehadiran (kelompok sasaran)",
)
def change_attendance(request, event_id: int, attendance_id: int, payload: AttendanceChangeIn):
    event = _writable_event(request, event_id)
    attendance = selectors.attendance_get(event=event, pk=attendance_id)
    services.attendance_update(
        actor=request.auth, attendance=attendance, target_group=_target_group(payload.target_group)
    )
    return selectors.attendance_for_event(event).get(pk=attendance.pk)


@router.delete(
    "/{int:event_id}/attendance/{int:attendance_id}",
    response={204: None},
    summary="Hapus kehadiran yang salah catat (orangnya tetap di registri)",
)
def remove_attendance(request, event_id: int, attendance_id: int):
    event = _writable_event(request, event_id)
    services.attendance_remove(
        actor=request.auth, attendance=selectors.attendance_get(event=event, pk=attendance_id)
    )
    return 204, None


@router.get(
    "/{int:event_id}/quiz-results",
    response=QuizResultsOut,
    summary="Hasil kuis pra/pasca: rata-rata, peningkatan, dan tingkat benar per soal",
)
def quiz_results(request, event_id: int):
    return selectors.quiz_results(_event(request, event_id))
