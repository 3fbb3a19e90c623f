"""What the protection services share: the refusal messages and the permission guard."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

NOT_ALLOWED = _("Anda tidak berwenang melakukan tindakan ini.")
OUT_OF_SCOPE = _("Pemohon ini di luar wilayah kerja Anda.")


def require(allowed: bool, message=NOT_ALLOWED) -> None:
    if not allowed:
        raise PermissionDenied(message)
