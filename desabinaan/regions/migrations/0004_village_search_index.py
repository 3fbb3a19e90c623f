"""A village search index that does not scan the table (issue 15).

SQLite: an FTS5 table over regions_village.search_text (external content, kept in step by triggers), prefix
indexes for two and three letters; the search asks it for every typed word as a word prefix.
PostgreSQL: pg_trgm and a GIN trigram index on search_text, which serves the search's LIKE '%word%' filters.
Other databases: nothing (the search falls back to the plain filter).
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE regions_village_fts USING fts5("
    "search_text, content='regions_village', content_rowid='rowid', prefix='2 3', tokenize='unicode61')",
    "CREATE TRIGGER regions_village_fts_ai AFTER INSERT ON regions_village BEGIN "
    "INSERT INTO regions_village_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "CREATE TRIGGER regions_village_fts_ad AFTER DELETE ON regions_village BEGIN "
    "INSERT INTO regions_village_fts(regions_village_fts, rowid, search_text) "
    "VALUES ('delete', old.rowid, old.search_text); END",
    "CREATE TRIGGER regions_village_fts_au AFTER UPDATE OF search_text ON regions_village BEGIN "
    "INSERT INTO regions_village_fts(regions_village_fts, rowid, search_text) "
    "VALUES ('delete', old.rowid, old.search_text); "
    "INSERT INTO regions_village_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "INSERT INTO regions_village_fts(regions_village_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS regions_village_fts_au",
    "DROP TRIGGER IF EXISTS regions_village_fts_ad",
    "DROP TRIGGER IF EXISTS regions_village_fts_ai",
    "DROP TABLE IF EXISTS regions_village_fts",
]
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS regions_village_search_trgm "
    "ON regions_village USING gin (search_text gin_trgm_ops)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS regions_village_search_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0003_region_import_source_digest"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
