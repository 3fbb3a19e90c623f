"""Rollups that keep dashboards fast at national scale, and the official reports generated from them.

Design (see docs/deploy.md and desabinaan/stats/services.py):

- `MonthlyFigure` holds additive counts per (month, area, metric, dimension). Areas are villages and, built from
  them by GROUP BY in the same refresh, Kanims, provinces and the nation, so a national page sums a few hundred
  rows whatever the size of the raw tables.
- Unique persons cannot be summed across villages or months, so `PersonMonth` keeps one row per (month, person,
  village, target group): the exact distinct count for any area and period is a COUNT(DISTINCT person_id) over it.
  Per-month distinct counts per area are also stored in `MonthlyFigure` (metric "people_reached"), and distinct
  counts over a multi-month period are cached in `DistinctCache` (recomputed when the rollups change).
- Figures are rebuilt per affected village by a background job (`stats.refresh`) and fully by
  `manage.py refresh_stats`; `StatsState.generation` increases with every refresh and invalidates the caches.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    VILLAGE = "village", _("desa/kelurahan")
    KANIM = "kanim", _("kantor imigrasi")
    PROVINCE = "province", _("provinsi")
    NATIONAL = "national", _("nasional")


class MonthlyFigure(models.Model):
    month = models.DateField()  # first day of the month (Asia/Jakarta)
    level = models.CharField(max_length=10, choices=Level.choices)
    # Village code, Kanim id, province code, or "" for the nation.
    area = models.CharField(max_length=13)
    # Denormalised parents, for drill-down (children of a province are its Kanims, of a Kanim its villages).
    province_code = models.CharField(max_length=2, blank=True)
    kanim_id = models.BigIntegerField(null=True, blank=True)
    metric = models.CharField(max_length=40)
    dimension = models.CharField(max_length=40, blank=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "area", "month", "metric", "dimension"], name="stats_figure_unique"
            )
        ]
        indexes = [
            # The dashboard's query: one area over a month range.
            models.Index(fields=["level", "area", "month"], name="stats_figure_area_idx"),
            # Drill-down: children of a province (Kanims) or of a Kanim (villages).
            models.Index(fields=["level", "province_code", "month"], name="stats_figure_prov_idx"),
            models.Index(fields=["level", "kanim_id", "month"], name="stats_figure_kanim_idx"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.level}:{self.area} {self.metric}/{self.dimension}={self.value}"


class PersonMonth(models.Model):
    """A person reached by an event in a village in a month (once per target group they attended as)."""

    month = models.DateField()
    person_id = models.BigIntegerField()
    village_code = models.CharField(max_length=13)
    regency_code = models.CharField(max_length=5)
    province_code = models.CharField(max_length=2)
    kanim_id = models.BigIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=1)
    # "" when the attendance has no target group.
    target_group = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["month", "person_id"], name="stats_pm_month_idx"),
            models.Index(fields=["province_code", "month"], name="stats_pm_prov_idx"),
            models.Index(fields=["kanim_id", "month"], name="stats_pm_kanim_idx"),
            models.Index(fields=["village_code", "month"], name="stats_pm_village_idx"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.person_id}@{self.village_code}"


class StatsState(models.Model):
    """One row: when the rollups were last refreshed, and their generation (caches keyed to it)."""

    generation = models.PositiveBigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    # Incremental refreshes pick up rows changed after this instant.
    watermark = models.DateTimeField(null=True, blank=True)
    # The public statistics page, computed at refresh time so it costs one query to serve.
    public = models.JSONField(default=dict, blank=True)
    # Set when a live refresh is in the task queue, cleared when it starts: a burst of writes enqueues one refresh.
    refresh_queued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"generation {self.generation}"


class PendingRefresh(models.Model):
    """A village whose records changed after its figures were computed; the live refresh takes and clears it.

    Village "" stands for records placed in no village (reports without a place), counted nationally only.
    """

    village_code = models.CharField(max_length=13, primary_key=True)
    marked_at = models.DateTimeField()

    def __str__(self):
        return f"{self.village_code or '-'} since {self.marked_at:%Y-%m-%d %H:%M:%S}"


class DistinctCache(models.Model):
    """Exact unique-person counts of an area over a month range, valid while `generation` is current."""

    key = models.CharField(max_length=80)
    month_from = models.DateField()
    month_to = models.DateField()
    generation = models.PositiveBigIntegerField()
    data = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "month_from", "month_to"], name="stats_distinct_unique")
        ]

    def __str__(self):
        return f"{self.key} {self.month_from:%Y-%m}..{self.month_to:%Y-%m}"


class OfficialReport(models.Model):
    """A generated monthly or quarterly program report, kept for download."""

    class Period(models.TextChoices):
        MONTH = "month", _("bulanan")
        QUARTER = "quarter", _("triwulan")

    period_kind = models.CharField(_("jenis periode"), max_length=10, choices=Period.choices)
    period_start = models.DateField(_("awal periode"))
    period_end = models.DateField(_("akhir periode"))
    # "national", "province:17", "kanim:12".
    scope_key = models.CharField(_("cakupan"), max_length=40)
    scope_label = models.CharField(_("nama cakupan"), max_length=200, blank=True)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The figures the files were written from (the reproducibility test compares them).
    figures = models.JSONField(default=dict, blank=True)
    # Reports are a few hundred KB; kept in the database so every app server can serve them (see docs/deploy.md).
    xlsx = models.BinaryField(null=True, blank=True)
    pdf = models.BinaryField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("laporan resmi")
        verbose_name_plural = _("laporan resmi")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["scope_key", "-created_at"], name="stats_report_scope_idx")]

    def __str__(self):
        return f"{self.scope_key} {self.period_start:%Y-%m}"
