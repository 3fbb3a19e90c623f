from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "desabinaan.program"
    label = "program"
