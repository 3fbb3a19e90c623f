"""Fostered villages (desa binaan): proposal, designation by SK, PIMPASA, village work and evaluation.

`DesaBinaan` and `PimpasaAssignment` (with their original field names) are used by the personas fixture, the
dashboard and `seed_demo`; everything else extends them.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.core.labels import LabelInLanguage
from desabinaan.core.validators import free_text_max_length

PIMPASA_DECREE_REQUIRED = _("Isi nomor SK penunjukan PIMPASA.")


def _private_path(prefix: str, filename: str) -> str:
    # A random name: files are served only through scope-checked views, and the name must not be guessable even
    # where a development server exposes MEDIA_ROOT.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"program/{prefix}/{timezone.now():%Y}/{uuid.uuid4().hex}.{ext[:5]}"


def sk_upload_to(instance, filename):
    return _private_path("sk", filename)


def attachment_upload_to(instance, filename):
    return _private_path("lampiran", filename)


class SelectionCriterion(LabelInLanguage, models.Model):
    """A reason a village is proposed (no national list exists, so offices configure their own)."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama kriteria"), max_length=200)
    label_en = models.CharField(_("nama kriteria (bahasa Inggris)"), max_length=200, blank=True)
    weight = models.PositiveSmallIntegerField(_("bobot"), default=1)
    citation = models.CharField(_("sumber/rujukan"), max_length=300, blank=True)
    notes = models.TextField(_("catatan"), blank=True, validators=[free_text_max_length])
    active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kriteria pemilihan desa")
        verbose_name_plural = _("kriteria pemilihan desa")
        ordering = ["order", "code"]

    def __str__(self):
        return self.display_label


SK_DATE_IN_FUTURE = _("Tanggal SK tidak boleh di masa depan: catat SK yang sudah ditandatangani.")


