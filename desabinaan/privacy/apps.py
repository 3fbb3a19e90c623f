from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from desabinaan.core.guards import person_use_guard_add


class PrivacyConfig(AppConfig):
    name = "desabinaan.privacy"
    verbose_name = _("Pelindungan data pribadi")

    def ready(self):
        from . import selectors

        # A restricted person (UU PDP Art. 41) is not used for new screenings or readiness checks.
        person_use_guard_add(selectors.restriction_reason)
