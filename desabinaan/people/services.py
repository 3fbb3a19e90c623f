"""Writes of the person registry. Pages, the API and management commands all call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import (
    access_record,
    audit_bulk_created,
    audit_created,
    audit_record,
    diff,
    snapshot,
)
from desabinaan.core.errors import Conflict
from desabinaan.regions.models import Village
from lib import nik as nik_lib
from lib.text import name_key

from . import validation as v
from .crypto import nik_decrypt, nik_encrypt, nik_hash
from .models import Consent, NotDuplicate, Person

ADULT_AGE = 18
# Fields person_update may change; anything else goes through its own service (merge, NIK rotation).
EDITABLE_FIELDS = ("name", "birth_date", "birth_year", "sex", "village", "phone")
UNCHANGED = object()
NIK_REVEAL_ROLES = frozenset({Role.OFFICER, Role.PIMPASA, Role.NATIONAL_ADMIN})
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


def _birth_fields(birth_date: dt.date | None, birth_year: int | None) -> tuple[dt.date | None, int | None]:
    if birth_date is None and birth_year is None:
        raise ValidationError({"birth_date": v.BIRTH_REQUIRED})
    today = timezone.localdate()
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
    name = " ".join((name or "").split())
    birth_date, birth_year = _birth_fields(birth_date, birth_year)
    person = Person(
        name=name,
        name_key=name_key(name),
        birth_date=birth_date,
        birth_year=birth_year,
        sex=sex,
        village=village,
        phone=(phone or "").strip(),
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


@dataclass
class PersonIn:
    """One person for `persons_bulk_create`: the arguments of `person_create`, plus the guardian of a minor."""

    name: str
    sex: str
    village_id: str
    birth_date: dt.date | None = None
    birth_year: int | None = None
    nik: str = ""
    phone: str = ""
    guardian_name: str = ""
    guardian_relation: str = ""


@dataclass(frozen=True)
class ConsentTerms:
    """What one bulk write asks consent for: the same purpose, lawful basis and shown text for every person."""

    purpose: str
    lawful_basis: str
    purpose_text: str


@dataclass
class BulkOutcome:
    """What became of one input row: exactly one of `person` (written), `existing`, `candidates` or `error`."""

    person: Person | None = None
    # The NIK belongs to this registered person (person_create's NikAlreadyRegistered).
    existing: Person | None = None
    # Similar persons in the actor's scope (person_create's ProbableDuplicates).
    candidates: list[Person] = dataclass_field(default_factory=list)
    # The reason the row was refused (a ValidationError's or PermissionDenied's message).
    error: str = ""
    consent: Consent | None = None


def _error_message(exc: ValidationError | PermissionDenied) -> str:
    return exc.messages[0] if isinstance(exc, ValidationError) else str(exc)


def _consent_for(*, actor, person: Person, terms: ConsentTerms, guardian_name: str, guardian_relation: str):
    """consent_record's checks and row, unsaved: a person under 18 needs a guardian (UU PDP Art. 25)."""
    guardian_name, guardian_relation = guardian_name.strip(), guardian_relation.strip()
    age = person.age_on(timezone.localdate())
    if age is not None and age < ADULT_AGE and not (guardian_name and guardian_relation):
        raise ValidationError({"guardian_name": v.GUARDIAN_REQUIRED})
    consent = Consent(
        person=person,
        purpose=terms.purpose,
        lawful_basis=terms.lawful_basis,
        purpose_text=terms.purpose_text.strip(),
        given_at=timezone.now(),
        collected_by=actor if getattr(actor, "is_authenticated", False) else None,
        guardian_name=guardian_name,
        guardian_relation=guardian_relation,
    )
    # The person may not be saved yet (persons_bulk_create); it is checked by the caller.
    consent.full_clean(exclude=["collected_by", "person"])
    return consent


