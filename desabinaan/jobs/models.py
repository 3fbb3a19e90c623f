"""The user's record of one piece of long work; the task engine runs it (see desabinaan.jobs.services)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("menunggu")
        RUNNING = "running", _("berjalan")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    # The handler's registered name, e.g. "events.attendance_import".
    kind = models.CharField(_("jenis"), max_length=60)
    payload = models.JSONField(_("masukan"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(_("selesai"), default=0)
    progress_total = models.PositiveIntegerField(_("jumlah"), null=True, blank=True)
    result = models.JSONField(_("hasil"), default=dict, blank=True)
    # Shown to the user: a short Indonesian message, never a traceback (those go to the log).
    error = models.TextField(_("galat"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    # The engine's side: which task runs this job (re-enqueued by recovery) and the id of its latest attempt.
    task_path = models.CharField(max_length=200, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # The lease of the attempt that runs it: host:pid of the process, renewed by every progress call. Recovery
    # re-queues a running job whose process is gone or whose heartbeat stopped.
    worker = models.CharField(max_length=100, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    # False after a failure the user caused (a file that is not a workbook): trying again cannot help.
    retryable = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("tugas latar belakang")
        verbose_name_plural = _("tugas latar belakang")
        ordering = ["-created_at", "-id"]
        # The worker's claim query reads queued jobs oldest first.
        indexes = [models.Index(fields=["status", "created_at"], name="job_status_created_idx")]

    def __str__(self):
        return f"{self.kind} #{self.pk} {self.status}"

    @property
    def can_retry(self) -> bool:
        return self.status == self.Status.FAILED and self.retryable

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(100, int(self.progress_done * 100 / self.progress_total))
