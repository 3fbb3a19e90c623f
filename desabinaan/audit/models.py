"""The audit trail (who changed what) and the access log (who read whose personal record)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("dibuat")
        UPDATE = "update", _("diubah")
        DELETE = "delete", _("dihapus")
        MERGE = "merge", _("digabung")
        OTHER = "other", _("lainnya")

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pelaku"), null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    # "app_label.model", e.g. "people.person"; the object id as text so any key type fits.
    target_type = models.CharField(_("jenis data"), max_length=100)
    target_id = models.CharField(_("id data"), max_length=64)
    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)
    # {"field": [old, new]}; personal identifiers are never written here, only that they changed.
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)

    class Meta:
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.target_type}#{self.target_id}"


class AccessEntry(models.Model):
    """One read of a personal record (UU PDP Art. 31 processing log; Art. 32 lets the subject see it)."""

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pembaca"), null=True, blank=True, on_delete=models.SET_NULL
    )
    person = models.ForeignKey("people.Person", verbose_name=_("orang"), on_delete=models.CASCADE)
    channel = models.CharField(_("saluran"), max_length=10, default="web")  # web | api | admin
    purpose = models.CharField(_("keperluan"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("log akses data pribadi")
        verbose_name_plural = _("log akses data pribadi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["person", "-at"], name="access_person_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} → {self.person_id}"
