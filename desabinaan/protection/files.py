"""Checks and cleaning of files attached to public reports.

The type comes from the first bytes, never from the name or the browser's claim. Images are decoded and
re-encoded with Pillow from their pixels alone, so EXIF (GPS position, camera serial), XMP and PNG text chunks
cannot survive; PDFs are accepted as they are (no PDF rewriting library is a dependency — noted in DPIA.md).
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MB = 1024 * 1024
FILE_TYPE_INVALID = _("Lampiran harus berupa gambar (JPEG, PNG, WebP) atau PDF.")
FILE_TOO_LARGE = _("Berkas terlalu besar: maksimum %(mb)s MB.")
TOO_MANY_FILES = _("Paling banyak %(n)s lampiran.")
IMAGE_UNREADABLE = _("Gambar tidak dapat dibaca.")

# Refuse decompression bombs well before Pillow's own (warning-only) limit.
MAX_PIXELS = 40_000_000


def max_bytes() -> int:
    return getattr(settings, "PROTECTION_UPLOAD_MAX_BYTES", 5 * MB)


def max_files() -> int:
    return getattr(settings, "PROTECTION_UPLOAD_MAX_FILES", 3)


def sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _reencode(data: bytes, content_type: str) -> tuple[bytes, str]:
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_PIXELS:
                raise ValidationError(IMAGE_UNREADABLE, code="too_many_pixels")
            img.load()
            img = ImageOps.exif_transpose(img)  # keep the picture upright once the orientation tag is gone
            has_alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
            jpeg = content_type == "image/jpeg"
            mode = "RGB" if jpeg or not has_alpha else "RGBA"
            img = img.convert(mode)
            # A new image from the raw pixels carries no info dictionary at all: nothing to leak.
            clean = Image.frombytes(mode, img.size, img.tobytes())
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many types for a corrupt or hostile file
        raise ValidationError(IMAGE_UNREADABLE, code="bad_image") from exc
    out = io.BytesIO()
    if jpeg:
        clean.save(out, "JPEG", quality=88)
        return out.getvalue(), "image/jpeg"
    clean.save(out, "PNG", optimize=True)
    return out.getvalue(), "image/png"


def clean_upload(upload) -> tuple[ContentFile, str]:
    """A checked, metadata-free copy of the upload and its content type; ValidationError otherwise."""
    if upload.size > max_bytes():
        raise ValidationError(FILE_TOO_LARGE, code="too_large", params={"mb": max_bytes() // MB})
    upload.seek(0)
    data = upload.read()
    content_type = sniff(data[:16])
    if content_type is None:
        raise ValidationError(FILE_TYPE_INVALID, code="bad_type")
    if content_type != "application/pdf":
        data, content_type = _reencode(data, content_type)
    return ContentFile(data), content_type
