"""The bulk forms of person_create and consent_record: the same checks, one outcome per row (sheet imports,
the demo)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import (
    audit_bulk_created,
)
from desabinaan.core.bulk import build, insert_rows
from desabinaan.regions.models import Village
from lib.text import name_key

from .. import validation as v
from ..models import Consent, Person, Sex
from .persons import ADULT_AGE, _birth_fields, _set_nik


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
    # lib.text.name_key(name) when the caller has it already (the sheet import computes it for its person rule).
    name_key: str = ""


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


def _max_length(model: type[models.Model], name: str) -> int:
    field = model._meta.get_field(name)
    assert isinstance(field, models.CharField) and field.max_length
    return field.max_length


class _ConsentWriter:
    """consent_record's checks and row, unsaved, for one bulk write: a person under 18 needs a guardian (UU PDP
    Art. 25). The terms are the same for every row, so the model's own validation of them runs once (on the first
    row); later rows run it only when a guardian's name or relation is longer than its column."""

    def __init__(self, actor, terms: ConsentTerms):
        self.terms = terms
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.collected_by_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        self.purpose_text = terms.purpose_text.strip()
        self.checked = False
        self.limits = {f: _max_length(Consent, f) for f in ("guardian_name", "guardian_relation")}

    def consent(self, person: Person, guardian_name: str, guardian_relation: str) -> Consent:
        guardian_name = v.name_clean(guardian_name, field="guardian_name")
        guardian_relation = v.name_clean(guardian_relation, field="guardian_relation")
        age = person.age_on(self.today)
        if age is not None and age < ADULT_AGE and not (guardian_name and guardian_relation):
            raise ValidationError({"guardian_name": v.GUARDIAN_REQUIRED})
        consent = build(
            Consent,
            {
                # None for a person not written yet: persons_bulk_create sets it after the insert.
                "person_id": person.pk,
                "purpose": self.terms.purpose,
                "lawful_basis": self.terms.lawful_basis,
                "purpose_text": self.purpose_text,
                "given_at": self.now,
                "collected_by_id": self.collected_by_id,
                "guardian_name": guardian_name,
                "guardian_relation": guardian_relation,
            },
        )
        if (
            not self.checked
            or len(guardian_name) > self.limits["guardian_name"]
            or len(guardian_relation) > self.limits["guardian_relation"]
        ):
            # The person may not be saved yet (persons_bulk_create); it is checked by the caller.
            consent.full_clean(exclude=["collected_by", "person"])
            self.checked = True
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
    user_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    villages = set(
        Village.objects.filter(code__in={r.village_id for r in rows}).values_list("code", flat=True)
    )
    districts = cache(v.district_exists)
    today = timezone.localdate()
    name_limit = _max_length(Person, "name")
    sexes = set(Sex.values)
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
            name = v.name_clean(row.name)
            birth_date, birth_year = _birth_fields(row.birth_date, row.birth_year, today=today)
            person = build(
                Person,
                {
                    "name": name,
                    "name_key": row.name_key if row.name_key and name == row.name else name_key(name),
                    "birth_date": birth_date,
                    "birth_year": birth_year,
                    "sex": row.sex,
                    "village_id": row.village_id,
                    "phone": v.phone_clean(row.phone),
                    "created_by_id": user_id,
                },
            )
            if row.nik:
                v.nik_validate(
                    row.nik, sex=row.sex, birth_date=birth_date, birth_year=birth_year, districts=districts
                )
                _set_nik(person, row.nik)
            # Village and NIK uniqueness are checked for all rows at once (above and below); the check constraints
            # (birth year matches the date, sex M/F) are what _birth_fields and the field choices already enforce.
            # The model's field validation runs for a row the checks above do not vouch for (an empty or too long
            # name, an unknown sex code), so its message is the model's; a 100,000-row sheet skips it for the rest.
            if not name or len(name) > name_limit or person.sex not in sexes:
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
    writer = _ConsentWriter(actor, consent) if consent is not None else None
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
        if writer is not None:
            try:
                consents.append((index, writer.consent(person, row.guardian_name, row.guardian_relation)))
            except ValidationError as exc:
                outcome.error = _error_message(exc)
                continue
        if person.nik_hash:
            # A later row with the same NIK is that person, as person_create would answer after this one.
            registered[person.nik_hash] = person
        new.append((index, person))

    insert_rows([p for _, p in new])
    for index, person in new:
        outcomes[index].person = person
    saved = dict(new)
    for index, item in consents:
        item.person_id = saved[index].pk  # now that the person has one
        outcomes[index].consent = item
    insert_rows([c for _, c in consents])
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
    writer = _ConsentWriter(actor, terms)
    for person, guardian_name, guardian_relation in items:
        try:
            if scope is not None:
                if not scope.can_write:
                    raise PermissionDenied(v.READ_ONLY)
                if not scope.contains_village(person.village_id):
                    raise PermissionDenied(v.VILLAGE_OUT_OF_SCOPE)
            answers.append(writer.consent(person, guardian_name, guardian_relation))
        except (ValidationError, PermissionDenied) as exc:
            answers.append(_error_message(exc))
    written = [a for a in answers if isinstance(a, Consent)]
    insert_rows(written)
    audit_bulk_created(
        actor=actor, targets=written, summary=lambda c: f"Persetujuan {c.purpose} untuk orang #{c.person_id}"
    )
    return answers
