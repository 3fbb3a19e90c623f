"""Anonymous reports of suspicious recruiters: the report, who it names, the conversation with the reporter, its
attachments, and the abuse counters of the public form."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from desabinaan.core.validators import free_text_max_length

from .agencies import AgencyCheck, LicensedAgency

# --- Anonymous reports ---------------------------------------------------------------------------------------------


class Report(models.Model):
    """An anonymous report of a suspicious recruiter. No IP address, user agent or account is stored with it."""

    class Category(models.TextChoices):
        RECRUITER = "recruiter", _("Perekrut / sponsor / calo")
        FAKE_LPK = "fake_lpk", _("LPK palsu / menjanjikan penempatan")
        JOB_OFFER = "job_offer", _("Tawaran kerja mencurigakan")
        FAMILY_ABROAD = "family_abroad", _("Keluarga di luar negeri dalam kesulitan")
        OTHER = "other", _("Lainnya")

    class Status(models.TextChoices):
        NEW = "new", _("Baru")
        TRIAGED = "triaged", _("Ditelaah")
        IN_PROGRESS = "in_progress", _("Ditindaklanjuti")
        REFERRED = "referred", _("Dirujuk ke instansi mitra")
        CLOSED = "closed", _("Selesai")

    class Priority(models.TextChoices):
        LOW = "low", _("Rendah")
        NORMAL = "normal", _("Biasa")
        HIGH = "high", _("Tinggi")

    receipt_code = models.CharField(_("kode tanda terima"), max_length=20, unique=True, editable=False)
    # django.contrib.auth.hashers.make_password of the passphrase shown once to the reporter.
    passphrase_hash = models.CharField(max_length=200, editable=False)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    description = models.TextField(_("apa yang terjadi"), validators=[free_text_max_length])
    village = models.ForeignKey(
        "regions.Village",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Where the reporter placed it, as precisely as they could: a village fills its regency and province too, so
    # reports are always found by the broadest place. Nothing is required (a reporter is never forced to say).
    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("provinsi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The owning office: the Kanim serving the regency when the report came in, or the one triage assigned.
    # Empty = in the triage queue (national administrators, and the Kanwil of the province or every Kanwil when
    # no province is known); accounts.scope.Scope.owned_q decides who sees what.
    kanim = models.ForeignKey(
        "offices.Kanim", verbose_name=_("diteruskan ke"), null=True, blank=True, on_delete=models.PROTECT
    )
    occurred_on = models.DateField(_("kapan"), null=True, blank=True)
    agency_name = models.CharField(_("perusahaan / LPK yang disebut"), max_length=250, blank=True)
    agency = models.ForeignKey(
        LicensedAgency, verbose_name=_("P3MI terdaftar"), null=True, blank=True, on_delete=models.SET_NULL
    )
    agency_check = models.CharField(
        _("cek izin perusahaan"), max_length=20, choices=AgencyCheck.choices, blank=True
    )
    callback_contact = models.CharField(
        _("kontak untuk dihubungi kembali (opsional)"), max_length=200, blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(
        _("prioritas"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    created_at = models.DateTimeField(_("diterima"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    # What the reporter wrote and how to reach them stay out of the audit trail (desabinaan.audit.services).
    AUDIT_SECRET_FIELDS = frozenset({"description", "callback_contact", "passphrase_hash"})

    class Meta:
        verbose_name = _("laporan masyarakat")
        verbose_name_plural = _("laporan masyarakat")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A place is stored with its parents, so scoping by province never misses a village report.
            models.CheckConstraint(
                condition=Q(village__isnull=True) | Q(regency__isnull=False),
                name="report_village_has_regency",
            ),
            models.CheckConstraint(
                condition=Q(regency__isnull=True) | Q(province__isnull=False),
                name="report_regency_has_province",
            ),
        ]

    def __str__(self):
        return self.receipt_code


class ReportInvolved(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="involved")
    name = models.CharField(_("nama"), max_length=150, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    phone_normalized = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    account = models.CharField(_("akun media sosial"), max_length=150, blank=True)

    AUDIT_SECRET_FIELDS = frozenset({"name", "phone", "phone_normalized", "account"})

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") | ~Q(phone="") | ~Q(account=""), name="involved_names_someone"
            )
        ]

    def __str__(self):
        return self.name or self.phone or self.account


class ReportMessage(models.Model):
    class Author(models.TextChoices):
        REPORTER = "reporter", _("Pelapor")
        OFFICER = "officer", _("Petugas")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=10, choices=Author.choices)
    # Set for officers only; a reporter stays anonymous.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("pesan"), validators=[free_text_max_length])
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    AUDIT_SECRET_FIELDS = frozenset({"body"})

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(author_kind="officer") | Q(author__isnull=True),
                name="reporter_message_is_anonymous",
            )
        ]

    def __str__(self):
        return f"{self.report_id} {self.author_kind}"


def _report_upload_to(instance, filename):
    # Random name: the reporter's file name may identify them.
    return f"protection/reports/{uuid.uuid4().hex}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_report_upload_to)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.report_id} {self.content_type}"


# --- Abuse resistance ----------------------------------------------------------------------------------------------


class RateCounter(models.Model):
    """Hits per (bucket, hashed client, window). The key is an HMAC of the IP under a per-window salt; rows are
    deleted when their window has passed, and nothing links them to a report."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="unique_rate_window")]

    def __str__(self):
        return f"{self.key[:8]}… {self.count}"
