from django.apps import AppConfig

from desabinaan.core.views import health_check_add


class PeopleConfig(AppConfig):
    name = "desabinaan.people"
    label = "people"

    def ready(self):
        from .selectors import nik_keys_state

        health_check_add("nik_keys", nik_keys_state)
