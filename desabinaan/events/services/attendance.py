"""Recording one attendee: the person rule, consent for education, and the attendance row.

`attendance_record` is the one path for a single attendee (the phone form, the offline queue through the API,
self check-in). The person rule: an exact NIK links the registered person; otherwise a person with the same name
key, birth year and village is reused; otherwise the person is registered through `people.person_create`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import audit_created
from desabinaan.core.errors import Conflict
from desabinaan.core.guards import person_use_check
from desabinaan.people import services as people
from desabinaan.people import validation as pv
from desabinaan.people.crypto import nik_hash
from desabinaan.people.models import Consent, LawfulBasis, Person, Purpose
from lib.text import name_key

from .. import validation as v
from ..models import Attendance, Event, TargetGroup
from .common import check_event_started, check_village_write


class AlreadyAttending(Exception):
    def __init__(self, existing: Attendance):
        super().__init__(str(v.ALREADY_ATTENDING))
        self.existing = existing


class ClientIdReused(Conflict):
    """A client_id already received, re-sent with data that names another attendee (409, `existing` named)."""

    def __init__(self, existing: Attendance):
        super().__init__(
            v.CLIENT_ID_REUSED % {"id": existing.pk}, field="client_id", code=CLIENT_ID_REUSED_CODE
        )
        self.existing = existing


CLIENT_ID_REUSED_CODE = "client_id_reused"


def _same_attendee(existing: Attendance, *, name, birth_date, birth_year, nik, village, target_group) -> bool:
    """Whether a re-sent record names the attendee `existing` holds, by the person rule and the target group.

    A retry from the offline queue sends the same data; different data under the same client_id is a client bug
    (a reused id) that used to be answered as a success while the new attendee was silently dropped.
    """
    if existing.target_group_id != (target_group.pk if target_group else None):
        return False
    person = existing.person
    if nik:
        return person.nik_hash == nik_hash(nik)
    year = birth_date.year if birth_date is not None else birth_year
    return (
        person.name_key == name_key(" ".join((name or "").split()))
        and person.birth_year == year
        and person.village_id == getattr(village, "pk", village)
    )


def _has_education_consent(person_id: int) -> bool:
    return Consent.objects.filter(
        person_id=person_id, purpose=Purpose.EDUCATION, withdrawn_at__isnull=True
    ).exists()


def new_attendance(
    *,
    actor,
    event: Event,
    person: Person,
    target_group: TargetGroup | None,
    consent: bool,
    guardian_name: str,
    guardian_relation: str,
    client_id: uuid.UUID,
    source: str,
) -> Attendance:
    """A validated, unsaved attendance of `person` (typed in or picked from the registry): refused for a restricted
    person (UU PDP Art. 41: kept, not newly added to any list) or one already on the list (AlreadyAttending); the
    education consent is recorded when none stands (ValidationError on `consent` when it was not given now)."""
    person_use_check(person.pk)
    already = Attendance.objects.filter(event=event, person=person).first()
    if already is not None:
        raise AlreadyAttending(already)
    if not _has_education_consent(person.pk):
        if not consent:
            raise ValidationError({"consent": v.CONSENT_REQUIRED})
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
        client_id=client_id,
        source=source,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    attendance.full_clean(exclude=["recorded_by"], validate_constraints=False)
    return attendance


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
    """Record one attendee: (attendance, created). A client_id already received with the same attendee returns
    its row unchanged.

    Raises ValidationError, PermissionDenied, AlreadyAttending when the person is already on the list under
    another client_id, or ClientIdReused (a Conflict) when the client_id was received with another attendee.
    """
    check_village_write(actor, event.village_id)
    check_event_started(event)
    resent = {
        "name": name,
        "birth_date": birth_date,
        "birth_year": birth_year,
        "nik": (nik or "").strip(),
        "village": village,
        "target_group": target_group,
    }
    if client_id:
        client_id = uuid.UUID(str(client_id))
        existing = (
            Attendance.objects.filter(event=event, client_id=client_id).select_related("person").first()
        )
        if existing is not None:
            if not _same_attendee(existing, **resent):
                raise ClientIdReused(existing)
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
    attendance = new_attendance(
        actor=actor,
        event=event,
        person=person,
        target_group=target_group,
        consent=True,
        guardian_name=guardian_name,
        guardian_relation=guardian_relation,
        client_id=client_id or uuid.uuid4(),
        source=source,
    )
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:
        # A retry of the same sync raced us: answer with the row the first request created.
        existing = (
            Attendance.objects.filter(event=event, client_id=attendance.client_id)
            .select_related("person")
            .first()
        )
        if existing is not None:
            if not _same_attendee(existing, **resent):
                raise ClientIdReused(existing) from None
            return existing, False
        raise AlreadyAttending(Attendance.objects.get(event=event, person=person)) from None
    audit_created(
        actor=actor, target=attendance, summary=f"Hadir di kegiatan #{event.pk}: orang #{person.pk}"
    )
    return attendance, True
