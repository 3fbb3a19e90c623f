"""Immigration offices and their working areas."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kanwil(models.Model):
    """Regional office of the Ministry (Kantor Wilayah), one per province."""

    name = models.CharField(_("nama"), max_length=200)
    province = models.OneToOneField("regions.Province", verbose_name=_("provinsi"), on_delete=models.PROTECT)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("kanwil")
        verbose_name_plural = _("kanwil")
        ordering = ["province_id"]

    def __str__(self):
        return self.name


class Kanim(models.Model):
    """Immigration office (Kantor Imigrasi)."""

    name = models.CharField(_("nama"), max_length=200, unique=True)
    office_class = models.CharField(_("kelas"), max_length=60, help_text=_('Misalnya "Kelas I TPI".'))
    kanwil = models.ForeignKey(
        Kanwil, verbose_name=_("kanwil"), on_delete=models.PROTECT, related_name="kanims"
    )
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    head_name = models.CharField(_("nama kepala kantor"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("kantor imigrasi")
        verbose_name_plural = _("kantor imigrasi")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WorkingAreaAssignment(models.Model):
    """A regency in a Kanim's working area over a period. At most one open assignment per regency."""

    kanim = models.ForeignKey(
        Kanim, verbose_name=_("kantor imigrasi"), on_delete=models.PROTECT, related_name="area_assignments"
    )
    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    valid_from = models.DateField(_("berlaku sejak"))
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    basis = models.CharField(_("dasar penetapan"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("wilayah kerja")
        verbose_name_plural = _("wilayah kerja")
        ordering = ["regency_id", "-valid_from"]
        constraints = [
            # The database, not a form, keeps a regency in exactly one current working area.
            models.UniqueConstraint(
                fields=["regency"], condition=Q(valid_to__isnull=True), name="one_current_kanim_per_regency"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="working_area_period_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.regency_id} → {self.kanim}"


class PartnerAgency(models.Model):
    """An agency that receives referrals: labour office, BP3MI, police TPPO task force, social services."""

    class Kind(models.TextChoices):
        DISNAKER = "disnaker", _("Dinas Tenaga Kerja")
        BP3MI = "bp3mi", _("BP3MI / P4MI / LTSA")
        # Named as since 21 Jan 2026 (docs/rules.md §4): directorates/units PPA-PPO where formed.
        POLICE = "police", _("Kepolisian (Ditres/Satres PPA-PPO, atau Satreskrim bila belum dibentuk)")
        SOCIAL = "social", _("Dinas Sosial")
        UPTD_PPA = "uptd_ppa", _("UPTD PPA / DP3A (perlindungan perempuan dan anak)")
        LPSK = "lpsk", _("LPSK (perlindungan saksi dan korban)")
        KEMLU = "kemlu", _("KBRI/KJRI / Kemlu (Pelindungan WNI)")
        TASK_FORCE = "task_force", _("Gugus Tugas TPPO kabupaten/kota")
        DUKCAPIL = "dukcapil", _("Dinas Dukcapil")
        OTHER = "other", _("Lainnya")

    name = models.CharField(_("nama"), max_length=200, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    province = models.ForeignKey(
        "regions.Province", verbose_name=_("provinsi"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("instansi mitra")
        verbose_name_plural = _("instansi mitra")
        ordering = ["name"]

    def __str__(self):
        return self.name
