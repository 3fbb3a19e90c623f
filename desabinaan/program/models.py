"""Fostered villages (desa binaan) and the PIMPASA assigned to them.

The foundation holds only what jurisdiction and the demo need; the program lifecycle (proposal, SK, evaluation)
extends these models.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DesaBinaan(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("diusulkan")
        DESIGNATED = "designated", _("ditetapkan")
        ACTIVE = "active", _("aktif")
        SUSPENDED = "suspended", _("ditangguhkan")
        GRADUATED = "graduated", _("mandiri (lulus)")

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

    class Meta:
        verbose_name = _("desa binaan")
        verbose_name_plural = _("desa binaan")
        ordering = ["village_id"]

    def __str__(self):
        return str(self.village)


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

    class Meta:
        verbose_name = _("penugasan PIMPASA")
        verbose_name_plural = _("penugasan PIMPASA")
        constraints = [
            models.UniqueConstraint(
                fields=["desa_binaan", "officer"],
                condition=Q(valid_to__isnull=True),
                name="one_open_pimpasa_assignment",
            )
        ]

    def __str__(self):
        return f"{self.officer} → {self.desa_binaan}"
