from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "desabinaan.audit"
    label = "audit"
