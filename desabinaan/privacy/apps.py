from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from desabinaan.core.guards import person_set_guard_add, person_use_guard_add


class PrivacyConfig(AppConfig):
    name = "desabinaan.privacy"
    verbose_name = _("Pelindungan data pribadi")

    def ready(self):
        from . import selectors

        # A restricted person (UU PDP Art. 41) is not used for new screenings, readiness checks, attendances or
        # referrals; pages show the "Pemrosesan dibatasi" badge through core's person_flags tags.
        person_use_guard_add(selectors.restriction_reason)
        person_set_guard_add(selectors.restriction_reasons)
