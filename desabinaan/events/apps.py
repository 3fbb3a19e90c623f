from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "desabinaan.events"
    verbose_name = "Sosialisasi"
