"""Checks on uploaded files shared by every app that accepts them (program, events, protection).

What a file is comes from its first bytes, never from its name or the browser's claim. Each app keeps its own
size setting and whatever it does after the check (protection re-encodes images; events also takes Office files).

Sizes are bounded twice. `SizeLimitedUploadHandler` (first in FILE_UPLOAD_HANDLERS) counts every file while the
request body streams in and stops passing it on past `UPLOAD_MAX_BYTES`, so an oversized file is never written out
in full; the form (`LimitedFileField`, or the app's own `check_size`) then refuses it with its own, lower limit,
before anything reaches storage.
"""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
DEFAULT_UPLOAD_MAX_BYTES = 20 * MB
FILE_TOO_LARGE = _("Berkas terlalu besar: maksimum %(mb)s MB.")
FILE_LIMIT_HELP = _("Ukuran maksimum %(mb)s MB.")
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
    if upload.size > max_bytes or isinstance(upload, OversizedUpload):
        limit = min(max_bytes, upload_max_bytes())
        raise ValidationError(FILE_TOO_LARGE, code="too_large", params={"mb": limit // MB})


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


def upload_max_bytes() -> int:
    """The ceiling for any one uploaded file, whatever the form (settings.UPLOAD_MAX_BYTES)."""
    return getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES)


class OversizedUpload(UploadedFile):
    """Stands in for a file cut off past the ceiling: its `size` is what arrived, its content is empty."""

    def __init__(self, *, name, content_type, size, charset, content_type_extra):
        super().__init__(io.BytesIO(), name, content_type, size, charset, content_type_extra)

    def read(self, *args, **kwargs):
        # Whoever forgot the size check reads nothing rather than a truncated file.
        raise ValidationError(FILE_TOO_LARGE, code="too_large", params={"mb": upload_max_bytes() // MB})


class SizeLimitedUploadHandler(FileUploadHandler):
    """Counts each file as it arrives; past the ceiling the rest is swallowed instead of reaching the temporary file.

    The file then arrives as an `OversizedUpload` whose size is over every limit, so `check_size` refuses it.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.oversized = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > upload_max_bytes():
            self.oversized = True
            return None  # later handlers (memory, temporary file) never see this chunk or the rest
        return raw_data

    def file_complete(self, file_size):
        if not self.oversized:
            return None  # the next handler hands over the file
        return OversizedUpload(
            name=self.file_name,
            content_type=self.content_type,
            size=self.received,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


class LimitedFileField(forms.FileField):
    """A FileField refusing files over `max_bytes`, with the limit stated in its help text."""

    def __init__(self, *, max_bytes: int, **kwargs):
        self.max_bytes = max_bytes
        kwargs.setdefault("help_text", FILE_LIMIT_HELP % {"mb": max_bytes // MB})
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and hasattr(upload, "size"):
            check_size(upload, self.max_bytes)
        return upload
