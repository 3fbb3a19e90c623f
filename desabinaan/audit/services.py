"""Writing the audit trail and the access log. Every domain service calls these; nothing else writes them."""

from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone

from desabinaan.core.bulk import insert_values
from desabinaan.core.signals import record_written, records_written

from .models import AccessEntry, AuditEntry

M = TypeVar("M", bound=models.Model)

# Fields whose values never enter the audit trail, on any model; a change is recorded as "changed" only. Each model
# adds its own personal or confidential fields in a class attribute `AUDIT_SECRET_FIELDS` (a set of attnames).
SECRET_FIELDS = frozenset({"nik_encrypted", "nik_hash", "nik", "password", "key_hash", "phone"})
MASK = ("•", "•")


def secret_fields(model: type[models.Model] | models.Model) -> frozenset[str]:
    """The fields of `model` whose values the audit trail never holds: the global ones and the model's own."""
    return _secret_fields_of(model if isinstance(model, type) else type(model))


@cache
def _secret_fields_of(model: type[models.Model]) -> frozenset[str]:
    # Once per model class: bulk imports ask for every one of thousands of entries.
    return SECRET_FIELDS | frozenset(getattr(model, "AUDIT_SECRET_FIELDS", ()))


def _label(instance: models.Model) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}"


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@lru_cache(maxsize=4096)
def _plain_repeated(value: Any) -> Any:
    """_plain of a value many records of one import share (its timestamp, common birth dates): once each."""
    return _plain(value)


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of `instance`, ready to diff after a change."""
    names = fields or [f.attname for f in instance._meta.concrete_fields]
    return {name: getattr(instance, name) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for name, new in after.items():
        old = before.get(name)
        if old != new:
            changes[name] = list(MASK) if name in SECRET_FIELDS else [_plain(old), _plain(new)]
    return changes


def _masked(changes: dict[str, list[Any]] | None, target: models.Model) -> dict[str, list[Any]]:
    """`changes` with the values of the target's secret fields replaced, whoever built the dict.

    The one place every entry passes (single and bulk), so a model's `AUDIT_SECRET_FIELDS` apply to `diff` results
    too, which do not know the model.
    """
    secret = secret_fields(target)
    return {name: list(MASK) if name in secret else values for name, values in (changes or {}).items()}


def _entry(*, actor, action: str, target: models.Model, changes, summary: str) -> AuditEntry:
    return AuditEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=_label(target),
        target_id=str(target.pk),
        changes=_masked(changes, target),
        summary=summary[:300],
    )


_PLAIN_TYPES = frozenset({str, int, bool, float})


def _created_changes(target: models.Model) -> dict[str, list[Any]]:
    """diff({}, snapshot(target)) without the id, in one pass: imports build thousands of these."""
    changes: dict[str, list[Any]] = {}
    for name, secret in _created_fields(type(target)):
        value = getattr(target, name)
        if value is not None:
            if secret:
                changes[name] = list(MASK)
            else:
                changes[name] = [None, value if type(value) in _PLAIN_TYPES else _plain_repeated(value)]
    return changes


@cache
def _created_fields(model: type[models.Model]) -> tuple[tuple[str, bool], ...]:
    """(attname, secret?) of the fields a creation entry lists: every concrete field but the id."""
    secret = secret_fields(model)
    return tuple((f.attname, f.attname in secret) for f in model._meta.concrete_fields if f.attname != "id")


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    changes: dict[str, list[Any]] | None = None,
    summary: str = "",
) -> AuditEntry:
    entry = _entry(actor=actor, action=action, target=target, changes=changes, summary=summary)
    entry.save()
    record_written.send(sender=type(target), instance=target, action=action)
    return entry


def audit_created(*, actor, target: models.Model, summary: str = "") -> AuditEntry:
    return audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        target=target,
        changes=_created_changes(target),
        summary=summary,
    )


def audit_bulk_record(
    *,
    actor,
    action: str,
    targets: Sequence[M],
    changes: Callable[[M], dict[str, list[Any]]] | None = None,
    summary: str | Callable[[M], str] = "",
    masked: bool = False,
) -> int:
    """`audit_record` for many targets of one action in one insert (imports); the same masking, and one
    `records_written` signal per model instead of `record_written` per target. Returns the number of entries.

    `changes` and `summary` may be functions of the target when they differ per record; `masked=True` says that
    `changes` already masks the secret fields (`_created_changes` does).
    """
    if not targets:
        return 0
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    rows = []
    labels: dict[type, str] = {}
    for target in targets:
        kind = type(target)
        label = labels.get(kind) or labels.setdefault(kind, _label(target))
        change = changes(target) if changes else None
        rows.append(
            (
                now,
                actor_id,
                action,
                label,
                str(target.pk),
                (summary(target) if callable(summary) else summary)[:300],
                (change or {}) if masked else _masked(change, target),
            )
        )
    insert_values(AuditEntry, _BULK_COLUMNS, rows)
    for kind in labels:
        records_written.send(sender=kind, instances=[t for t in targets if type(t) is kind], action=action)
    return len(rows)


_BULK_COLUMNS = ("at", "actor_id", "action", "target_type", "target_id", "summary", "changes")


def audit_bulk_created(*, actor, targets: Sequence[M], summary: str | Callable[[M], str] = "") -> int:
    """`audit_created` for many new records: each entry lists the record's fields, secret ones masked."""
    return audit_bulk_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        targets=targets,
        changes=_created_changes,
        summary=summary,
        masked=True,
    )


def access_record(*, actor, person, channel: str = "web", purpose: str = "") -> AccessEntry:
    return AccessEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        person=person,
        channel=channel,
        purpose=purpose[:100],
    )


def access_bulk_record(
    *, actor, person_ids: Iterable[int], channel: str = "export", purpose: str = ""
) -> int:
    """`access_record` for every person of one read of many (an export): one entry each, so each subject's access
    log (UU PDP Art. 32) shows the export. Written in batches; answers the number of entries."""
    reader = actor if getattr(actor, "is_authenticated", False) else None
    entries = [
        AccessEntry(actor=reader, person_id=pk, channel=channel, purpose=purpose[:100]) for pk in person_ids
    ]
    AccessEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)
