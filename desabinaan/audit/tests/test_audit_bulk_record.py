"""audit_bulk_record: the bulk form of audit_record, with the same masking of secret fields, and one bulk signal."""

from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_bulk_created, audit_bulk_record
from desabinaan.core.signals import records_written
from desabinaan.regions.models import Village


def test_it_writes_one_entry_per_target_and_masks_secret_fields(world):
    targets = [world.tebat_monok, world.other_village]
    written = audit_bulk_record(
        actor=world.fajar,
        action=AuditEntry.Action.UPDATE,
        targets=targets,
        changes=lambda t: {"name": ["a", t.name], "phone": ["0812", "0813"]},
        summary=lambda t: f"Diubah: {t.name}",
    )
    assert written == 2
    assert AuditEntry.objects.filter(target_type="regions.village").count() == 2
    stored = AuditEntry.objects.get(target_type="regions.village", target_id=str(world.tebat_monok.pk))
    assert stored.actor == world.fajar
    assert stored.changes == {"name": ["a", world.tebat_monok.name], "phone": ["•", "•"]}
    assert stored.summary == f"Diubah: {world.tebat_monok.name}"


def test_created_entries_list_fields_and_announce_the_write_once_with_every_record(world):
    seen = []

    def listener(sender, instances, action, **kwargs):
        seen.append((sender, [i.pk for i in instances], action))

    records_written.connect(listener)
    try:
        audit_bulk_created(actor=None, targets=[world.tebat_monok, world.other_village], summary="Dibuat")
    finally:
        records_written.disconnect(listener)
    assert seen == [(Village, [world.tebat_monok.pk, world.other_village.pk], AuditEntry.Action.CREATE)]
    entry = AuditEntry.objects.get(target_type="regions.village", target_id=str(world.tebat_monok.pk))
    assert entry.actor is None and entry.changes["name"] == [None, world.tebat_monok.name]
