"""Protection rules kept as dated, cited data (docs/rules.md §3–4): the help lines shown to the public and the legal
stops of a screening. Change one by adding a row with a new effective date in the admin, never by editing code."""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .screening import TravelPurpose


class _Bilingual:
    def _in_language(self, indonesian: str, english: str) -> str:
        if english and (get_language() or "").startswith("en"):
            return english
        return indonesian


class HelpLine(_Bilingual, models.Model):
    """A number, WhatsApp line, website or app where a person gets help (emergency, SAPA 129, KP2MI, Kemlu).

    The newest row per code whose effective date has come is shown. `needs_confirmation` marks a contact no
    official source confirmed: the public sees the line, only officers see the flag.
    """

    class Kind(models.TextChoices):
        PHONE = "phone", _("Telepon")
        WHATSAPP = "whatsapp", _("WhatsApp")
        WEB = "web", _("Situs web")
        APP = "app", _("Aplikasi")

    code = models.SlugField(_("kode"), max_length=50)
    name = models.CharField(_("nama layanan"), max_length=150)
    name_en = models.CharField(_("nama layanan (bahasa Inggris)"), max_length=150, blank=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    value = models.CharField(
        _("nomor atau alamat"), max_length=200, help_text=_("Nomor telepon/WhatsApp, atau alamat situs.")
    )
    description = models.CharField(_("kapan menghubungi"), max_length=300)
    description_en = models.CharField(_("kapan menghubungi (bahasa Inggris)"), max_length=300, blank=True)
    citation = models.CharField(_("sumber"), max_length=300)
    checked_on = models.DateField(_("diperiksa pada"))
    effective_from = models.DateField(_("berlaku sejak"))
    needs_confirmation = models.BooleanField(
        _("perlu dikonfirmasi kantor"),
        default=False,
        help_text=_("Hanya petugas yang melihat tanda ini; masyarakat melihat layanannya saja."),
    )
    is_active = models.BooleanField(_("ditampilkan"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("layanan bantuan")
        verbose_name_plural = _("layanan bantuan")
        ordering = ["order", "code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="unique_help_line_version"),
            models.CheckConstraint(condition=~Q(value=""), name="help_line_has_value"),
        ]

    def __str__(self):
        return f"{self.name}: {self.value}"

    @property
    def display_name(self) -> str:
        return self._in_language(self.name, self.name_en)

    @property
    def display_description(self) -> str:
        return self._in_language(self.description, self.description_en)

    @property
    def href(self) -> str:
        """A link a phone can follow: tel:, wa.me (international digits) or the website."""
        digits = "".join(ch for ch in self.value if ch.isdigit())
        if self.kind == self.Kind.PHONE:
            return f"tel:{'+' if self.value.strip().startswith('+') else ''}{digits}"
        if self.kind == self.Kind.WHATSAPP:
            return f"https://wa.me/{'62' + digits[1:] if digits.startswith('0') else digits}"
        return self.value if self.value.startswith("https://") else ""


class LegalStop(_Bilingual, models.Model):
    """A legal fact that rules out going ahead, whatever the advisory level: e.g. a person under 18 departing for
    work (UU 18/2017 Art. 5). Never a score input: it is checked beside the advisory level, not added to it."""

    code = models.SlugField(_("kode"), max_length=50)
    purpose = models.CharField(_("tujuan perjalanan"), max_length=20, choices=TravelPurpose.choices)
    also_when_yes = models.SlugField(
        _("juga bila indikator ini dijawab Ya"),
        max_length=50,
        blank=True,
        help_text=_(
            "Kode indikator yang berarti tujuan yang sama, mis. tanda akan bekerja di balik visa kunjungan."
        ),
    )
    under_age = models.PositiveSmallIntegerField(
        _("berlaku di bawah umur"),
        help_text=_("Berlaku bila pemohon belum mencapai umur ini pada hari skrining."),
    )
    label = models.CharField(_("keterangan"), max_length=300)
    label_en = models.CharField(_("keterangan (bahasa Inggris)"), max_length=300, blank=True)
    citation = models.CharField(_("dasar hukum"), max_length=300)
    effective_from = models.DateField(_("berlaku sejak"))
    needs_confirmation = models.BooleanField(_("perlu dikonfirmasi kantor"), default=False)

    class Meta:
        verbose_name = _("batas hukum skrining")
        verbose_name_plural = _("batas hukum skrining")
        ordering = ["code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="unique_legal_stop_version")
        ]

    def __str__(self):
        return f"{self.code} ({self.citation})"

    @property
    def display_label(self) -> str:
        return self._in_language(self.label, self.label_en)
