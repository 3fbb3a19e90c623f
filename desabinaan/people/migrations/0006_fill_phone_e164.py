"""Phone numbers of registered persons stored in one form, E.164 with Indonesia as the default region (issue 14):
"0812-3456-7890" becomes "+6281234567890", as people's services now store every number typed, so the attendance
picker finds a person by phone however the number was written.

A stored value that is not a phone number is left as it is and counted in the migration's output with the persons'
ids (never the numbers: personal data), so an officer can correct them on the person's page.
"""

import sys

from django.db import migrations

from lib.phones import normalize_phone

BATCH = 1000


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    pending, changed, unparseable = [], 0, []
    rows = Person.objects.exclude(phone="").only("pk", "phone").order_by("pk")
    for person in rows.iterator(chunk_size=BATCH):
        normalized = normalize_phone(person.phone)
        if not normalized:
            unparseable.append(person.pk)
        elif normalized != person.phone:
            person.phone = normalized
            pending.append(person)
        if len(pending) >= BATCH:
            changed += Person.objects.bulk_update(pending, ["phone"])
            pending = []
    changed += Person.objects.bulk_update(pending, ["phone"])
    if changed or unparseable:
        sys.stdout.write(f"\n  people: {changed} phone number(s) stored as E.164")
    if unparseable:
        shown = ", ".join(str(pk) for pk in unparseable[:50])
        more = f" and {len(unparseable) - 50} more" if len(unparseable) > 50 else ""
        sys.stdout.write(
            f"; {len(unparseable)} left as they are (not a phone number), person ids: {shown}{more}"
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0005_duplicate_pairs")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
