from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "desabinaan.events"
    verbose_name = "Sosialisasi"

    def ready(self):
        from desabinaan.program.evaluation import system_source_add

        from .selectors import quarter_knowledge_gain

        # Program's quarterly evaluation counts the quiz knowledge gain; program sits below events, so events adds it.
        system_source_add("peningkatan_pengetahuan", quarter_knowledge_gain)
