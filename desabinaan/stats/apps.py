from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "desabinaan.stats"
    verbose_name = "Statistik dan laporan"

    def ready(self):
        from desabinaan.core.signals import record_written, records_written

        from . import live

        # Every audited write of a counted record marks its village for the live refresh (stats.live).
        record_written.connect(live.on_record_written, dispatch_uid="stats-live")
        records_written.connect(live.on_records_written, dispatch_uid="stats-live-bulk")
