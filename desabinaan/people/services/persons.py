"""Writes of one person: create (with duplicate checks), update, consents, the logged NIK reveal."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import (
    access_record,
    audit_created,
    audit_record,
    diff,
    snapshot,
)
from desabinaan.core.errors import Conflict
from lib import nik as nik_lib
from lib.text import name_key

from .. import validation as v
from ..crypto import nik_decrypt, nik_encrypt, nik_hash
from ..models import Consent, Person
from ..selectors import lawful_basis_preset

ADULT_AGE = 18
# Fields person_update may change; anything else goes through its own service (merge, NIK rotation).
EDITABLE_FIELDS = ("name", "birth_date", "birth_year", "sex", "village", "phone")
UNCHANGED = object()
NIK_REVEAL_ROLES = frozenset({Role.OFFICER, Role.PIMPASA, Role.NATIONAL_ADMIN})
# Who may record a lawful basis other than the preset one (a case that rests on another basis).
BASIS_CHOOSING_ROLES = frozenset({Role.OFFICER, Role.PIMPASA, Role.NATIONAL_ADMIN})
# The access-log purpose of a full-NIK view; tests and the subject-access report look for it.
NIK_REVEAL_PURPOSE = "tampilkan NIK"


class NikAlreadyRegistered(Exception):
    """The NIK belongs to a registered person (who may be outside the caller's scope)."""

    def __init__(self, existing: Person):
        super().__init__("NIK already registered")
        self.existing = existing


class ProbableDuplicates(Exception):
    """Similar persons exist; the caller decides to use one of them or to create anyway."""

    def __init__(self, candidates: list[Person]):
        super().__init__(f"{len(candidates)} probable duplicates")
        self.candidates = candidates


def _birth_fields(
    birth_date: dt.date | None, birth_year: int | None, *, today: dt.date | None = None
) -> tuple[dt.date | None, int | None]:
    if birth_date is None and birth_year is None:
        raise ValidationError({"birth_date": v.BIRTH_REQUIRED})
    today = today or timezone.localdate()
    if birth_date is not None:
        if birth_date > today:
            raise ValidationError({"birth_date": v.BIRTH_IN_FUTURE})
        if birth_year is not None and birth_year != birth_date.year:
            raise ValidationError({"birth_year": v.BIRTH_YEAR_MISMATCH})
        birth_year = birth_date.year
    if birth_year is None or not 1900 <= birth_year <= today.year:
        raise ValidationError({"birth_year": v.BIRTH_YEAR_RANGE})
    return birth_date, birth_year


def _set_nik(person: Person, raw: str) -> None:
    value = nik_lib.normalize(raw)
    person.nik_encrypted = nik_encrypt(value)
    person.nik_hash = nik_hash(value)
    person.nik_masked = nik_lib.mask(value)


def _check_write(actor, village) -> None:
    """Raise PermissionDenied unless the actor may write persons of `village` (None actor: system jobs)."""
    if actor is None:
        return
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDenied(v.READ_ONLY)
    if not scope.contains_village(village):
        raise PermissionDenied(v.VILLAGE_OUT_OF_SCOPE)


def probable_duplicates_of(
    *,
    name: str,
    birth_date: dt.date | None,
    birth_year: int | None,
    village,
    within=None,
    exclude_pk: int | None = None,
) -> list[Person]:
    """Active persons with the same name key and either the same birth date or the same year and village."""
    same_year_and_village = Q(birth_year=birth_year, village=village) if birth_year else Q(pk__in=[])
    match = same_year_and_village
    if birth_date is not None:
        match |= Q(birth_date=birth_date)
    qs = Person.objects.active().filter(match, name_key=name_key(name)).select_related("village")
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    if within is not None:
        qs = within.filter(qs, path="village")
    return list(qs.order_by("name", "id")[:20])


@transaction.atomic
def person_create(
    *,
    actor,
    name: str,
    nik: str | None = None,
    birth_date: dt.date | None = None,
    birth_year: int | None = None,
    sex: str,
    village,
    phone: str = "",
    allow_probable_duplicates: bool = False,
) -> Person:
    """Register a person.

    Raises ValidationError (NIK message codes are lib.nik codes), PermissionDenied when the village is outside the
    actor's scope, NikAlreadyRegistered on an exact NIK match, and ProbableDuplicates unless allowed.
    """
    _check_write(actor, village)
    name = v.name_clean(name)
    birth_date, birth_year = _birth_fields(birth_date, birth_year)
    person = Person(
        name=name,
        name_key=name_key(name),
        birth_date=birth_date,
        birth_year=birth_year,
        sex=sex,
        village=village,
        phone=v.phone_clean(phone),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if nik:
        v.nik_validate(nik, sex=sex, birth_date=birth_date, birth_year=birth_year)
        _set_nik(person, nik)
        existing = Person.objects.filter(nik_hash=person.nik_hash).first()
        if existing is not None:
            raise NikAlreadyRegistered(existing)
    if not allow_probable_duplicates:
        # Candidates only from the actor's scope: listing people the actor may not see would leak them.
        candidates = probable_duplicates_of(
            name=name,
            birth_date=birth_date,
            birth_year=birth_year,
            village=village,
            within=scope_for(actor) if actor is not None else None,
        )
        if candidates:
            raise ProbableDuplicates(candidates)
    person.full_clean(exclude=["created_by"])
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError:
        # Another request registered the same NIK between our check and the insert.
        existing = Person.objects.filter(nik_hash=person.nik_hash).first() if person.nik_hash else None
        if existing is None:
            raise
        raise NikAlreadyRegistered(existing) from None
    audit_created(actor=actor, target=person, summary=f"Orang didaftarkan: {person.name}")
    return person


@transaction.atomic
def person_update(*, actor, person: Person, version: int, nik=UNCHANGED, **fields) -> Person:
    """Change a person's data; `version` is the one the caller read, and a stale one raises Conflict.

    `nik` replaces the NIK when given (a NIK cannot be removed here; merging handles wrong records).
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"person_update cannot change {sorted(unknown)}")
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.version != version:
        raise Conflict(v.VERSION_CONFLICT, field="version", code="version")
    _check_write(actor, current.village)
    if "village" in fields:
        _check_write(actor, fields["village"])
    before = snapshot(current)
    for field, value in fields.items():
        setattr(current, field, value)
    current.name = v.name_clean(current.name)
    # A number typed now is stored in its E.164 form; one stored before normalisation is left as it is.
    current.phone = v.phone_clean(current.phone) if "phone" in fields else (current.phone or "").strip()
    if "birth_date" in fields and "birth_year" not in fields and current.birth_date:
        current.birth_year = current.birth_date.year
    current.birth_date, current.birth_year = _birth_fields(current.birth_date, current.birth_year)
    current.name_key = name_key(current.name)
    checks = {"sex": current.sex, "birth_date": current.birth_date, "birth_year": current.birth_year}
    if nik is not UNCHANGED and nik:
        v.nik_validate(nik, **checks)
        _set_nik(current, nik)
        existing = Person.objects.filter(nik_hash=current.nik_hash).exclude(pk=current.pk).first()
        if existing is not None:
            raise NikAlreadyRegistered(existing)
    elif current.nik_encrypted and current.nik_hash:
        # Sex or birth date changed under an existing NIK: it must still agree with them.
        v.nik_validate(nik_decrypt(current.nik_encrypted), **checks)
    current.full_clean(exclude=["created_by", "merged_into"])
    changes = diff(before, snapshot(current))
    if not changes:
        return current
    current.version = version + 1
    current.save(update_fields=[*changes.keys(), "version", "updated_at"])
    changes["version"] = [version, current.version]
    audit_record(actor=actor, action=AuditEntry.Action.UPDATE, target=current, changes=changes)
    return current


@transaction.atomic
def consent_record(
    *,
    actor,
    person: Person,
    purpose: str,
    lawful_basis: str,
    purpose_text: str,
    guardian_name: str = "",
    guardian_relation: str = "",
) -> Consent:
    """Record the lawful basis (and consent) for one purpose; a person under 18 needs a guardian (UU PDP Art. 25)."""
    _check_write(actor, person.village)
    now = timezone.now()
    guardian_name = v.name_clean(guardian_name, field="guardian_name")
    guardian_relation = v.name_clean(guardian_relation, field="guardian_relation")
    age = person.age_on(timezone.localdate())
    if age is not None and age < ADULT_AGE and not (guardian_name and guardian_relation):
        raise ValidationError({"guardian_name": v.GUARDIAN_REQUIRED})
    consent = Consent(
        person=person,
        purpose=purpose,
        lawful_basis=lawful_basis,
        purpose_text=purpose_text.strip(),
        given_at=now,
        collected_by=actor if getattr(actor, "is_authenticated", False) else None,
        guardian_name=guardian_name,
        guardian_relation=guardian_relation,
    )
    consent.full_clean(exclude=["collected_by"])
    consent.save()
    audit_created(actor=actor, target=consent, summary=f"Persetujuan {purpose} untuk orang #{person.pk}")
    return consent


def can_choose_lawful_basis(user) -> bool:
    """Officers (and national administrators) may record another lawful basis than the preset; liaisons may not."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user.role in BASIS_CHOOSING_ROLES
    )


@transaction.atomic
def consents_record(
    *,
    actor,
    person: Person,
    purpose_texts: dict[str, str],
    lawful_basis: str = "",
    guardian_name: str = "",
    guardian_relation: str = "",
) -> list[Consent]:
    """Record several purposes in one step ({purpose: text shown}), each under its preset lawful basis
    (`selectors.lawful_basis_preset`) unless an officer chose `lawful_basis`. PermissionDenied when anyone else
    sends a basis other than the preset: the form never offers it to them, so this is a forged request."""
    if not purpose_texts:
        raise ValidationError({"purposes": v.PURPOSE_REQUIRED})
    role = getattr(actor, "role", "")
    may_choose = can_choose_lawful_basis(actor)
    consents = []
    for purpose, text in purpose_texts.items():
        preset, _source = lawful_basis_preset(purpose=purpose, role=role)
        if lawful_basis and lawful_basis != preset and not may_choose:
            raise PermissionDenied(v.LAWFUL_BASIS_OFFICERS_ONLY)
        consents.append(
            consent_record(
                actor=actor,
                person=person,
                purpose=purpose,
                lawful_basis=lawful_basis or preset,
                purpose_text=text,
                guardian_name=guardian_name,
                guardian_relation=guardian_relation,
            )
        )
    return consents


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent) -> Consent:
    consent = Consent.objects.select_for_update().select_related("person__village").get(pk=consent.pk)
    _check_write(actor, consent.person.village)
    if consent.withdrawn_at is not None:
        raise ValidationError(v.CONSENT_ALREADY_WITHDRAWN)
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=consent,
        changes={"withdrawn_at": [None, consent.withdrawn_at.isoformat()]},
        summary=f"Persetujuan ditarik untuk orang #{consent.person_id}",
    )
    return consent


def can_reveal_nik(user) -> bool:
    """Only the roles that need the full NIK (passport and case work) may see it; everyone else sees the mask."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user.role in NIK_REVEAL_ROLES
    )


@transaction.atomic
def person_nik_reveal(*, actor, person: Person, channel: str = "web") -> str:
    """The clear NIK, after checking the role and the scope; the reveal itself is written to the access log."""
    if not can_reveal_nik(actor) or not scope_for(actor).contains_village(person.village_id):
        raise PermissionDenied(v.NIK_REVEAL_DENIED)
    access_record(actor=actor, person=person, channel=channel, purpose=NIK_REVEAL_PURPOSE)
    return nik_decrypt(person.nik_encrypted) if person.nik_encrypted else ""
