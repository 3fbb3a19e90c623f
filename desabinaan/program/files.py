"""Checks on uploaded files: what a file is comes from its first bytes, never from its name or browser's claim."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
PDF_INVALID = _("Berkas harus berupa PDF.")
ATTACHMENT_TYPE_INVALID = _("Lampiran harus berupa gambar (JPEG, PNG, WebP) atau PDF.")
FILE_TOO_LARGE = _("Berkas terlalu besar: maksimum %(mb)s MB.")

# Magic bytes → content type served back.
_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def sk_max_bytes() -> int:
    return getattr(settings, "PROGRAM_SK_MAX_BYTES", 10 * MB)


def attachment_max_bytes() -> int:
    return getattr(settings, "PROGRAM_ATTACHMENT_MAX_BYTES", 10 * MB)


def _head(upload, n: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(n)
    upload.seek(0)
    return head


def sniff_type(upload) -> str | None:
    head = _head(upload)
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _check_size(upload, limit: int) -> None:
    if upload.size > limit:
        raise ValidationError(FILE_TOO_LARGE, code="too_large", params={"mb": limit // MB})


def validate_pdf(upload) -> None:
    _check_size(upload, sk_max_bytes())
    if sniff_type(upload) != "application/pdf":
        raise ValidationError(PDF_INVALID, code="not_pdf")


def validate_attachment(upload) -> str:
    """The sniffed content type of an acceptable attachment; ValidationError otherwise."""
    _check_size(upload, attachment_max_bytes())
    content_type = sniff_type(upload)
    if content_type is None:
        raise ValidationError(ATTACHMENT_TYPE_INVALID, code="bad_type")
    return content_type
