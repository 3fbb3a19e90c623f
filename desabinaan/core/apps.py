from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "desabinaan.core"
    label = "core"

    def ready(self):
        from . import cache, checks  # noqa: F401  (registers the system checks)

        cache.connect()
