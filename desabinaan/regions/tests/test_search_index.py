"""The village search uses an index (SQLite FTS5, PostgreSQL pg_trgm), never a scan of 83,762 villages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from desabinaan.regions.models import Village
from desabinaan.regions.selectors import villages_search
from desabinaan.regions.services import regions_import
from tests.personas import TEBAT_MONOK

pytestmark = pytest.mark.django_db


def _search_sql(q: str) -> str:
    with CaptureQueriesContext(connection) as queries:
        villages_search(q=q)
    (query,) = queries.captured_queries
    return query["sql"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 path")
def test_sqlite_answers_a_name_search_from_the_fts_index(regions):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {_search_sql('tebat monok')}")
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())

    assert "VIRTUAL TABLE INDEX" in plan and "regions_village_fts" in plan
    assert "SCAN regions_village " not in f"{plan} "


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pg_trgm path")
def test_postgresql_has_a_trigram_index_on_the_search_text(regions):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'regions_village_search_trgm'")
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition
    assert "LIKE" in _search_sql("tebat monok")


def test_a_word_typed_halfway_still_finds_the_village(regions):
    assert villages_search(q="tebat mon")[0].code == TEBAT_MONOK
    assert villages_search(q="kepahiang tebat")[0].code == TEBAT_MONOK


def test_the_index_follows_a_renamed_village():
    regions_import(prefixes=["17.08.04"])
    Village.objects.filter(code=TEBAT_MONOK).update(name="Tebat Lama", search_text="tebat lama")

    assert villages_search(q="tebat lama")[0].code == TEBAT_MONOK
    assert all(v.code != TEBAT_MONOK for v in villages_search(q="tebat monok"))

    regions_import(prefixes=["17.08.04"], force=True)

    assert villages_search(q="tebat monok")[0].code == TEBAT_MONOK
    assert villages_search(q="tebat lama") == []
