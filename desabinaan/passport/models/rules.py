"""Passport rules as data: fee schedules, document requirements and the validity rule.

Every rule carries a citation and an effective period. History is never edited: a change is a new row with a new
`effective_from` (the admin makes rows that have taken effect read-only, except for closing them with
`effective_to`). The rule in force on a date is the one with the latest `effective_from` on or before it whose
`effective_to` has not passed (selectors.rules_on).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lib import passport as rules

PERIOD_ORDER_ERROR = _("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku.")
UNKNOWN_CASES_ERROR = _("Jenis permohonan tidak dikenal: %(codes)s. Pilihan: %(choices)s.")
UNKNOWN_PURPOSES_ERROR = _("Tujuan perjalanan tidak dikenal: %(codes)s. Pilihan: %(choices)s.")
UNKNOWN_PRODUCTS_ERROR = _("Jenis paspor tidak dikenal: %(codes)s. Pilihan: %(choices)s.")


class Purpose(models.TextChoices):
    TOURISM = "tourism", _("Wisata")
    FAMILY_VISIT = "family_visit", _("Kunjungan keluarga")
    WORK = "work", _("Bekerja ke luar negeri")
    UMRAH_HAJJ = "umrah_hajj", _("Umrah atau haji khusus")
    STUDY = "study", _("Sekolah atau kuliah")
    INTERNSHIP = "internship", _("Magang")
    OTHER = "other", _("Lainnya")


class Case(models.TextChoices):
    NEW = "new", _("Paspor pertama (baru)")
    REPLACEMENT_EXPIRED = "replacement_expired", _("Penggantian: paspor lama habis masa berlaku atau penuh")
    LOST = "lost", _("Penggantian: paspor hilang dan masih berlaku")
    DAMAGED = "damaged", _("Penggantian: paspor rusak dan masih berlaku")
    LOST_EXPIRED = "lost_expired", _("Penggantian: paspor hilang dan sudah habis masa berlaku")
    DAMAGED_EXPIRED = "damaged_expired", _("Penggantian: paspor rusak dan sudah habis masa berlaku")


class FeeCode(models.TextChoices):
    PASSPORT_5 = "passport_5", _("Paspor biasa non-elektronik, 5 tahun")
    PASSPORT_10 = "passport_10", _("Paspor biasa non-elektronik, 10 tahun")
    EPASSPORT_5 = "epassport_5", _("Paspor elektronik, 5 tahun")
    EPASSPORT_10 = "epassport_10", _("Paspor elektronik, 10 tahun")
    SAME_DAY = "same_day", _("Layanan percepatan (selesai hari yang sama)")
    SURCHARGE_LOST = "surcharge_lost", _("Biaya tambahan paspor hilang")
    SURCHARGE_DAMAGED = "surcharge_damaged", _("Biaya tambahan paspor rusak")
    SURCHARGE_FORCE_MAJEURE = "surcharge_force_majeure", _("Biaya tambahan hilang/rusak karena keadaan kahar")
    MIGRANT_WORKER_FIRST = (
        "migrant_worker_first",
        _("Paspor pertama calon pekerja migran (24 halaman, 5 tahun)"),
    )


class Product(models.TextChoices):
    EPASSPORT = rules.PRODUCT_EPASSPORT, _("Paspor elektronik (e-paspor)")
    PASSPORT = rules.PRODUCT_PASSPORT, _("Paspor biasa non-elektronik")
    MIGRANT_WORKER_FIRST = (
        rules.PRODUCT_MIGRANT,
        _("Paspor pertama calon pekerja migran (24 halaman, 5 tahun, tanpa biaya)"),
    )


class Level(models.TextChoices):
    REQUIRED = rules.REQUIRED, _("wajib")
    CONDITIONAL = rules.CONDITIONAL, _("bersyarat")
    NOT_REQUIRED = rules.NOT_REQUIRED, _("tidak diperlukan")


class Applicant(models.TextChoices):
    ANY = "any", _("semua pemohon")
    ADULT = rules.APPLICANT_ADULT, _("dewasa (17 tahun ke atas atau sudah menikah)")
    CHILD = rules.APPLICANT_CHILD, _("anak (di bawah 17 tahun dan belum menikah)")


class ForceMajeure(models.TextChoices):
    ANY = "any", _("tidak bergantung")
    YES = "yes", _("hanya jika keadaan kahar")
    NO = "no", _("hanya jika bukan keadaan kahar")


class VersionedRule(models.Model):
    """A rule with its legal source and the period it is in force (effective_to empty = still in force)."""

    citation = models.TextField(_("dasar hukum / sumber"))
    effective_from = models.DateField(_("berlaku sejak"))
    effective_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    # Shown to officers only, never to the public (issue 13): a rule whose source is not the official text or that
    # sources contradict, and the curator's note on why.
    to_be_confirmed = models.BooleanField(
        _("perlu dikonfirmasi kantor"),
        default=False,
        help_text=_("Hanya terlihat oleh petugas: sumber belum resmi atau saling bertentangan."),
    )
    curation_note = models.TextField(
        _("catatan kurasi (hanya petugas)"),
        blank=True,
        help_text=_(
            "Misalnya sumber yang bertentangan atau yang masih perlu dicek. Tidak pernah tampil ke publik."
        ),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="%(app_label)s_%(class)s_period_ordered",
                violation_error_message=PERIOD_ORDER_ERROR,
            )
        ]

    def in_force_on(self, day) -> bool:
        return self.effective_from <= day and (self.effective_to is None or self.effective_to >= day)


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


class FeeSchedule(VersionedRule):
    name = models.CharField(_("nama"), max_length=100, help_text=_('Misalnya "PP 45/2024".'))
    note = models.TextField(_("catatan"), blank=True)

    class Meta(VersionedRule.Meta):
        verbose_name = _("jadwal tarif paspor")
        verbose_name_plural = _("jadwal tarif paspor")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.name} ({self.effective_from:%d-%m-%Y})"


class FeeItem(models.Model):
    schedule = models.ForeignKey(
        FeeSchedule, verbose_name=_("jadwal tarif"), on_delete=models.CASCADE, related_name="items"
    )
    code = models.CharField(_("kode"), max_length=40, choices=FeeCode.choices)
    label = models.CharField(_("keterangan"), max_length=200)
    label_en = models.CharField(_("keterangan (bahasa Inggris)"), max_length=200, blank=True)
    amount_idr = models.PositiveIntegerField(_("tarif (Rp)"))
    citation = models.TextField(
        _("dasar hukum"), blank=True, help_text=_("Kosong: memakai dasar hukum jadwal tarifnya.")
    )

    class Meta:
        verbose_name = _("butir tarif")
        verbose_name_plural = _("butir tarif")
        ordering = ["schedule", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "code"], name="passport_fee_item_code_once_per_schedule"
            )
        ]

    def __str__(self):
        return f"{self.label}: Rp{self.amount_idr:,}".replace(",", ".")


class DocumentType(models.Model):
    """A document an applicant may have to show; the vocabulary the requirement rules use."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama dokumen"), max_length=200)
    description = models.TextField(_("penjelasan"), blank=True)
    label_en = models.CharField(_("nama dokumen (bahasa Inggris)"), max_length=200, blank=True)
    description_en = models.TextField(_("penjelasan (bahasa Inggris)"), blank=True)
    provided_by_office = models.BooleanField(
        _("dibuat/diurus kantor imigrasi"),
        default=False,
        help_text=_("Misalnya BAP dan persetujuan Kanwil: pemohon tidak membawanya, kantor yang membuatnya."),
    )

    class Meta:
        verbose_name = _("jenis dokumen")
        verbose_name_plural = _("jenis dokumen")
        ordering = ["code"]

    def __str__(self):
        return self.label


