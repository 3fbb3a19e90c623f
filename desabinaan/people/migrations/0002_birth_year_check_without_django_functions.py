# The CHECK constraint used to call django_date_extract() on SQLite (Django's `__year`), a function only Django's
# connection registers, so `PRAGMA integrity_check` failed in the sqlite3 tool. Same rule, portable SQL.

import desabinaan.people.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="person",
            name="person_birth_year_matches_date",
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("birth_date__isnull", True),
                    ("birth_year", desabinaan.people.models.YearOf("birth_date")),
                    _connector="OR",
                ),
                name="person_birth_year_matches_date",
            ),
        ),
    ]
