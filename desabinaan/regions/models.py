"""Kemendagri administrative regions (Kepmendagri 300.2.2-2138/2025), keyed by their dotted codes.

Codes are the primary keys: "17" province, "17.08" regency/city, "17.08.04" district, "17.08.04.2002" village.
BPS statistical codes are a different system and never appear here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120)
    # Folded name (and parents' names for villages) for case- and accent-insensitive search; see lib.text.fold.
    search_text = models.CharField(max_length=300, editable=False, db_index=False)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Province(Region):
    class Meta(Region.Meta):
        verbose_name = _("provinsi")
        verbose_name_plural = _("provinsi")


class Regency(Region):
    province = models.ForeignKey(Province, verbose_name=_("provinsi"), on_delete=models.PROTECT)

    class Meta(Region.Meta):
        verbose_name = _("kabupaten/kota")
        verbose_name_plural = _("kabupaten/kota")

    @property
    def is_city(self) -> bool:
        # Cities are numbered from 71 within a province.
        return int(self.code[3:5]) >= 71


class District(Region):
    regency = models.ForeignKey(Regency, verbose_name=_("kabupaten/kota"), on_delete=models.PROTECT)

    class Meta(Region.Meta):
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")


class Village(Region):
    class Kind(models.TextChoices):
        DESA = "desa", _("desa")
        KELURAHAN = "kelurahan", _("kelurahan")

    district = models.ForeignKey(District, verbose_name=_("kecamatan"), on_delete=models.PROTECT)
    # Denormalised from the code so jurisdiction filters need one join, not three. Set only by the importer.
    regency = models.ForeignKey(
        Regency, verbose_name=_("kabupaten/kota"), on_delete=models.PROTECT, editable=False
    )
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True)

    class Meta(Region.Meta):
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")

    @property
    def kind(self) -> str:
        """A village code whose fourth part starts with 1 is a kelurahan, with 2 a desa."""
        return self.Kind.KELURAHAN if self.code[9] == "1" else self.Kind.DESA

    def get_kind_display(self) -> str:
        return self.Kind(self.kind).label


class RegionImport(models.Model):
    """Which source and version the region tables came from, and what each import run changed."""

    at = models.DateTimeField(_("waktu"), auto_now_add=True)
    source = models.CharField(_("sumber"), max_length=100)
    version = models.CharField(_("versi"), max_length=40)
    legal_basis = models.CharField(_("dasar hukum"), max_length=120)
    # "national", or the comma-separated code prefixes of a partial import.
    scope = models.CharField(_("cakupan"), max_length=300, default="national")
    # SHA-256 of the source files: a re-run with the same digest and scope is a no-op without reading a row.
    source_digest = models.CharField(_("sidik sumber"), max_length=64, blank=True, editable=False)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("impor wilayah")
        verbose_name_plural = _("impor wilayah")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.source} {self.version} @ {self.at:%Y-%m-%d %H:%M}"
