"""Protection: screening at the passport interview, referrals back to the village or to partner agencies,
anonymous reports of suspicious recruiters, the licensed-agency (P3MI) registry and the abuse counters.

Screenings and referrals are scoped through the applicant's home village, reports through the village they name
(accounts.scope). The advisory level is computed by lib.advisory from the answers only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib import advisory


class Answer(models.TextChoices):
    YES = advisory.YES, _("Ya")
    NO = advisory.NO, _("Tidak")
    UNKNOWN = advisory.UNKNOWN, _("Tidak diketahui")


class Level(models.TextChoices):
    LOW = advisory.LOW, _("Rendah")
    ATTENTION = advisory.ATTENTION, _("Perlu perhatian")
    HIGH = advisory.HIGH, _("Tinggi")


# --- Indicators (data, versioned) ----------------------------------------------------------------------------------


class IndicatorSet(models.Model):
    """One version of the screening checklist with its thresholds. A screening keeps the version it used.

    A version already used by a screening is locked (the admin refuses edits); change the checklist by copying it
    to a new version and activating that one.
    """

    version = models.PositiveIntegerField(_("versi"), unique=True)
    name = models.CharField(_("nama"), max_length=200)
    is_active = models.BooleanField(_("aktif"), default=False)
    attention_threshold = models.PositiveSmallIntegerField(_("ambang perlu perhatian"), default=3)
    high_threshold = models.PositiveSmallIntegerField(_("ambang tinggi"), default=7)
    notes = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("set indikator skrining")
        verbose_name_plural = _("set indikator skrining")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_active_indicator_set"
            ),
            models.CheckConstraint(
                condition=Q(attention_threshold__lte=F("high_threshold")), name="indicator_thresholds_ordered"
            ),
        ]

    def __str__(self):
        return f"v{self.version} — {self.name}"

    @property
    def is_locked(self) -> bool:
        return self.pk is not None and self.screenings.exists()


class Indicator(models.Model):
    class Group(models.TextChoices):
        PROCESS = "process", _("Proses (UU 21/2007 Pasal 1 angka 1)")
        MEANS = "means", _("Cara (UU 21/2007 Pasal 1 angka 1)")
        PURPOSE = "purpose", _("Tujuan (UU 21/2007 Pasal 1 angka 1)")
        INTERVIEW = "interview", _("Indikator wawancara")
        ROUTE = "route", _("Fakta jalur prosedural")

    indicator_set = models.ForeignKey(
        IndicatorSet, verbose_name=_("set indikator"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("kode"), max_length=50)
    label = models.CharField(_("pertanyaan"), max_length=300)
    group = models.CharField(_("kelompok"), max_length=20, choices=Group.choices)
    weight = models.PositiveSmallIntegerField(
        _("bobot"), help_text=_("Ditambahkan ke skor bila jawabannya Ya.")
    )
    citation = models.CharField(_("dasar"), max_length=300, blank=True)
    help_text = models.CharField(_("petunjuk"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("indikator skrining")
        verbose_name_plural = _("indikator skrining")
        ordering = ["indicator_set", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["indicator_set", "code"], name="unique_indicator_code")
        ]

    def __str__(self):
        return f"{self.code} ({self.weight})"


# --- Licensed agencies ---------------------------------------------------------------------------------------------


class AgencyStatus(models.TextChoices):
    LICENSED = "licensed", _("Berizin")
    EXPIRED = "expired", _("Izin kedaluwarsa")
    REVOKED = "revoked", _("Izin dicabut")


class AgencyCheck(models.TextChoices):
    """What the registry says about an agency named in a screening or report."""

    NONE = "", _("Tidak disebut")
    LICENSED = "licensed", _("Berizin")
    EXPIRED = "expired", _("Izin kedaluwarsa")
    REVOKED = "revoked", _("Izin dicabut")
    NOT_LICENSED = "not_licensed", _("Tidak terdaftar sebagai P3MI berizin")


class LicensedAgency(models.Model):
    """A licensed placement company (P3MI, licence SIP3MI), imported from the ministry's published list."""

    name = models.CharField(_("nama"), max_length=250)
    # lib.fuzzy.normalize_agency_name(name): the public check compares against this, never the raw name.
    name_normalized = models.CharField(max_length=250, editable=False, db_index=True)
    licence_number = models.CharField(_("nomor izin"), max_length=100, unique=True)
    licence_date = models.DateField(_("tanggal izin"), null=True, blank=True)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    address = models.CharField(_("alamat"), max_length=400, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=AgencyStatus.choices)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("P3MI berizin")
        verbose_name_plural = _("P3MI berizin")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def effective_status(self, today=None) -> str:
        """A licence past its end date counts as expired even if the list still says licensed."""
        today = today or timezone.localdate()
        if self.status == AgencyStatus.LICENSED and self.valid_until and self.valid_until < today:
            return AgencyStatus.EXPIRED
        return self.status


# --- Screening -----------------------------------------------------------------------------------------------------


class TravelPurpose(models.TextChoices):
    TOURISM = "tourism", _("Wisata")
    UMRAH = "umrah", _("Umrah / ziarah")
    WORK = "work", _("Bekerja")
    FAMILY = "family", _("Mengunjungi keluarga")
    STUDY = "study", _("Belajar")
    BUSINESS = "business", _("Urusan bisnis")
    OTHER = "other", _("Lainnya")


