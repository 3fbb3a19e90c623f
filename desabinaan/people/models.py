"""The person registry every capability links to: one record per person, NIK encrypted with a keyed lookup hash."""

from django.conf import settings
from django.db import models
from django.db.models import F, Func, Q
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role
from lib import nik as nik_lib


class YearOf(Func):
    """The year of a date, in SQL that SQLite's own tools can evaluate.

    Django's `__year` compiles to django_date_extract() on SQLite, a function only Django's connection registers: a
    CHECK constraint calling it makes `PRAGMA integrity_check` fail in the sqlite3 tool (docs/operations.md).
    """

    template = "EXTRACT(YEAR FROM %(expressions)s)"
    arity = 1
    output_field = models.IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django stores dates on SQLite as ISO text, YYYY-MM-DD.
        template = "CAST(SUBSTR(%(expressions)s, 1, 4) AS INTEGER)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class Sex(models.TextChoices):
    MALE = "M", _("Laki-laki")
    FEMALE = "F", _("Perempuan")


class PersonQuerySet(models.QuerySet):
    def active(self):
        """Persons not merged into another record."""
        return self.filter(merged_into__isnull=True)


class Person(models.Model):
    name = models.CharField(_("nama lengkap"), max_length=150)
    # lib.text.name_key(name): equal for spellings such as Muhammad / Muhamad / Moh.; used by the duplicate check.
    name_key = models.CharField(max_length=150, editable=False, db_index=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    # Known alone when only the year was given (paper attendance sheets); equals birth_date's year when both are set.
    birth_year = models.PositiveSmallIntegerField(_("tahun lahir"), null=True, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    village = models.ForeignKey(
        "regions.Village", verbose_name=_("desa/kelurahan asal"), on_delete=models.PROTECT, related_name="+"
    )
    phone = models.CharField(_("nomor telepon"), max_length=20, blank=True)
    # Fernet token of the NIK (keys in settings.NIK_ENCRYPTION_KEYS); never stored in clear.
    nik_encrypted = models.TextField(blank=True, editable=False)
    # HMAC-SHA256 of the NIK under settings.NIK_HASH_KEY: exact lookup without decrypting.
    nik_hash = models.CharField(max_length=64, null=True, blank=True, editable=False)
    # Last four digits of the NIK and its 4-digit regency prefix, so lists can show the mask without decrypting.
    nik_masked = models.CharField(_("NIK (tersamar)"), max_length=16, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("didaftarkan"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    # Optimistic concurrency: an update names the version it read; a stale one is refused, not overwritten.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PersonQuerySet.as_manager()

    # Never written to the audit trail in clear (desabinaan.audit.services); a change shows as "•".
    AUDIT_SECRET_FIELDS = frozenset({"nik_encrypted", "nik_hash", "nik_masked", "phone"})

    class Meta:
        verbose_name = _("orang")
        verbose_name_plural = _("orang")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["nik_hash"], name="unique_person_nik_hash"),
            models.CheckConstraint(
                condition=Q(birth_date__isnull=True) | Q(birth_year=YearOf("birth_date")),
                name="person_birth_year_matches_date",
            ),
            models.CheckConstraint(condition=Q(sex__in=["M", "F"]), name="person_sex_valid"),
        ]
        indexes = [models.Index(fields=["village", "name_key"], name="person_village_name_idx")]

    def __str__(self):
        return self.name

    @property
    def has_nik(self) -> bool:
        return bool(self.nik_hash)

    def age_on(self, day) -> int | None:
        if self.birth_date:
            years = day.year - self.birth_date.year
            return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))
        if self.birth_year:
            return day.year - self.birth_year
        return None


class Purpose(models.TextChoices):
    EDUCATION = "education", _("Edukasi / sosialisasi")
    PASSPORT = "passport", _("Pendampingan paspor")
    PROTECTION = "protection", _("Perlindungan / penanganan kasus")


class LawfulBasis(models.TextChoices):
    """UU PDP 27/2022 Art. 20."""

    CONSENT = "consent", _("Persetujuan")
    CONTRACT = "contract", _("Perjanjian")
    LEGAL_OBLIGATION = "legal_obligation", _("Kewajiban hukum")
    VITAL_INTEREST = "vital_interest", _("Kepentingan vital")
    PUBLIC_TASK = "public_task", _("Pelayanan publik / kewenangan resmi")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Kepentingan yang sah")


