from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "desabinaan.stats"
    verbose_name = "Statistik dan laporan"

    def ready(self):
        # Registers the background-job handlers (rollup refresh, official reports).
        from . import jobs  # noqa: F401
