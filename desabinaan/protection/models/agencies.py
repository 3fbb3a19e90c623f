"""The licensed-agency (P3MI) registry: the public check and the screening read it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