@transaction.atomic
def persons_bulk_create(
    *,
    actor,
    rows: Sequence[PersonIn],
    consent: ConsentTerms | None = None,
    allow_probable_duplicates: bool = False,
) -> list[BulkOutcome]:
    """Register many persons, each checked as `person_create` checks one; one outcome per row, in order.

    A refused row is reported in its outcome (error, existing NIK holder or probable duplicates), never dropped,
    and never stops the others. With `consent`, each new person's consent is written too, checked as
    `consent_record` checks it (a refused consent refuses the person). The per-row database checks of
    `full_clean` (village exists, NIK unique) run as one query for all rows instead of one per row.
    """
    scope = scope_for(actor) if actor is not None else None
    user = actor if getattr(actor, "is_authenticated", False) else None
    villages = set(
        Village.objects.filter(code__in={r.village_id for r in rows}).values_list("code", flat=True)
    )
    districts = cache(v.district_exists)
    outcomes = [BulkOutcome() for _ in rows]
    pending: list[tuple[int, Person]] = []
    for index, row in enumerate(rows):
        try:
            if scope is not None:
                if not scope.can_write:
                    raise PermissionDenied(v.READ_ONLY)
                if not scope.contains_village(row.village_id):
                    raise PermissionDenied(v.VILLAGE_OUT_OF_SCOPE)
            if row.village_id not in villages:
                raise ValidationError({"village": v.VILLAGE_UNKNOWN_CODE})
            name = " ".join((row.name or "").split())
            birth_date, birth_year = _birth_fields(row.birth_date, row.birth_year)
            person = Person(
                name=name,
                name_key=name_key(name),
                birth_date=birth_date,
                birth_year=birth_year,
                sex=row.sex,
                village_id=row.village_id,
                phone=(row.phone or "").strip(),
                created_by=user,
            )
            if row.nik:
                v.nik_validate(
                    row.nik, sex=row.sex, birth_date=birth_date, birth_year=birth_year, districts=districts
                )
                _set_nik(person, row.nik)
            # Village and NIK uniqueness are checked for all rows at once (above and below); the check constraints
            # (birth year matches the date, sex M/F) are what _birth_fields and the field choices already enforce.
            person.full_clean(
                exclude=["created_by", "village"], validate_unique=False, validate_constraints=False
            )
        except (ValidationError, PermissionDenied) as exc:
            outcomes[index].error = _error_message(exc)
            continue
        pending.append((index, person))

    registered = {
        p.nik_hash: p
        for p in Person.objects.filter(nik_hash__in=[p.nik_hash for _, p in pending if p.nik_hash])
    }
    by_key: dict[str, list[Person]] = {}
    if not allow_probable_duplicates and pending:
        similar = Person.objects.active().filter(name_key__in={p.name_key for _, p in pending})
        if scope is not None:
            # Candidates only from the actor's scope: listing people the actor may not see would leak them.
            similar = scope.filter(similar, path="village")
        for candidate in similar.select_related("village").order_by("name", "id"):
            by_key.setdefault(candidate.name_key, []).append(candidate)
    new: list[tuple[int, Person]] = []
    consents: list[tuple[int, Consent]] = []
    for index, person in pending:
        outcome, row = outcomes[index], rows[index]
        if person.nik_hash and person.nik_hash in registered:
            outcome.existing = registered[person.nik_hash]
            continue
        candidates = [
            c
            for c in by_key.get(person.name_key, [])
            if (person.birth_date is not None and c.birth_date == person.birth_date)
            or (c.birth_year == person.birth_year and c.village_id == person.village_id)
        ]
        if candidates:
            outcome.candidates = candidates[:20]
            continue
        if consent is not None:
            try:
                consents.append(
                    (
                        index,
                        _consent_for(
                            actor=actor,
                            person=person,
                            terms=consent,
                            guardian_name=row.guardian_name,
                            guardian_relation=row.guardian_relation,
                        ),
                    )
                )
            except ValidationError as exc:
                outcome.error = _error_message(exc)
                continue
        if person.nik_hash:
            # A later row with the same NIK is that person, as person_create would answer after this one.
            registered[person.nik_hash] = person
        new.append((index, person))

    Person.objects.bulk_create([p for _, p in new])
    for index, person in new:
        outcomes[index].person = person
    saved = dict(new)
    for index, item in consents:
        item.person = saved[index]  # sets person_id now that the person has one
        outcomes[index].consent = item
    Consent.objects.bulk_create([c for _, c in consents])
    audit_bulk_created(
        actor=actor, targets=[p for _, p in new], summary=lambda p: f"Orang didaftarkan: {p.name}"
    )
    audit_bulk_created(
        actor=actor,
        targets=[c for _, c in consents],
        summary=lambda c: f"Persetujuan {c.purpose} untuk orang #{c.person_id}",
    )
    return outcomes


