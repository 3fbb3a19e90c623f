"""Referrals of a screening or a report to the village or a partner agency, with their outcome."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.core.validators import free_text_max_length

from .reports import Report
from .screening import Screening


class Referral(models.Model):
    """A case handed to the applicant's home village (follow-up visit, education) or to one partner agency."""

    class Status(models.TextChoices):
        OPEN = "open", _("Terbuka")
        IN_PROGRESS = "in_progress", _("Sedang ditangani")
        CLOSED = "closed", _("Selesai")

    class Outcome(models.TextChoices):
        PROCEDURAL = "procedural", _("Melanjutkan melalui jalur prosedural")
        ABANDONED = "abandoned", _("Membatalkan rencana")
        IRREGULAR = "irregular", _("Berangkat secara nonprosedural")
        VICTIM = "victim", _("Teridentifikasi sebagai korban")
        OTHER = "other", _("Lainnya")

    class Action(models.TextChoices):
        VISIT = "visit", _("Kunjungan tindak lanjut")
        EDUCATION = "education", _("Edukasi jalur prosedural")
        ASSESSMENT = "assessment", _("Penilaian / pemeriksaan oleh instansi")
        PROTECTION = "protection", _("Perlindungan korban")
        INVESTIGATION = "investigation", _("Penyelidikan perekrut")

    screening = models.ForeignKey(
        Screening, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    # The scope path: the applicant's home village, or the village a report names.
    village = models.ForeignKey(
        "regions.Village",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_village = models.BooleanField(_("dirujuk ke desa"), default=False)
    agency = models.ForeignKey(
        "offices.PartnerAgency",
        verbose_name=_("instansi mitra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    action = models.CharField(_("tindakan yang diminta"), max_length=20, choices=Action.choices)
    reason = models.TextField(_("alasan rujukan"), validators=[free_text_max_length])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("hasil"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("catatan hasil"), blank=True, validators=[free_text_max_length])
    due_on = models.DateField(_("tenggat"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    # Optimistic concurrency: the office, the village and the agency may all edit the same referral.
    version = models.PositiveIntegerField(default=1, editable=False)

    # Case notes shared between office, village and agency; the audit trail records only that they changed.
    AUDIT_SECRET_FIELDS = frozenset({"reason", "outcome_note"})

    class Meta:
        verbose_name = _("rujukan")
        verbose_name_plural = _("rujukan")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(screening__isnull=False) & Q(report__isnull=True))
                | (Q(screening__isnull=True) & Q(report__isnull=False)),
                name="referral_has_one_source",
            ),
            # One target per referral: the village or one agency (a case for both gets two referrals).
            models.CheckConstraint(
                condition=(Q(to_village=True) & Q(agency__isnull=True))
                | (Q(to_village=False) & Q(agency__isnull=False)),
                name="referral_has_one_target",
            ),
            models.CheckConstraint(
                condition=~Q(to_village=True) | Q(village__isnull=False), name="village_referral_has_village"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(outcome=""), name="closed_referral_has_outcome"
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="referral_status_due_idx")]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    def is_overdue(self, today=None) -> bool:
        return self.status != self.Status.CLOSED and self.due_on < (today or timezone.localdate())
