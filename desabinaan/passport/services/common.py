"""What the passport writes share: the scope check and the create audit entry (third parties' phones masked)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_record, diff, snapshot

from .. import texts

# Third parties' phone numbers stay out of the audit trail like the persons' own (audit.SECRET_FIELDS).
_AUDIT_SECRET = frozenset({"sponsor_phone", "contact_phone"})


def _require_write(actor, village_code: str, out_of_scope_message) -> None:
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDenied(texts.READ_ONLY)
    if not scope.contains_village(village_code):
        raise PermissionDenied(out_of_scope_message)


def _audit_create(*, actor, target, summary: str) -> None:
    changes = diff({}, snapshot(target))
    changes.pop("id", None)
    for name in _AUDIT_SECRET & changes.keys():
        changes[name] = ["•", "•"]
    audit_record(
        actor=actor, action=AuditEntry.Action.CREATE, target=target, changes=changes, summary=summary
    )
