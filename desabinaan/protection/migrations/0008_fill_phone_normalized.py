"""Existing sponsor and reported phone numbers normalised again with lib.phones (now `phonenumbers`, issue 12): a
number written "+62 0812…" was stored as "+620812…", so network signals missed that it is the same recruiter."""

from django.db import migrations

from lib.phones import normalize_phone


def fill(apps, schema_editor):
    for model, raw, normalized in (("Screening", "sponsor_phone", "sponsor_phone_normalized"),
                                   ("ReportInvolved", "phone", "phone_normalized")):  # fmt: skip
        Model = apps.get_model("protection", model)
        changed = []
        for row in Model.objects.exclude(**{raw: ""}).only("pk", raw, normalized):
            value = normalize_phone(getattr(row, raw))
            if value != getattr(row, normalized):
                setattr(row, normalized, value)
                changed.append(row)
        Model.objects.bulk_update(changed, [normalized], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("protection", "0007_fill_report_hour")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
