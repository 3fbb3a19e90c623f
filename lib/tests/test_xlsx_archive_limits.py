"""A sheet whose parts inflate far beyond their upload size is refused from the zip directory, before parsing."""

import io
import resource
import time
import tracemalloc
import zipfile

import pytest

from lib import xlsx_import as x

MB = 1024 * 1024


def _bomb(target, *, inflated_mb: int) -> None:
    """An .xlsx-shaped zip whose sharedStrings part inflates to `inflated_mb` MB, written 1 MB at a time."""
    block = b" " * MB
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            for _ in range(inflated_mb):
                part.write(block)


@pytest.fixture(scope="module")
def bomb_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("bomb") / "daftar-hadir.xlsx"
    _bomb(path, inflated_mb=1500)
    return path


def test_a_sheet_inflating_to_1_5_gb_is_refused_in_under_a_second_with_flat_memory(bomb_path):
    assert bomb_path.stat().st_size < 2 * MB
    peak_rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    tracemalloc.start()
    started = time.perf_counter()
    with open(bomb_path, "rb") as handle, pytest.raises(x.SheetError) as exc:
        list(x.read_rows(handle, [x.Column("name", "Nama", required=True)]))
    elapsed = time.perf_counter() - started
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_rss_before
    assert exc.value.code == x.ARCHIVE_TOO_LARGE
    assert elapsed < 1.0
    assert traced_peak < 50 * MB
    assert peak_rss_growth * 1024 < 50 * MB


def test_a_part_compressed_beyond_the_ratio_is_refused_even_under_the_total():
    buffer = io.BytesIO()
    _bomb(buffer, inflated_mb=5)
    with pytest.raises(x.SheetError) as exc:
        x.check_archive(buffer)
    assert exc.value.code == x.ARCHIVE_TOO_LARGE
    assert exc.value.detail == "xl/sharedStrings.xml"


def test_parts_inflating_past_the_total_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.xml", b"x" * 600_000)
        archive.writestr("b.xml", b"y" * 600_000)
    with pytest.raises(x.SheetError) as exc:
        x.check_archive(buffer, max_bytes=1_000_000)
    assert exc.value.code == x.ARCHIVE_TOO_LARGE


def test_an_ordinary_sheet_passes_and_is_left_at_its_start():
    buffer = io.BytesIO()
    x.write_template(buffer, [x.Column("name", "Nama")], [[f"Orang {i}"] for i in range(2000)])
    buffer.seek(0)
    x.check_archive(buffer)
    assert buffer.tell() == 0
    assert len(list(x.read_rows(buffer, [x.Column("name", "Nama", required=True)]))) == 2000


def test_a_file_that_is_not_a_zip_is_not_a_workbook():
    with pytest.raises(x.SheetError) as exc:
        x.check_archive(io.BytesIO(b"nama,nik\n"))
    assert exc.value.code == x.NOT_XLSX
