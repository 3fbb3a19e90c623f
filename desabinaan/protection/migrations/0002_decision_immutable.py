"""The database itself refuses to change a signed decision: a correction is a new row, never an UPDATE."""

from django.db import migrations

SQLITE_UP = """
CREATE TRIGGER protection_decision_immutable BEFORE UPDATE ON protection_decision
BEGIN SELECT RAISE(ABORT, 'protection_decision is immutable'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS protection_decision_immutable;"

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION protection_decision_immutable() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'protection_decision is immutable'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER protection_decision_immutable BEFORE UPDATE ON protection_decision
FOR EACH ROW EXECUTE FUNCTION protection_decision_immutable();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS protection_decision_immutable ON protection_decision;
DROP FUNCTION IF EXISTS protection_decision_immutable();
"""


def _run(sql_by_vendor):
    def run(apps, schema_editor):
        sql = sql_by_vendor.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("protection", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
