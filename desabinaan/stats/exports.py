"""Streamed CSV/XLSX export of any list a user can see — reusable by every app.

Usage (a view that already has a scoped queryset)::

    from desabinaan.stats.exports import Column, export_response
    return export_response(
        queryset=selectors.events_for_user(request.user),   # scoped by the caller's selector
        columns=[Column("Judul", "title"), Column("Desa", "village__name")],
        filename="kegiatan", fmt=request.GET.get("format", "csv"),
    )

Rows are read with `values_list(...).iterator()` in chunks, so memory does not grow with the list: CSV is streamed
row by row (StreamingHttpResponse); XLSX is written by openpyxl's write-only mode to a temporary file that is then
streamed (a workbook is a zip and cannot be emitted before it is complete). The queryset must already be scoped:
this helper never widens or narrows it.

Text cells go through `lib.text.spreadsheet_safe`: names come from the public check-in, so a control character
(which openpyxl refuses: a 500 for everyone in scope) is dropped and a formula prefix (=, +, -, @) is neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from lib.text import spreadsheet_safe

FORMATS = ("csv", "xlsx")
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    # Turns the stored value into the exported one (e.g. a choice label); identity when None.
    convert: Callable | None = None


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return "" if value is None else value


def export_rows(queryset, columns: list[Column]) -> Iterator[list]:
    fields = [c.field for c in columns]
    for values in (
        queryset.order_by(*queryset.query.order_by or ["pk"]).values_list(*fields).iterator(chunk_size=CHUNK)
    ):
        yield [_cell(c.convert(v) if c.convert else v) for c, v in zip(columns, values, strict=True)]


def _csv_stream(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # A BOM so Excel opens the UTF-8 file with the right accents.
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow([str(v) for v in row])


def export_response(*, queryset, columns: list[Column], filename: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    header = [str(c.header) for c in columns]
    rows = export_rows(queryset, columns)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_stream(header, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 — FileResponse closes it
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"{filename}-{stamp}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
