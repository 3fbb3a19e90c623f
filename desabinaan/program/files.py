"""Checks on the program's uploads: the signed SK (PDF only) and village-work attachments (images or PDF).

The checks themselves are shared (desabinaan.core.uploads); the program owns only its size settings.
"""

from django.conf import settings

from desabinaan.core import uploads
from desabinaan.core.uploads import ATTACHMENT_TYPE_INVALID, FILE_TOO_LARGE, MB, PDF_INVALID

__all__ = ["ATTACHMENT_TYPE_INVALID", "FILE_TOO_LARGE", "PDF_INVALID", "validate_attachment", "validate_pdf"]


def sk_max_bytes() -> int:
    return getattr(settings, "PROGRAM_SK_MAX_BYTES", 10 * MB)


def attachment_max_bytes() -> int:
    return getattr(settings, "PROGRAM_ATTACHMENT_MAX_BYTES", 10 * MB)


def validate_pdf(upload) -> None:
    uploads.check_pdf(upload, max_bytes=sk_max_bytes())


def validate_attachment(upload) -> str:
    """The sniffed content type of an acceptable attachment; ValidationError otherwise."""
    return uploads.check_attachment(upload, max_bytes=attachment_max_bytes())
