from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "desabinaan.events"
    verbose_name = "Sosialisasi"

    def ready(self):
        from desabinaan.program.evaluation import system_source_add

        from .selectors import (
            quarter_cases_referred,
            quarter_knowledge_gain,
            quarter_postponed_missing_documents,
            quarter_postponed_trafficking_concern,
        )

        # Program's quarterly evaluation counts the quiz knowledge gain and the cases detected and referred; program
        # sits below events (and protection), so events adds them.
        system_source_add("peningkatan_pengetahuan", quarter_knowledge_gain)
        system_source_add("kasus_terdeteksi_dirujuk", quarter_cases_referred)
        system_source_add("penundaan_dokumen", quarter_postponed_missing_documents)
        system_source_add("penundaan_indikasi_tppo", quarter_postponed_trafficking_concern)