class DocumentRequirement(VersionedRule):
    """A document that some cases need: which cases, which applicants, which purposes."""

    document = models.ForeignKey(
        DocumentType, verbose_name=_("dokumen"), on_delete=models.PROTECT, related_name="requirements"
    )
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices, default=Level.REQUIRED)
    cases = models.CharField(
        _("jenis permohonan"),
        max_length=200,
        blank=True,
        help_text=_(
            "Kode dipisah koma (new, replacement_expired, lost, ...). Kosong: semua jenis permohonan."
        ),
    )
    applicant = models.CharField(
        _("pemohon"), max_length=10, choices=Applicant.choices, default=Applicant.ANY
    )
    purposes = models.CharField(
        _("tujuan perjalanan"),
        max_length=200,
        blank=True,
        help_text=_("Kode dipisah koma (work, umrah_hajj, ...). Kosong: semua tujuan."),
    )
    force_majeure = models.CharField(
        _("keadaan kahar"), max_length=5, choices=ForceMajeure.choices, default=ForceMajeure.ANY
    )
    condition = models.CharField(
        _("syarat / keterangan"),
        max_length=300,
        blank=True,
        help_text=_('Untuk dokumen bersyarat: kapan dibutuhkan, mis. "jika hanya satu orang tua hadir".'),
    )
    condition_en = models.CharField(_("syarat / keterangan (bahasa Inggris)"), max_length=300, blank=True)
    products = models.CharField(
        _("jenis paspor"),
        max_length=100,
        blank=True,
        help_text=_("Kode dipisah koma (migrant_worker_first, ...). Kosong: semua jenis paspor."),
    )
    conflicting_citation = models.TextField(
        _("sumber yang bertentangan"),
        blank=True,
        help_text=_("Jika sumber lain menyatakan berbeda, kutip di sini; keduanya ditampilkan."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta(VersionedRule.Meta):
        verbose_name = _("persyaratan dokumen")
        verbose_name_plural = _("persyaratan dokumen")
        ordering = ["order", "document__code", "-effective_from"]

    def __str__(self):
        return (
            f"{self.document} — {self.cases or '*'} / {self.get_applicant_display()} / {self.purposes or '*'}"
        )

    def clean(self):
        super().clean()
        errors = {}
        for name, allowed, message in (
            ("cases", rules.CASES, UNKNOWN_CASES_ERROR),
            ("purposes", rules.PURPOSES, UNKNOWN_PURPOSES_ERROR),
            ("products", rules.PRODUCTS, UNKNOWN_PRODUCTS_ERROR),
        ):
            unknown = [code for code in _codes(getattr(self, name)) if code not in allowed]
            if unknown:
                errors[name] = message % {"codes": ", ".join(unknown), "choices": ", ".join(allowed)}
            else:
                setattr(self, name, ",".join(_codes(getattr(self, name))))
        if errors:
            raise ValidationError(errors)

    @property
    def product_codes(self) -> list[str]:
        return _codes(self.products)

    @property
    def case_codes(self) -> list[str]:
        return _codes(self.cases)

    @property
    def purpose_codes(self) -> list[str]:
        return _codes(self.purposes)


class PassportProduct(VersionedRule):
    """A passport product an office issues from a date (Keputusan Dirjen Imigrasi IMI-263.GR.01.02/2024: offices move
    to electronic passports only, in phases).

    An office with rows in force on a day issues exactly those products; an office without any uses the default rows
    (office empty). The office is linked by its unique name, without a database constraint, so the rule data can be
    loaded (data migration) before an administrator enters the office itself.
    """

    office = models.ForeignKey(
        "offices.Kanim",
        verbose_name=_("kantor imigrasi"),
        to_field="name",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kosong: berlaku untuk kantor yang tidak punya baris sendiri."),
    )
    product = models.CharField(_("jenis paspor"), max_length=30, choices=Product.choices)
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta(VersionedRule.Meta):
        verbose_name = _("jenis paspor per kantor")
        verbose_name_plural = _("jenis paspor per kantor")
        ordering = ["office", "order", "-effective_from"]

    def __str__(self):
        return f"{self.office_id or _('semua kantor')}: {self.get_product_display()} ({self.effective_from:%d-%m-%Y})"


class ValidityRule(VersionedRule):
    """Who may have a 10-year passport (Permenkumham 18/2022: aged 17 or more on the application date, or married)."""

    adult_age = models.PositiveSmallIntegerField(_("usia dewasa (tahun)"), default=17)
    long_years = models.PositiveSmallIntegerField(_("masa berlaku terpanjang (tahun)"), default=10)
    short_years = models.PositiveSmallIntegerField(_("masa berlaku untuk anak (tahun)"), default=5)
    married_counts = models.BooleanField(_("sudah menikah dianggap dewasa"), default=True)

    class Meta(VersionedRule.Meta):
        verbose_name = _("aturan masa berlaku")
        verbose_name_plural = _("aturan masa berlaku")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.long_years}/{self.short_years} — {self.effective_from:%d-%m-%Y}"


UNKNOWN_COUNTRIES_ERROR = _("Kode negara tidak dikenal: %(codes)s.")
UNKNOWN_JOB_TYPES_ERROR = _("Jenis pekerjaan tidak dikenal: %(codes)s. Pilihan: %(choices)s.")


class JobType(models.TextChoices):
    DOMESTIC_WORKER = "domestic_worker", _("Pekerja rumah tangga (umum)")
    HOUSEKEEPER = "housekeeper", _("Pengurus rumah tangga (housekeeper)")
    BABY_SITTER = "baby_sitter", _("Pengasuh bayi (baby sitter)")
    FAMILY_COOK = "family_cook", _("Juru masak keluarga (family cook)")
    ELDERLY_CARETAKER = "elderly_caretaker", _("Perawat lansia di rumah (elderly caretaker)")
    FAMILY_DRIVER = "family_driver", _("Sopir keluarga (family driver)")
    CHILD_CARE = "child_care", _("Pengasuh anak (child care worker)")
    CAREGIVER = "caregiver", _("Perawat di panti/rumah sakit (caregiver)")
    FACTORY = "factory", _("Pabrik / manufaktur")
    PLANTATION = "plantation", _("Perkebunan / pertanian")
    CONSTRUCTION = "construction", _("Konstruksi")
    FISHING = "fishing", _("Awak kapal perikanan")
    HOSPITALITY = "hospitality", _("Hotel, restoran, atau jasa")
    OTHER = "other", _("Lainnya")


class Country(models.TextChoices):
    """Destinations village users name most, plus every country of the moratorium lists (ISO 3166-1 alpha-2)."""

    MY = "MY", _("Malaysia")
    SG = "SG", _("Singapura")
    BN = "BN", _("Brunei Darussalam")
    TW = "TW", _("Taiwan")
    HK = "HK", _("Hong Kong")
    KR = "KR", _("Korea Selatan")
    JP = "JP", _("Jepang")
    CN = "CN", _("Tiongkok")
    TH = "TH", _("Thailand")
    KH = "KH", _("Kamboja")
    MM = "MM", _("Myanmar")
    VN = "VN", _("Vietnam")
    LA = "LA", _("Laos")
    PH = "PH", _("Filipina")
    AU = "AU", _("Australia")
    NZ = "NZ", _("Selandia Baru")
    SA = "SA", _("Arab Saudi")
    AE = "AE", _("Uni Emirat Arab")
    QA = "QA", _("Qatar")
    KW = "KW", _("Kuwait")
    BH = "BH", _("Bahrain")
    OM = "OM", _("Oman")
    YE = "YE", _("Yaman")
    JO = "JO", _("Yordania")
    LB = "LB", _("Lebanon")
    SY = "SY", _("Suriah")
    IQ = "IQ", _("Irak")
    IR = "IR", _("Iran")
    PS = "PS", _("Palestina")
    EG = "EG", _("Mesir")
    LY = "LY", _("Libya")
    TN = "TN", _("Tunisia")
    DZ = "DZ", _("Aljazair")
    MA = "MA", _("Maroko")
    MR = "MR", _("Mauritania")
    SD = "SD", _("Sudan")
    SS = "SS", _("Sudan Selatan")
    PK = "PK", _("Pakistan")
    TR = "TR", _("Turki")
    PL = "PL", _("Polandia")
    DE = "DE", _("Jerman")
    NL = "NL", _("Belanda")
    GB = "GB", _("Inggris")
    US = "US", _("Amerika Serikat")


def _check_codes(value: str, allowed, message, **extra) -> str:
    unknown = [code for code in _codes(value) if code not in allowed]
    if unknown:
        raise ValidationError(message % {"codes": ", ".join(unknown), **extra})
    return ",".join(_codes(value))


class MoratoriumRule(VersionedRule):
    """Job types closed in listed countries (Kepmenaker 260/2015), with the One Channel exception (291/2018)."""

    name = models.CharField(_("nama"), max_length=100, help_text=_('Misalnya "Kepmenaker 260/2015".'))
    countries = models.TextField(
        _("negara tujuan yang ditutup"), help_text=_("Kode negara ISO dipisah koma, mis. SA,AE,QA.")
    )
    job_types = models.CharField(
        _("jenis pekerjaan yang ditutup"),
        max_length=300,
        help_text=_("Kode dipisah koma, mis. domestic_worker."),
    )
    one_channel_countries = models.CharField(
        _("negara Sistem Penempatan Satu Kanal"), max_length=100, blank=True
    )
    one_channel_job_types = models.CharField(
        _("jenis pekerjaan Sistem Penempatan Satu Kanal"), max_length=300, blank=True
    )
    one_channel_citation = models.TextField(_("dasar hukum Sistem Penempatan Satu Kanal"), blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta(VersionedRule.Meta):
        verbose_name = _("aturan moratorium penempatan")
        verbose_name_plural = _("aturan moratorium penempatan")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.name} ({self.effective_from:%d-%m-%Y})"

    def clean(self):
        super().clean()
        errors = {}
        job_choices = ", ".join(JobType.values)
        for name in ("countries", "one_channel_countries"):
            try:
                setattr(
                    self,
                    name,
                    _check_codes(getattr(self, name).upper(), Country.values, UNKNOWN_COUNTRIES_ERROR),
                )
            except ValidationError as error:
                errors[name] = error
        for name in ("job_types", "one_channel_job_types"):
            try:
                setattr(
                    self,
                    name,
                    _check_codes(
                        getattr(self, name), JobType.values, UNKNOWN_JOB_TYPES_ERROR, choices=job_choices
                    ),
                )
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise ValidationError(errors)

    def as_data(self) -> rules.MoratoriumData:
        return rules.MoratoriumData(
            citation=self.citation,
            countries=frozenset(_codes(self.countries)),
            job_types=frozenset(_codes(self.job_types)),
            one_channel_countries=frozenset(_codes(self.one_channel_countries)),
            one_channel_job_types=frozenset(_codes(self.one_channel_job_types)),
            one_channel_citation=self.one_channel_citation,
        )


class CollectiveServiceRule(VersionedRule):
    """Eazy Passport: how many applicants a collective request needs (none for vulnerable groups)."""

    min_applicants = models.PositiveSmallIntegerField(_("jumlah pemohon paling sedikit"), default=50)
    vulnerable_min_applicants = models.PositiveSmallIntegerField(
        _("jumlah paling sedikit untuk kelompok rentan"), default=1
    )
    note = models.TextField(_("catatan"), blank=True)

    class Meta(VersionedRule.Meta):
        verbose_name = _("aturan layanan paspor kolektif")
        verbose_name_plural = _("aturan layanan paspor kolektif")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.min_applicants} / {self.vulnerable_min_applicants} ({self.effective_from:%d-%m-%Y})"
