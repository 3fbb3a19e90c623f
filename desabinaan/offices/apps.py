from django.apps import AppConfig


class OfficesConfig(AppConfig):
    name = "desabinaan.offices"
    label = "offices"