class Screening(models.Model):
    person = models.ForeignKey(
        "people.Person", verbose_name=_("pemohon"), on_delete=models.PROTECT, related_name="screenings"
    )
    # The applicant's home village when screened: the scope path (whose office and village may see the case).
    # It is never an input of the advisory level.
    village = models.ForeignKey(
        "regions.Village", verbose_name=_("desa/kelurahan asal"), on_delete=models.PROTECT, related_name="+"
    )
    kanim = models.ForeignKey(
        "offices.Kanim", verbose_name=_("kantor imigrasi"), null=True, blank=True, on_delete=models.PROTECT
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("petugas"), on_delete=models.PROTECT, related_name="+"
    )
    indicator_set = models.ForeignKey(
        IndicatorSet, verbose_name=_("set indikator"), on_delete=models.PROTECT, related_name="screenings"
    )
    purpose = models.CharField(
        _("tujuan perjalanan yang dinyatakan"), max_length=20, choices=TravelPurpose.choices
    )
    destination_country = models.CharField(_("negara tujuan"), max_length=100)
    job = models.CharField(_("pekerjaan di luar negeri"), max_length=200, blank=True)
    host_abroad = models.CharField(_("penjamin / tuan rumah di luar negeri"), max_length=300, blank=True)
    sponsor_name = models.CharField(_("nama sponsor / perantara"), max_length=150, blank=True)
    sponsor_phone = models.CharField(_("telepon sponsor"), max_length=30, blank=True)
    # lib.phones.normalize_phone(sponsor_phone): network signals group on it.
    sponsor_phone_normalized = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    agency_name = models.CharField(_("perusahaan / LPK yang membantu"), max_length=250, blank=True)
    agency = models.ForeignKey(
        LicensedAgency, verbose_name=_("P3MI terdaftar"), null=True, blank=True, on_delete=models.SET_NULL
    )
    agency_check = models.CharField(
        _("cek izin perusahaan"), max_length=20, choices=AgencyCheck.choices, blank=True
    )
    documents_seen = models.TextField(_("dokumen yang diperiksa"), blank=True)
    notes = models.TextField(_("catatan wawancara"), blank=True)
    advisory_level = models.CharField(_("tingkat saran"), max_length=20, choices=Level.choices)
    advisory_score = models.PositiveSmallIntegerField(_("skor saran"), default=0)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("skrining wawancara")
        verbose_name_plural = _("skrining wawancara")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["village", "-created_at"], name="screening_village_idx")]

    def __str__(self):
        return f"#{self.pk} {self.person_id}"


class ScreeningAnswer(models.Model):
    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("jawaban"), max_length=10, choices=Answer.choices)
    evidence = models.CharField(_("bukti / catatan"), max_length=500, blank=True)
    # The points this answer added to the level when it was computed (the breakdown shown to the officer).
    contribution = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["indicator__order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["screening", "indicator"], name="unique_screening_answer")
        ]

    def __str__(self):
        return f"{self.screening_id}:{self.indicator_id}={self.answer}"


class Decision(models.Model):
    """The officer's signed decision. Never updated (a database trigger refuses UPDATE); a correction is a new
    decision pointing to the one it corrects."""

    class Kind(models.TextChoices):
        PROCEED = "proceed", _("Lanjutkan proses paspor")
        POSTPONE = "postpone", _("Tunda sampai dokumen dilengkapi")
        REFUSE = "refuse", _("Tolak")
        SUSPEND = "suspend", _("Tangguhkan")
        REFER = "refer", _("Rujuk")

    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(_("keputusan"), max_length=20, choices=Kind.choices)
    rationale = models.TextField(_("alasan"))
    pending_documents = models.TextField(_("dokumen yang ditunggu"), blank=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    advisory_level = models.CharField(
        _("tingkat saran saat diputuskan"), max_length=20, choices=Level.choices
    )
    is_override = models.BooleanField(_("berbeda dari saran"), default=False)
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("mengoreksi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrected_by",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("keputusan skrining")
        verbose_name_plural = _("keputusan skrining")
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(rationale=""), name="decision_has_rationale"),
            models.CheckConstraint(
                condition=~Q(kind="postpone") | ~Q(pending_documents=""), name="postponement_names_documents"
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["refuse", "suspend"]) | ~Q(legal_basis=""),
                name="refusal_has_legal_basis",
            ),
        ]

    def __str__(self):
        return f"{self.screening_id}: {self.kind}"


# --- Anonymous reports ---------------------------------------------------------------------------------------------


class Report(models.Model):
    """An anonymous report of a suspicious recruiter. No IP address, user agent or account is stored with it."""

    class Category(models.TextChoices):
        RECRUITER = "recruiter", _("Perekrut / sponsor / calo")
        FAKE_LPK = "fake_lpk", _("LPK palsu / menjanjikan penempatan")
        JOB_OFFER = "job_offer", _("Tawaran kerja mencurigakan")
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
    description = models.TextField(_("apa yang terjadi"))
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
    body = models.TextField(_("pesan"))
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

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


# --- Referrals -----------------------------------------------------------------------------------------------------


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
    reason = models.TextField(_("alasan rujukan"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("hasil"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("catatan hasil"), blank=True)
    due_on = models.DateField(_("tenggat"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    # Optimistic concurrency: the office, the village and the agency may all edit the same referral.
    version = models.PositiveIntegerField(default=1, editable=False)

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
