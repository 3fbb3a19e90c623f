from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "desabinaan.protection"
    label = "protection"
