"""Accounts, their roles and organisational place, API tokens and failed-login tracking."""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("Administrator nasional")
    KANWIL = "kanwil", _("Staf Kanwil")
    OFFICER = "officer", _("Petugas Kantor Imigrasi")
    PIMPASA = "pimpasa", _("PIMPASA")
    LIAISON = "liaison", _("Perangkat desa / kader")
    PARTNER = "partner", _("Instansi mitra")


# Roles whose accounts must use two-factor authentication.
TWO_FACTOR_ROLES = frozenset({Role.NATIONAL_ADMIN, Role.KANWIL, Role.OFFICER, Role.PIMPASA})


class User(AbstractUser):
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, blank=True)
    kanwil = models.ForeignKey(
        "offices.Kanwil", verbose_name=_("kanwil"), null=True, blank=True, on_delete=models.PROTECT
    )
    kanim = models.ForeignKey(
        "offices.Kanim", verbose_name=_("kantor imigrasi"), null=True, blank=True, on_delete=models.PROTECT
    )
    village = models.ForeignKey(
        "regions.Village", verbose_name=_("desa/kelurahan"), null=True, blank=True, on_delete=models.PROTECT
    )
    agency = models.ForeignKey(
        "offices.PartnerAgency",
        verbose_name=_("instansi mitra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    # Demo accounts (seed_demo) may skip two-factor enrolment while DEMO_MODE is on; nowhere else.
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="kanwil") | Q(kanwil__isnull=False),
                name="kanwil_staff_has_kanwil",
                violation_error_message=_("Staf Kanwil harus memilih kanwil."),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=["officer", "pimpasa"]) | Q(kanim__isnull=False),
                name="officer_has_kanim",
                violation_error_message=_("Petugas dan PIMPASA harus memilih kantor imigrasi."),
            ),
            models.CheckConstraint(
                condition=~Q(role="liaison") | Q(village__isnull=False),
                name="liaison_has_village",
                violation_error_message=_("Perangkat desa / kader harus memilih desa/kelurahan."),
            ),
            models.CheckConstraint(
                condition=~Q(role="partner") | Q(agency__isnull=False),
                name="partner_has_agency",
                violation_error_message=_("Pengguna instansi mitra harus memilih instansi mitra."),
            ),
        ]

    @property
    def needs_two_factor(self) -> bool:
        return self.is_superuser or self.role in TWO_FACTOR_ROLES

    @property
    def is_office_staff(self) -> bool:
        return self.is_superuser or self.role in TWO_FACTOR_ROLES


def hash_token(raw: str) -> str:
    # Tokens are long random strings, so a fast unsalted hash is enough to make a leaked table useless.
    return hashlib.sha256(raw.encode()).hexdigest()


def password_marker(user) -> str:
    """A fingerprint of the user's current password hash: a token carries the one of its creation time.

    Every way of changing a password (reset, the admin, `changepassword`) gives a new salted hash, so a token whose
    marker no longer matches stops working without each path having to remember to revoke it.
    """
    return hashlib.sha256(user.password.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        User, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(
        _("awalan"), max_length=12, help_text=_("Untuk mengenali token tanpa membukanya.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    # Null only for rows the fill migration could not date; such a token is refused like an expired one.
    expires_at = models.DateTimeField(_("berlaku sampai"), null=True, blank=True)
    password_marker = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at is not None and self.expires_at > timezone.now()


class LoginFailure(models.Model):
    """One failed login (or one being checked); enough of them lock the username for that address, many more for all.

    `address` is an HMAC of the client address (core.ratelimit.client_key), never the address itself.
    """

    username = models.CharField(_("nama pengguna"), max_length=150, db_index=True)
    address = models.CharField(_("alamat (HMAC)"), max_length=64, blank=True, db_index=True)
    at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("kegagalan masuk")
        verbose_name_plural = _("kegagalan masuk")

    def __str__(self):
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"


class RateCounter(models.Model):
    """Password reset requests counted per key (an HMAC of the client address or of the e-mail) in fixed windows.

    Shaped for core.ratelimit.count_hit; rows of past windows are deleted when a new window starts.
    """

    key = models.CharField(max_length=100)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penghitung permintaan")
        verbose_name_plural = _("penghitung permintaan")
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="unique_accounts_rate_counter")
        ]

    def __str__(self):
        return f"{self.key} {self.window_start:%H:%M} {self.count}"
