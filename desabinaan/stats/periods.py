"""Reporting periods. Rollups are monthly, so a period is a range of whole months (from/to dates are widened)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.periods import quarter_bounds, quarter_of

BAD_DATE = _("Tanggal harus berformat TTTT-BB-HH.")
BAD_RANGE = _("Tanggal akhir tidak boleh sebelum tanggal awal.")
MONTHS_ID = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    nxt = add_months(month_start(day), 1)
    return nxt - dt.timedelta(days=1)


def add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day of the first month
    end: dt.date  # last day of the last month

    @property
    def months(self) -> list[dt.date]:
        out, m = [], self.start
        while m <= self.end:
            out.append(m)
            m = add_months(m, 1)
        return out

    @property
    def label(self) -> str:
        first, last = self.start, month_start(self.end)
        if first == last:
            return f"{MONTHS_ID[first.month - 1]} {first.year}"
        return f"{MONTHS_ID[first.month - 1]} {first.year} – {MONTHS_ID[last.month - 1]} {last.year}"

    def query(self) -> str:
        return f"from={self.start.isoformat()}&to={self.end.isoformat()}"


class PeriodError(ValueError):
    pass


def period_between(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise PeriodError(str(BAD_RANGE))
    return Period(month_start(start), month_end(end))


def preset(name: str, today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    if name == "quarter":
        return quarter_period(*quarter_of(today))
    if name == "year":
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    return Period(month_start(today), month_end(today))


PRESETS = [("month", _("Bulan ini")), ("quarter", _("Triwulan ini")), ("year", _("Tahun ini"))]


def _parse(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise PeriodError(str(BAD_DATE)) from None


def period_from_params(params, today: dt.date | None = None) -> Period:
    """From ?preset=… or ?from=…&to=… (either alone means a single month); defaults to this month."""
    start, end = params.get("from") or "", params.get("to") or ""
    if start or end:
        first = _parse(start or end)
        return period_between(first, _parse(end) if end else first)
    return preset(params.get("preset") or "month", today)


def quarter_period(year: int, quarter: int) -> Period:
    return Period(*quarter_bounds(year, quarter))
