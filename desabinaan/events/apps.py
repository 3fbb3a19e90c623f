from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "desabinaan.events"
    verbose_name = "Sosialisasi"

    def ready(self):
        # Registers the background-job handlers (attendance import).
        from . import jobs  # noqa: F401
