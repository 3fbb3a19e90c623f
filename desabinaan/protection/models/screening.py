"""Screening at the passport interview: the versioned indicator data, the interview with its answers, and the
immutable signed decision. The advisory level is computed by lib.advisory from the answers only."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from desabinaan.core.validators import free_text_max_length
from lib import advisory

from .agencies import AgencyCheck, LicensedAgency


class Answer(models.TextChoices):
    YES = advisory.YES, _("Ya")
    NO = advisory.NO, _("Tidak")
    UNKNOWN = advisory.UNKNOWN, _("Tidak diketahui")


class Level(models.TextChoices):
    LOW = advisory.LOW, _("Rendah")
    ATTENTION = advisory.ATTENTION, _("Perlu perhatian")
    HIGH = advisory.HIGH, _("Tinggi")


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
    notes = models.TextField(_("catatan"), blank=True, validators=[free_text_max_length])
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
        # Purpose of exploitation (UU 21/2007 Art. 1(7)), not the declared travel purpose: that is a TRAVEL fact.
        PURPOSE = "purpose", _("Tujuan eksploitasi (UU 21/2007 Pasal 1 angka 1 dan 7)")
        INTERVIEW = "interview", _("Indikator wawancara")
        TRAVEL = "travel", _("Fakta tujuan perjalanan")
        ROUTE = "route", _("Fakta jalur prosedural")

    indicator_set = models.ForeignKey(
        IndicatorSet, verbose_name=_("set indikator"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("kode"), max_length=50)
    label = models.CharField(_("pertanyaan"), max_length=300)
    label_en = models.CharField(_("pertanyaan (bahasa Inggris)"), max_length=300, blank=True)
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

    @property
    def display_label(self) -> str:
        """The question in the active language: the English label in English mode when one is given."""
        if self.label_en and (get_language() or "").startswith("en"):
            return self.label_en
        return self.label


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
    documents_seen = models.TextField(
        _("dokumen yang diperiksa"), blank=True, validators=[free_text_max_length]
    )
    notes = models.TextField(_("catatan wawancara"), blank=True, validators=[free_text_max_length])
    advisory_level = models.CharField(_("tingkat saran"), max_length=20, choices=Level.choices)
    advisory_score = models.PositiveSmallIntegerField(_("skor saran"), default=0)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    # The sponsor is a third party named in confidence, and the interview notes are confidential: the audit trail
    # records only that they changed (desabinaan.audit.services).
    AUDIT_SECRET_FIELDS = frozenset(
        {
            "sponsor_name",
            "sponsor_phone",
            "sponsor_phone_normalized",
            "host_abroad",
            "documents_seen",
            "notes",
        }
    )

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

    AUDIT_SECRET_FIELDS = frozenset({"evidence"})

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
    rationale = models.TextField(_("alasan"), validators=[free_text_max_length])
    pending_documents = models.TextField(
        _("dokumen yang ditunggu"), blank=True, validators=[free_text_max_length]
    )
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