@transaction.atomic
def consents_bulk_record(
    *, actor, items: Sequence[tuple[Person, str, str]], terms: ConsentTerms
) -> list[Consent | str]:
    """`consent_record` for many persons: `items` are (person, guardian name, guardian relation).

    One answer per item, in order: the written consent, or the message that refused it.
    """
    scope = scope_for(actor) if actor is not None else None
    answers: list[Consent | str] = []
    for person, guardian_name, guardian_relation in items:
        try:
            if scope is not None:
                if not scope.can_write:
                    raise PermissionDenied(v.READ_ONLY)
                if not scope.contains_village(person.village_id):
                    raise PermissionDenied(v.VILLAGE_OUT_OF_SCOPE)
            answers.append(
                _consent_for(
                    actor=actor,
                    person=person,
                    terms=terms,
                    guardian_name=guardian_name,
                    guardian_relation=guardian_relation,
                )
            )
        except (ValidationError, PermissionDenied) as exc:
            answers.append(_error_message(exc))
    written = [a for a in answers if isinstance(a, Consent)]
    Consent.objects.bulk_create(written)
    audit_bulk_created(
        actor=actor, targets=written, summary=lambda c: f"Persetujuan {c.purpose} untuk orang #{c.person_id}"
    )
    return answers


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
    current.name = " ".join(current.name.split())
    current.phone = (current.phone or "").strip()
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


def _repoint(rel, remove: Person, keep: Person) -> tuple[int, int]:
    """Move the rows of one reverse relation from `remove` to `keep`; (moved, left behind on a conflict)."""
    if rel.many_to_many:
        through = rel.through
        target = rel.field.m2m_reverse_field_name()  # FK on the through table pointing at Person
        source = rel.field.m2m_field_name()
        already = through._base_manager.filter(**{target: keep}).values(source)
        moved = (
            through._base_manager.filter(**{target: remove})
            .exclude(**{f"{source}__in": already})
            .update(**{target: keep})
        )
        # What is left links remove to a row keep is already linked to: the link exists, drop the copy.
        through._base_manager.filter(**{target: remove}).delete()
        return moved, 0
    model, field = rel.related_model, rel.field.name
    rows = model._base_manager.filter(**{field: remove})
    if rel.one_to_one and model._base_manager.filter(**{field: keep}).exists():
        return 0, rows.count()
    try:
        with transaction.atomic():
            return rows.update(**{field: keep}), 0
    except IntegrityError:
        pass
    # A unique constraint (e.g. one attendance per person and event): move row by row, leave clashes behind.
    moved = left = 0
    for row in rows:
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=row.pk).update(**{field: keep})
            moved += 1
        except IntegrityError:
            left += 1
    return moved, left