class DesaBinaan(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("diusulkan")
        DESIGNATED = "designated", _("ditetapkan")
        ACTIVE = "active", _("aktif")
        SUSPENDED = "suspended", _("ditangguhkan")
        GRADUATED = "graduated", _("mandiri (lulus)")

    class IssuingOffice(models.TextChoices):
        KANIM = "kanim", _("Kantor Imigrasi")
        KANWIL = "kanwil", _("Kantor Wilayah")

    village = models.OneToOneField(
        "regions.Village",
        verbose_name=_("desa/kelurahan"),
        on_delete=models.PROTECT,
        related_name="desa_binaan",
    )
    kanim = models.ForeignKey(
        "offices.Kanim",
        verbose_name=_("kantor imigrasi"),
        on_delete=models.PROTECT,
        related_name="desa_binaan",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    sk_number = models.CharField(_("nomor SK"), max_length=200, blank=True)
    sk_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    designated_on = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sk_issuer = models.CharField(
        _("penerbit SK"), max_length=10, choices=IssuingOffice.choices, default=IssuingOffice.KANIM
    )
    sk_file = models.FileField(_("berkas SK (PDF)"), upload_to=sk_upload_to, blank=True, max_length=200)
    proposal_notes = models.TextField(_("catatan usulan"), blank=True, validators=[free_text_max_length])
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diusulkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Shown in the public directory only while the liaison's consent is recorded.
    public_contact = models.CharField(_("kontak publik"), max_length=200, blank=True)
    public_contact_consent = models.BooleanField(_("penghubung setuju kontak dipublikasikan"), default=False)
    criteria: "models.ManyToManyField[SelectionCriterion, ProposalCriterion]" = models.ManyToManyField(
        SelectionCriterion, through="ProposalCriterion", verbose_name=_("kriteria"), blank=True
    )

    class Meta:
        verbose_name = _("desa binaan")
        verbose_name_plural = _("desa binaan")
        ordering = ["village_id"]

    def __str__(self):
        return str(self.village)

    def clean(self):
        super().clean()
        # The SK recorded is one already signed: its date cannot lie in the future.
        if self.sk_date and self.sk_date > timezone.localdate():
            raise ValidationError({"sk_date": SK_DATE_IN_FUTURE})

    @property
    def is_fostered(self) -> bool:
        """Designated or later, i.e. it has an SK: shown publicly, gets a certificate."""
        return self.status != self.Status.PROPOSED

    @property
    def has_certificate(self) -> bool:
        return self.status in (self.Status.DESIGNATED, self.Status.ACTIVE) and bool(self.sk_number)


class ProposalCriterion(models.Model):
    """A criterion ticked for a village, with the evidence the officer saw."""

    desa_binaan = models.ForeignKey(DesaBinaan, on_delete=models.CASCADE, related_name="proposal_criteria")
    criterion = models.ForeignKey(SelectionCriterion, verbose_name=_("kriteria"), on_delete=models.PROTECT)
    evidence = models.TextField(_("bukti/keterangan"), blank=True, validators=[free_text_max_length])

    class Meta:
        verbose_name = _("kriteria usulan")
        verbose_name_plural = _("kriteria usulan")
        constraints = [
            models.UniqueConstraint(fields=["desa_binaan", "criterion"], name="one_tick_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion_id} @ {self.desa_binaan_id}"


class DesaBinaanTransition(models.Model):
    """One status change: when, who and why. The first row of a village is its proposal (from_status empty)."""

    desa_binaan = models.ForeignKey(DesaBinaan, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("dari"), max_length=20, choices=DesaBinaan.Status.choices, blank=True)
    to_status = models.CharField(_("ke"), max_length=20, choices=DesaBinaan.Status.choices)
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("alasan"), validators=[free_text_max_length])

    class Meta:
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status} ({self.at:%Y-%m-%d})"


class PimpasaAssignment(models.Model):
    desa_binaan = models.ForeignKey(
        DesaBinaan,
        verbose_name=_("desa binaan"),
        on_delete=models.CASCADE,
        related_name="pimpasa_assignments",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("PIMPASA"),
        on_delete=models.PROTECT,
        related_name="pimpasa_assignments",
    )
    valid_from = models.DateField(_("sejak"))
    valid_to = models.DateField(_("sampai"), null=True, blank=True)
    # The appointment decree (SK penunjukan PIMPASA). Required for new assignments (clean); rows from before it was
    # recorded stay blank rather than carry an invented number, and can still be ended.
    decree_number = models.CharField(_("nomor SK penunjukan"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("penugasan PIMPASA")
        verbose_name_plural = _("penugasan PIMPASA")
        constraints = [
            models.UniqueConstraint(
                fields=["desa_binaan", "officer"],
                condition=Q(valid_to__isnull=True),
                name="one_open_pimpasa_assignment",
                violation_error_message=_("Petugas ini sudah ditugaskan sebagai PIMPASA desa ini."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="pimpasa_period_ordered",
                violation_error_message=_("Tanggal akhir penugasan tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self):
        return f"{self.officer} → {self.desa_binaan}"

    @property
    def is_open(self) -> bool:
        return self.valid_to is None

    def clean(self):
        super().clean()
        if self._state.adding and not self.decree_number.strip():
            raise ValidationError({"decree_number": PIMPASA_DECREE_REQUIRED})


ACTIVITY_DATE_IN_FUTURE = _(
    "Kegiatan yang dicatat di sini sudah dilaksanakan, jadi tanggalnya tidak boleh di masa depan. Rencana kegiatan "
    "sosialisasi dicatat di menu Sosialisasi."
)


class Activity(models.Model):
    """An entry of the village's activity log (PIMPASA visits, counselling, early-warning information...)."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("kunjungan")
        COUNSELLING = "counselling", _("penyuluhan")
        COORDINATION = "coordination", _("rapat koordinasi")
        CONSULTATION = "consultation", _("konsultasi")
        EARLY_WARNING = "early_warning", _("informasi peringatan dini")

    desa_binaan = models.ForeignKey(DesaBinaan, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("jenis kegiatan"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200)
    participants = models.PositiveIntegerField(_("jumlah peserta"), default=0)
    notes = models.TextField(_("catatan"), blank=True, validators=[free_text_max_length])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pencatat"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    # Optimistic concurrency: an edit based on an older version is refused, never silently overwrites.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["desa_binaan", "date"], name="activity_village_date_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"

    def clean(self):
        super().clean()
        # The log records what was done: a date in the future is a typing mistake.
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": ACTIVITY_DATE_IN_FUTURE})


class ActivityAttachment(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("berkas"), upload_to=attachment_upload_to, max_length=200)
    name = models.CharField(_("nama berkas"), max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lampiran kegiatan")
        verbose_name_plural = _("lampiran kegiatan")
        ordering = ["id"]

    def __str__(self):
        return self.name


class Question(models.Model):
    """A resident's question, recorded without personal data; answered by an officer, maybe published."""

    class Topic(models.TextChoices):
        PASSPORT = "passport", _("paspor")
        WORK_ABROAD = "work_abroad", _("bekerja di luar negeri")
        VISA = "visa", _("visa")
        REPORTING = "reporting", _("pelaporan")
        OTHER = "other", _("lainnya")

    desa_binaan = models.ForeignKey(DesaBinaan, on_delete=models.CASCADE, related_name="questions")
    topic = models.CharField(_("topik"), max_length=20, choices=Topic.choices)
    text = models.TextField(_("pertanyaan"), validators=[free_text_max_length])
    asked_on = models.DateField(_("tanggal ditanyakan"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("jawaban"), blank=True, validators=[free_text_max_length])
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijawab oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    published_at = models.DateTimeField(_("diterbitkan di tanya-jawab publik"), null=True, blank=True)

    class Meta:
        verbose_name = _("pertanyaan warga")
        verbose_name_plural = _("pertanyaan warga")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(answer=""),
                name="published_question_has_answer",
                violation_error_message=_("Hanya pertanyaan yang sudah dijawab yang dapat diterbitkan."),
            )
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)


class ForeignerNote(models.Model):
    """Foreign nationals seen in the village, for the Kanim's supervision of foreigners."""

    desa_binaan = models.ForeignKey(DesaBinaan, on_delete=models.CASCADE, related_name="foreigner_notes")
    nationality = models.CharField(_("kewarganegaraan"), max_length=100)
    purpose = models.CharField(_("keperluan"), max_length=200)
    place = models.CharField(_("tempat"), max_length=200)
    seen_on = models.DateField(_("tanggal"))
    notes = models.TextField(_("catatan"), blank=True, validators=[free_text_max_length])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pencatat"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("catatan keberadaan WNA")
        verbose_name_plural = _("catatan keberadaan WNA")
        ordering = ["-seen_on", "-id"]

    def __str__(self):
        return f"{self.nationality} {self.seen_on}"


class EvaluationIndicator(LabelInLanguage, models.Model):
    """A quarterly evaluation indicator. No national template exists, so indicators are data."""

    class Source(models.TextChoices):
        SYSTEM = "system", _("dihitung sistem")
        MANUAL = "manual", _("diisi petugas")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("makin tinggi makin baik")
        LOWER = "lower", _("makin rendah makin baik")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("indikator"), max_length=200)
    label_en = models.CharField(_("indikator (bahasa Inggris)"), max_length=200, blank=True)
    source = models.CharField(_("sumber nilai"), max_length=10, choices=Source.choices)
    weight = models.PositiveSmallIntegerField(_("bobot"), default=1)
    # Higher-is-better: the value that earns full marks. Lower-is-better: the value at which the mark reaches zero.
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=2, default=1)
    direction = models.CharField(
        _("arah"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    citation = models.CharField(_("sumber/rujukan"), max_length=300, blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("indikator evaluasi")
        verbose_name_plural = _("indikator evaluasi")
        ordering = ["order", "code"]
        constraints = [models.CheckConstraint(condition=Q(target__gt=0), name="indicator_target_positive")]

    def __str__(self):
        return self.display_label


class Evaluation(models.Model):
    desa_binaan = models.ForeignKey(DesaBinaan, on_delete=models.CASCADE, related_name="evaluations")
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"), choices=[(q, q) for q in (1, 2, 3, 4)])
    # None while no indicator has a value.
    score = models.DecimalField(_("skor"), max_digits=5, decimal_places=1, null=True, blank=True)
    notes = models.TextField(_("catatan"), blank=True, validators=[free_text_max_length])
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("evaluasi triwulan")
        verbose_name_plural = _("evaluasi triwulan")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["desa_binaan", "year", "quarter"],
                name="one_evaluation_per_quarter",
                violation_error_message=_("Evaluasi triwulan ini sudah ada."),
            )
        ]

    def __str__(self):
        return f"{self.desa_binaan} T{self.quarter}/{self.year}"


class EvaluationValue(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(EvaluationIndicator, on_delete=models.PROTECT)
    # None = not available ("belum tersedia"): never stored as a made-up zero.
    value = models.DecimalField(_("nilai"), max_digits=12, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=10, choices=EvaluationIndicator.Source.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "indicator"], name="one_value_per_indicator")
        ]

    def __str__(self):
        return f"{self.indicator_id}={self.value}"
