"""Checks on the program's uploads: the signed SK (PDF only) and village-work attachments (images or PDF).

The checks themselves are shared (desabinaan.core.uploads); the program owns only its size settings.
"""

from django.conf import settings
from django.http import Http404

from desabinaan.core import uploads
from desabinaan.core.uploads import ATTACHMENT_TYPE_INVALID, FILE_TOO_LARGE, MB, PDF_INVALID

__all__ = [
    "ATTACHMENT_TYPE_INVALID",
    "FILE_TOO_LARGE",
    "PDF_INVALID",
    "stored_file_open",
    "validate_attachment",
    "validate_pdf",
]


def sk_max_bytes() -> int:
    return getattr(settings, "PROGRAM_SK_MAX_BYTES", 10 * MB)


def attachment_max_bytes() -> int:
    return getattr(settings, "PROGRAM_ATTACHMENT_MAX_BYTES", 10 * MB)


def validate_pdf(upload) -> None:
    uploads.check_pdf(upload, max_bytes=sk_max_bytes())


def validate_attachment(upload) -> str:
    """The sniffed content type of an acceptable attachment; ValidationError otherwise."""
    return uploads.check_attachment(upload, max_bytes=attachment_max_bytes())


def stored_file_open(field):
    """The stored upload opened for reading, or 404 when it is gone.

    A database restored without its var/media still points at the files: the page says "not found", not 500
    (events serves its files through this too).
    """
    if not field:
        raise Http404
    try:
        return field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
