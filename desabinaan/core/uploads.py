"""Checks on uploaded files shared by every app that accepts them (program, events, protection).

What a file is comes from its first bytes, never from its name or the browser's claim. Each app keeps its own
size setting and whatever it does after the check (protection re-encodes images; events also takes Office files).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
FILE_TOO_LARGE = _("Berkas terlalu besar: maksimum %(mb)s MB.")
PDF_INVALID = _("Berkas harus berupa PDF.")
ATTACHMENT_TYPE_INVALID = _("Lampiran harus berupa gambar (JPEG, PNG, WebP) atau PDF.")

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"

# Magic bytes → content type served back. WebP is a RIFF container, checked apart below.
_SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
]


def read_head(upload, n: int = 16) -> bytes:
    """The first `n` bytes, leaving the file at its start for whoever saves it next."""
    upload.seek(0)
    head = upload.read(n)
    upload.seek(0)
    return head


def sniff(head: bytes) -> str | None:
    """The content type of a PDF, JPEG, PNG or WebP from its first bytes; None for anything else."""
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def sniff_upload(upload) -> str | None:
    return sniff(read_head(upload))


def check_size(upload, max_bytes: int) -> None:
    if upload.size > max_bytes:
        raise ValidationError(FILE_TOO_LARGE, code="too_large", params={"mb": max_bytes // MB})


def check_pdf(upload, *, max_bytes: int) -> None:
    check_size(upload, max_bytes)
    if sniff_upload(upload) != PDF:
        raise ValidationError(PDF_INVALID, code="not_pdf")


def check_attachment(upload, *, max_bytes: int) -> str:
    """The sniffed content type of an image (JPEG, PNG, WebP) or PDF; ValidationError otherwise."""
    check_size(upload, max_bytes)
    content_type = sniff_upload(upload)
    if content_type is None:
        raise ValidationError(ATTACHMENT_TYPE_INVALID, code="bad_type")
    return content_type
