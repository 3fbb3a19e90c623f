"""Configuration mistakes caught by system checks, not at request time."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_personal_data_keys(app_configs, **kwargs):
    problems = []
    if not settings.NIK_ENCRYPTION_KEYS:
        problems.append(
            Error(
                "NIK_ENCRYPTION_KEYS is not set: NIKs cannot be stored encrypted.",
                hint="Set NIK_ENCRYPTION_KEYS to one or more Fernet keys (newest first).",
                id="desabinaan.E001",
            )
        )
    if not settings.NIK_HASH_KEY or len(settings.NIK_HASH_KEY) < 32:
        problems.append(
            Error(
                "NIK_HASH_KEY is missing or shorter than 32 characters.",
                id="desabinaan.E002",
            )
        )
    if settings.DEMO_MODE and not settings.DEBUG:
        problems.append(
            Warning(
                "DEMO_MODE is on with DEBUG off: demo accounts are listed on the login page.",
                id="desabinaan.W001",
            )
        )
    return problems


@register(Tags.security)
def check_keys_present(app_configs, **kwargs):
    if settings.NIK_ENCRYPTION_KEYS and settings.NIK_HASH_KEY:
        return []
    return [
        Error(
            "NIK_ENCRYPTION_KEYS and NIK_HASH_KEY must be set (make writes development keys to var/.env).",
            id="desabinaan.E003",
        )
    ]
