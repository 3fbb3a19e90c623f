"""Village-assisted readiness checks and collective (Eazy Passport) requests.

Both link to people.Person and never copy a person's data; they are scoped through the village they were recorded
for (accounts.scope).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from desabinaan.core.validators import free_text_max_length
from lib import passport as rules

from .rules import Case, Country, JobType, Purpose

VULNERABLE_REASON_REQUIRED = _("Jelaskan mengapa pemohon termasuk kelompok rentan.")
ADVISORY_COUNTRY_REQUIRED = _("Pilih negara tujuan untuk data ini.")
ADVISORY_AGENCY_REQUIRED = _("Isi nama P3MI yang ditunjuk.")
AMOUNT_WITHOUT_PAYMENT = _("Jumlah uang hanya diisi bila ada uang yang sudah dibayarkan di muka.")


class ReadinessStatus(models.TextChoices):
    OPEN = "open", _("belum ada hasil")
    APPLIED = "applied", _("sudah mengajukan paspor")
    POSTPONED = "postponed", _("permohonan ditunda")
    ISSUED = "issued", _("paspor terbit")
    ABANDONED = "abandoned", _("batal / tidak dilanjutkan")


class PostponementCause(models.TextChoices):
    """Why an application was postponed: the evaluation counts the two apart (docs/rules.md §1)."""

    MISSING_DOCUMENTS = "missing_documents", _("dokumen belum lengkap")
    TRAFFICKING_CONCERN = "trafficking_concern", _("indikasi perdagangan orang (TPPO)")


POSTPONEMENT_CAUSE_REQUIRED = _("Pilih sebab penundaan: dokumen belum lengkap atau indikasi TPPO.")
POSTPONEMENT_CAUSE_ONLY = _("Sebab penundaan hanya diisi bila permohonan ditunda.")

# The outcomes an officer records (OPEN is only the starting state).
OUTCOME_STATUSES = [s for s in ReadinessStatus if s != ReadinessStatus.OPEN]


class ReadinessCheck(models.Model):
    """A resident's intention as recorded by the village or the office, with what was found on that day.

    `missing_documents` and `warnings` are kept as computed when recorded, so the printed summary and the record
    agree even after the rules change.
    """

    reference = models.CharField(_("kode rujukan"), max_length=16, unique=True, editable=False)
    person = models.ForeignKey(
        "people.Person", verbose_name=_("orang"), on_delete=models.PROTECT, related_name="readiness_checks"
    )
    # The village the check belongs to (the person's village when recorded); scope goes through it.
    village = models.ForeignKey(
        "regions.Village", verbose_name=_("desa/kelurahan"), on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField(_("tanggal pemeriksaan"))
    purpose = models.CharField(_("tujuan"), max_length=20, choices=Purpose.choices)
    case = models.CharField(_("jenis permohonan"), max_length=20, choices=Case.choices, default=Case.NEW)
    married = models.BooleanField(_("sudah menikah"), default=False)
    destination_country = models.CharField(
        _("negara tujuan"), max_length=2, choices=Country.choices, blank=True
    )
    job_offer = models.BooleanField(_("ada tawaran kerja"), default=False)
    job_type = models.CharField(_("jenis pekerjaan"), max_length=30, choices=JobType.choices, blank=True)
    employer = models.CharField(_("pemberi kerja"), max_length=200, blank=True)
    agency_name = models.CharField(_("perusahaan penempatan / agen"), max_length=200, blank=True)
    one_channel = models.BooleanField(_("melalui Sistem Penempatan Satu Kanal"), default=False)
    sponsor_name = models.CharField(_("nama sponsor / yang membantu"), max_length=150, blank=True)
    sponsor_phone = models.CharField(_("telepon sponsor"), max_length=20, blank=True)
    paid_up_front = models.BooleanField(_("sudah ada uang dibayarkan di muka"), default=False)
    amount_paid_idr = models.PositiveBigIntegerField(_("jumlah uang (Rp)"), null=True, blank=True)
    documents_in_hand = models.JSONField(_("dokumen yang sudah dimiliki"), default=list, blank=True)
    missing_documents = models.JSONField(_("dokumen yang belum ada"), default=list, editable=False)
    warnings = models.JSONField(_("peringatan jalur prosedural"), default=list, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ReadinessStatus.choices, default=ReadinessStatus.OPEN
    )
    # Set (once) when an officer starts a screening, a referral or a report from this check. The officer inbox
    # counts checks with warnings and no follow-up yet.
    followed_up_at = models.DateTimeField(_("ditindaklanjuti pada"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    # The sponsor is a third party; the audit trail records only that these changed (desabinaan.audit.services).
    AUDIT_SECRET_FIELDS = frozenset({"sponsor_name", "sponsor_phone"})

    class Meta:
        verbose_name = _("pemeriksaan kesiapan paspor")
        verbose_name_plural = _("pemeriksaan kesiapan paspor")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["village", "status", "-created_at"], name="readiness_village_status_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(paid_up_front=True) | Q(amount_paid_idr__isnull=True),
                name="readiness_amount_needs_payment",
                violation_error_message=AMOUNT_WITHOUT_PAYMENT,
            )
        ]

    def __str__(self):
        return self.reference

    @property
    def agency_unlicensed(self) -> bool:
        """The check found the named agency missing from the licensed P3MI registry (or its licence not in force)."""
        return "agency_unverified" in self.warning_codes

    @property
    def warning_codes(self) -> list[str]:
        return [w["code"] for w in self.warnings]


class ReadinessOutcome(models.Model):
    """An officer's record of what happened next; the check's status is the latest one."""

    readiness_check = models.ForeignKey(
        ReadinessCheck, verbose_name=_("pemeriksaan"), on_delete=models.CASCADE, related_name="outcomes"
    )
    status = models.CharField(_("hasil"), max_length=20, choices=ReadinessStatus.choices)
    # Required when postponed (clean); blank on outcomes recorded before the cause was asked.
    postponement_cause = models.CharField(
        _("sebab penundaan"), max_length=30, choices=PostponementCause.choices, blank=True
    )
    on = models.DateField(_("tanggal"))
    note = models.TextField(_("catatan"), blank=True, validators=[free_text_max_length])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("hasil pemeriksaan kesiapan")
        verbose_name_plural = _("hasil pemeriksaan kesiapan")
        ordering = ["-on", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(status="open"), name="readiness_outcome_not_open")]

    def __str__(self):
        return f"{self.readiness_check_id} {self.status} {self.on}"

    def clean(self):
        super().clean()
        if self.status == ReadinessStatus.POSTPONED and not self.postponement_cause:
            raise ValidationError({"postponement_cause": POSTPONEMENT_CAUSE_REQUIRED})
        if self.status != ReadinessStatus.POSTPONED and self.postponement_cause:
            raise ValidationError({"postponement_cause": POSTPONEMENT_CAUSE_ONLY})


class RouteAdvisory(models.Model):
    """Route facts the readiness check warns about, as cited data (docs/rules.md §4): destinations without a
    placement agreement or known for online-scam compounds, study or internship used as cover for work, the P3MI
    designated for the One Channel System, and the moratorium's current status. A change is a new row with a new
    effective date; `to_confirm` and `officer_note` are for officers only.
    """

    class Kind(models.TextChoices):
        NO_PLACEMENT_AGREEMENT = rules.ADV_NO_PLACEMENT_AGREEMENT, _("negara tanpa perjanjian penempatan PMI")
        SCAM_DESTINATION = rules.ADV_SCAM_DESTINATION, _("tujuan penipuan daring (online scam)")
        STUDY_COVER = rules.ADV_STUDY_COVER, _("belajar atau magang sebagai kedok kerja")
        ONE_CHANNEL_AGENCY = (
            rules.ADV_ONE_CHANNEL_AGENCY,
            _("P3MI yang ditunjuk untuk Sistem Penempatan Satu Kanal"),
        )
        MORATORIUM_STATUS = "moratorium_status", _("status moratorium saat ini")

    kind = models.CharField(_("jenis"), max_length=30, choices=Kind.choices)
    country = models.CharField(_("negara"), max_length=2, choices=Country.choices, blank=True)
    area = models.CharField(_("wilayah"), max_length=200, blank=True, help_text=_("Mis. daerah perbatasan."))
    agency_name = models.CharField(_("nama P3MI"), max_length=200, blank=True)
    status = models.CharField(_("keadaan saat ini"), max_length=300, blank=True)
    citation = models.TextField(_("dasar hukum / sumber"))
    effective_from = models.DateField(_("berlaku sejak"))
    effective_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    to_confirm = models.BooleanField(_("perlu dikonfirmasi kantor"), default=False)
    officer_note = models.TextField(_("catatan untuk petugas"), blank=True)

    class Meta:
        verbose_name = _("data jalur dan tujuan PMI")
        verbose_name_plural = _("data jalur dan tujuan PMI")
        ordering = ["kind", "country", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="route_advisory_period_order",
            )
        ]

    def __str__(self):
        return " ".join(str(p) for p in (self.get_kind_display(), self.country, self.agency_name) if p)

    def clean(self):
        super().clean()
        if self.kind in (self.Kind.NO_PLACEMENT_AGREEMENT, self.Kind.SCAM_DESTINATION) and not self.country:
            raise ValidationError({"country": ADVISORY_COUNTRY_REQUIRED})
        if self.kind == self.Kind.ONE_CHANNEL_AGENCY and not self.agency_name.strip():
            raise ValidationError({"agency_name": ADVISORY_AGENCY_REQUIRED})

    def as_data(self) -> rules.Advisory:
        return rules.Advisory(
            kind=self.kind,
            citation=self.citation,
            country=self.country,
            area=self.area,
            agency=self.agency_name,
        )


class CollectiveStatus(models.TextChoices):
    DRAFT = "draft", _("draf")
    SUBMITTED = "submitted", _("diajukan")
    ACCEPTED = "accepted", pgettext_lazy("status of a request", "diterima")
    DECLINED = "declined", _("ditolak")


class CollectiveType(models.TextChoices):
    """What a collective service may handle; lost or damaged passports need an interview and BAP at the office."""

    NEW = "new", _("Baru (paspor pertama)")
    REPLACEMENT_EXPIRED = "replacement_expired", _("Penggantian: habis masa berlaku")
    REPLACEMENT_FULL = "replacement_full", _("Penggantian: halaman penuh")


class CollectiveRequest(models.Model):
    """A village's request for a collective passport service (Eazy Passport) and the office's decision."""

    village = models.ForeignKey(
        "regions.Village", verbose_name=_("desa/kelurahan"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_date = models.DateField(_("tanggal yang diusulkan"))
    place = models.CharField(_("tempat"), max_length=200)
    contact_name = models.CharField(_("narahubung"), max_length=150)
    contact_phone = models.CharField(_("telepon narahubung"), max_length=20)
    vulnerable_group = models.BooleanField(_("kelompok rentan"), default=False)
    vulnerable_reason = models.TextField(
        _("alasan kelompok rentan"), blank=True, validators=[free_text_max_length]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CollectiveStatus.choices, default=CollectiveStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    service_date = models.DateField(_("tanggal layanan"), null=True, blank=True)
    decline_reason = models.TextField(_("alasan penolakan"), blank=True, validators=[free_text_max_length])
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("permohonan paspor kolektif")
        verbose_name_plural = _("permohonan paspor kolektif")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(service_date__isnull=False),
                name="collective_accepted_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="collective_declined_has_reason",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.place} {self.proposed_date}"

    def clean(self):
        super().clean()
        if self.vulnerable_group and not self.vulnerable_reason.strip():
            raise ValidationError({"vulnerable_reason": VULNERABLE_REASON_REQUIRED})


class CollectiveApplicant(models.Model):
    request = models.ForeignKey(
        CollectiveRequest, verbose_name=_("permohonan"), on_delete=models.CASCADE, related_name="applicants"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("orang"), on_delete=models.PROTECT, related_name="collective_requests"
    )
    application_type = models.CharField(_("jenis permohonan"), max_length=30, choices=CollectiveType.choices)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pemohon kolektif")
        verbose_name_plural = _("pemohon kolektif")
        ordering = ["person__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="collective_applicant_once"),
        ]

    def __str__(self):
        return f"{self.request_id}: {self.person_id} ({self.application_type})"
