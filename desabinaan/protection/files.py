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

from desabinaan.core import uploads
from desabinaan.core.uploads import FILE_TOO_LARGE, MB

__all__ = ["FILE_TOO_LARGE", "FILE_TYPE_INVALID", "TOO_MANY_FILES", "clean_upload", "max_bytes", "max_files"]

FILE_TYPE_INVALID = uploads.ATTACHMENT_TYPE_INVALID
TOO_MANY_FILES = _("Paling banyak %(n)s lampiran.")
IMAGE_UNREADABLE = _("Gambar tidak dapat dibaca.")

# Refuse decompression bombs well before Pillow's own (warning-only) limit.
MAX_PIXELS = 40_000_000


def max_bytes() -> int:
    return getattr(settings, "PROTECTION_UPLOAD_MAX_BYTES", 5 * MB)


def max_files() -> int:
    return getattr(settings, "PROTECTION_UPLOAD_MAX_FILES", 3)


def _reencode(data: bytes, content_type: str) -> tuple[bytes, str]:
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_PIXELS:
                raise ValidationError(IMAGE_UNREADABLE, code="too_many_pixels")
            img.load()
            img = ImageOps.exif_transpose(img)  # keep the picture upright once the orientation tag is gone
            has_alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
            jpeg = content_type == uploads.JPEG
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
        return out.getvalue(), uploads.JPEG
    clean.save(out, "PNG", optimize=True)
    return out.getvalue(), uploads.PNG


def clean_upload(upload) -> tuple[ContentFile, str]:
    """A checked, metadata-free copy of the upload and its content type; ValidationError otherwise."""
    content_type = uploads.check_attachment(upload, max_bytes=max_bytes())
    upload.seek(0)
    data = upload.read()
    if content_type != uploads.PDF:
        data, content_type = _reencode(data, content_type)
    return ContentFile(data), content_type