@transaction.atomic
def person_merge(*, actor, keep: Person, remove: Person) -> Person:
    """Fold `remove` into `keep`: every record pointing at `remove` now points at `keep`.

    Relations are discovered through Person._meta.related_objects, so records of apps written later are moved too.
    `remove` stays as a tombstone (merged_into=keep) so old links and audit entries still resolve.
    """
    if keep.pk == remove.pk:
        raise ValidationError(v.MERGE_SAME_PERSON)
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    remove = Person.objects.select_for_update().get(pk=remove.pk)
    if keep.merged_into_id or remove.merged_into_id:
        raise ValidationError(v.MERGE_ALREADY_MERGED)
    _check_write(actor, keep.village)
    _check_write(actor, remove.village)
    if keep.nik_hash and remove.nik_hash and keep.nik_hash != remove.nik_hash:
        raise ValidationError(v.MERGE_TWO_NIKS)

    moved: dict[str, int] = {}
    left: dict[str, int] = {}
    for rel in Person._meta.related_objects:
        if rel.related_model is NotDuplicate:
            continue
        label = f"{rel.related_model._meta.label_lower}.{rel.field.name}"  # type: ignore[union-attr]  # resolved models, never "self"
        n_moved, n_left = _repoint(rel, remove, keep)
        if n_moved:
            moved[label] = n_moved
        if n_left:
            left[label] = n_left
    # "remove is not X" decisions carry over to keep; a pair with keep itself disappears.
    for pair in NotDuplicate.objects.filter(Q(person_a=remove) | Q(person_b=remove)):
        other_id = pair.person_b_id if pair.person_a_id == remove.pk else pair.person_a_id
        if other_id != keep.pk:
            low, high = sorted((other_id, keep.pk))
            NotDuplicate.objects.get_or_create(
                person_a_id=low, person_b_id=high, defaults={"decided_by": pair.decided_by}
            )
        pair.delete()

    moves_nik = bool(remove.nik_hash) and not keep.nik_hash
    nik_fields = {
        "nik_encrypted": remove.nik_encrypted,
        "nik_hash": remove.nik_hash,
        "nik_masked": remove.nik_masked,
    }
    remove.merged_into = keep
    # One copy of a NIK: it moves to `keep` (the unique hash must be freed first); a merged record keeps none.
    remove.nik_hash = None
    remove.nik_encrypted, remove.nik_masked = "", ""
    remove.version += 1
    remove.save(
        update_fields=["merged_into", "nik_hash", "nik_encrypted", "nik_masked", "version", "updated_at"]
    )
    keep_fields = ["version", "updated_at"]
    if moves_nik:
        for name, value in nik_fields.items():
            setattr(keep, name, value)
        keep_fields += list(nik_fields)
    if not keep.phone and remove.phone:
        keep.phone = remove.phone
        keep_fields.append("phone")
    keep.version += 1
    keep.save(update_fields=keep_fields)

    audit_record(
        actor=actor,
        action=AuditEntry.Action.MERGE,
        target=remove,
        changes={"merged_into": [None, str(keep.pk)], **({"nik": ["•", "•"]} if moves_nik else {})},
        summary=f"Digabung ke #{keep.pk} {keep.name}",
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.MERGE,
        target=keep,
        changes={
            "merged_from": [None, str(remove.pk)],
            "moved": [None, moved],
            **({"left_on_merged": [None, left]} if left else {}),
            **({"nik": ["•", "•"]} if moves_nik else {}),
        },
        summary=f"Menerima data dari #{remove.pk} {remove.name}",
    )
    return keep


@transaction.atomic
def person_mark_not_duplicate(*, actor, person_a: Person, person_b: Person) -> NotDuplicate:
    """Record that two similar records are different people, so the duplicate check stops pairing them."""
    if person_a.pk == person_b.pk:
        raise ValidationError(v.MERGE_SAME_PERSON)
    _check_write(actor, person_a.village)
    _check_write(actor, person_b.village)
    low, high = sorted((person_a.pk, person_b.pk))
    decision, created = NotDuplicate.objects.get_or_create(
        person_a_id=low,
        person_b_id=high,
        defaults={"decided_by": actor if getattr(actor, "is_authenticated", False) else None},
    )
    if created:
        for pk, other in ((low, high), (high, low)):
            audit_record(
                actor=actor,
                action=AuditEntry.Action.OTHER,
                target=Person(pk=pk),
                changes={"not_duplicate_of": [None, str(other)]},
                summary=f"Bukan orang yang sama dengan #{other}",
            )
    return decision


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
    guardian_name, guardian_relation = guardian_name.strip(), guardian_relation.strip()
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