class Consent(models.Model):
    """Consent and lawful basis for one purpose, with who collected it; a minor's needs a guardian (Art. 25)."""

    person = models.ForeignKey(
        Person, verbose_name=_("orang"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("tujuan"), max_length=20, choices=Purpose.choices)
    lawful_basis = models.CharField(_("dasar pemrosesan"), max_length=30, choices=LawfulBasis.choices)
    purpose_text = models.TextField(_("teks tujuan yang ditunjukkan"), blank=True)
    given_at = models.DateTimeField(_("waktu"))
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), null=True, on_delete=models.SET_NULL
    )
    guardian_name = models.CharField(_("nama wali"), max_length=150, blank=True)
    guardian_relation = models.CharField(_("hubungan wali"), max_length=50, blank=True)
    withdrawn_at = models.DateTimeField(_("ditarik"), null=True, blank=True)

    AUDIT_SECRET_FIELDS = frozenset({"guardian_name"})

    class Meta:
        verbose_name = _("persetujuan")
        verbose_name_plural = _("persetujuan")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["person", "purpose"], name="consent_person_purpose_idx")]

    def __str__(self):
        return f"{self.person_id} {self.purpose} {self.lawful_basis}"


class LawfulBasisDefault(models.Model):
    """The lawful basis a consent form presets for a purpose (and optionally a role): data with its source and the
    date from which it applies, editable in the admin. Officers may choose another basis on the form; village
    liaisons see the preset and cannot change it (`people.services.consents_record`). docs/rules.md §6."""

    purpose = models.CharField(_("tujuan"), max_length=20, choices=Purpose.choices)
    # Empty: every role without a row of its own.
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, blank=True)
    lawful_basis = models.CharField(_("dasar pemrosesan"), max_length=30, choices=LawfulBasis.choices)
    source = models.CharField(_("sumber"), max_length=300)
    effective_from = models.DateField(_("berlaku sejak"))
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("dasar pemrosesan bawaan")
        verbose_name_plural = _("dasar pemrosesan bawaan")
        ordering = ["purpose", "role", "-effective_from"]

    def __str__(self):
        return f"{self.get_purpose_display()} → {self.get_lawful_basis_display()}"


class NotDuplicate(models.Model):
    """An officer's decision that two similar records are different people, so they stop being flagged."""

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="unique_not_duplicate_pair"),
            models.CheckConstraint(
                condition=Q(person_a__lt=F("person_b")), name="not_duplicate_pair_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.person_a_id} ≠ {self.person_b_id}"


class DuplicateScan(models.Model):
    """One run of the duplicate finder (people.duplicates): the nightly national scan or an officer's "cari ulang"
    of their jurisdiction. Its pairs replace the stored pairs whose two persons lie in that jurisdiction."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dimulai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # True for the national (scheduled) scan; otherwise the jurisdiction scanned is started_by's.
    national = models.BooleanField(_("nasional"), default=False)
    finished_at = models.DateTimeField(_("selesai"), auto_now_add=True)
    persons = models.PositiveIntegerField(_("orang diperiksa"), default=0)
    candidates = models.PositiveIntegerField(_("pasangan dibandingkan"), default=0)
    pairs = models.PositiveIntegerField(_("pasangan ditemukan"), default=0)
    # Blocks too large to compare pair by pair (a very common name born the same year in one village).
    skipped_records = models.PositiveIntegerField(_("orang dalam blok terlalu besar"), default=0)
    seconds = models.FloatField(_("durasi (detik)"), default=0)

    class Meta:
        verbose_name = _("pencarian data ganda")
        verbose_name_plural = _("pencarian data ganda")
        ordering = ["-finished_at", "-id"]

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M} {self.pairs}"


class DuplicatePair(models.Model):
    """A probable duplicate pair as the last scan scored it: the score advises, an officer merges or declares them
    different people (NotDuplicate, which hides the pair at once)."""

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("skor"))
    # lib.dedup reason codes (labels in people.duplicates.REASON_LABELS).
    reasons = models.JSONField(_("alasan"), default=list)
    scan = models.ForeignKey(DuplicateScan, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("kemungkinan data ganda")
        verbose_name_plural = _("kemungkinan data ganda")
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="unique_duplicate_pair"),
            models.CheckConstraint(condition=Q(person_a__lt=F("person_b")), name="duplicate_pair_ordered"),
        ]
        indexes = [models.Index(fields=["-score", "id"], name="duplicate_pair_score_idx")]

    def __str__(self):
        return f"{self.person_a_id} ~ {self.person_b_id} ({self.score:.1f})"


def mask_nik(raw: str) -> str:
    return nik_lib.mask(raw)
