"""Writing the audit trail and the access log. Every domain service calls these; nothing else writes them."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from desabinaan.core.signals import record_written

from .models import AccessEntry, AuditEntry

# Fields whose values never enter the audit trail; a change is recorded as "changed" only.
SECRET_FIELDS = frozenset({"nik_encrypted", "nik_hash", "nik", "password", "key_hash", "phone"})


def _label(instance: models.Model) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}"


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of `instance`, ready to diff after a change."""
    names = fields or [f.attname for f in instance._meta.concrete_fields]
    return {name: getattr(instance, name) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for name, new in after.items():
        old = before.get(name)
        if old != new:
            changes[name] = ["•", "•"] if name in SECRET_FIELDS else [_plain(old), _plain(new)]
    return changes


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    changes: dict[str, list[Any]] | None = None,
    summary: str = "",
) -> AuditEntry:
    entry = AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=_label(target),
        target_id=str(target.pk),
        changes=changes or {},
        summary=summary[:300],
    )
    record_written.send(sender=type(target), instance=target, action=action)
    return entry


def audit_created(*, actor, target: models.Model, summary: str = "") -> AuditEntry:
    changes = diff({}, snapshot(target))
    changes.pop("id", None)
    return audit_record(
        actor=actor, action=AuditEntry.Action.CREATE, target=target, changes=changes, summary=summary
    )


def access_record(*, actor, person, channel: str = "web", purpose: str = "") -> AccessEntry:
    return AccessEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        person=person,
        channel=channel,
        purpose=purpose[:100],
    )
