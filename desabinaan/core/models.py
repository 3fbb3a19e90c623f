"""Core's one table: generation counters the caches key on (desabinaan.core.cache)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """A counter bumped by every save or delete of the models a cached page depends on (core.cache.WATCHED)."""

    name = models.CharField(_("nama"), max_length=40, primary_key=True)
    value = models.PositiveBigIntegerField(_("generasi"), default=0)

    class Meta:
        verbose_name = _("generasi cache")
        verbose_name_plural = _("generasi cache")

    def __str__(self):
        return f"{self.name}: {self.value}"
