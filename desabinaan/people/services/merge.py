"""Duplicates: merging two records of one person (every relation re-pointed) and marking a pair as not duplicate."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import (
    audit_record,
)

from .. import validation as v
from ..models import NotDuplicate, Person
from .persons import _check_write


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
