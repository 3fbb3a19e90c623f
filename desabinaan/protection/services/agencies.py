"""The licensed-agency (P3MI) registry: importing the published list."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from lib.fuzzy import normalize_agency_name

from ..models import LicensedAgency
from .common import require

AGENCY_CSV_COLUMNS = ["name", "licence_number", "licence_date", "valid_until", "address", "status"]
# Spellings of the status column seen in published lists → our status.
_STATUS_WORDS = {
    "licensed": "licensed",
    "berizin": "licensed",
    "aktif": "licensed",
    "berlaku": "licensed",
    "expired": "expired",
    "kedaluwarsa": "expired",
    "kadaluarsa": "expired",
    "habis": "expired",
    "revoked": "revoked",
    "dicabut": "revoked",
    "cabut": "revoked",
}
CSV_MISSING_COLUMNS = _("Kolom wajib tidak ada: %(columns)s.")
ROW_NAME_REQUIRED = _("nama kosong")
ROW_LICENCE_REQUIRED = _("nomor izin kosong")
ROW_BAD_DATE = _("tanggal tidak valid: %(value)s (pakai TTTT-BB-HH atau HH/BB/TTTT)")
ROW_BAD_STATUS = _("status tidak dikenal: %(value)s")
ROW_DUPLICATE = _("nomor izin sudah muncul di baris %(row)s")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def agency_csv_template() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(AGENCY_CSV_COLUMNS)
    writer.writerow(
        [
            "PT Contoh Sintetis Sejahtera",
            "KEP.000/SINTETIS/2024",
            "2024-01-15",
            "2029-01-15",
            "Jl. Contoh No. 1, Jakarta",
            "licensed",
        ]
    )
    return out.getvalue()


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


@transaction.atomic
def agencies_import(*, actor, text: str) -> ImportResult:
    """Import the published P3MI list. Idempotent by licence number; every rejected row reported with its line."""
    require(is_registry_admin(actor))
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in ("name", "licence_number", "status") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(CSV_MISSING_COLUMNS, params={"columns": ", ".join(missing)})
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        name = (row.get("name") or "").strip()
        number = (row.get("licence_number") or "").strip()
        status_word = (row.get("status") or "").strip().lower()
        if not name:
            result.rejected.append((line, str(ROW_NAME_REQUIRED)))
            continue
        if not number:
            result.rejected.append((line, str(ROW_LICENCE_REQUIRED)))
            continue
        if number.upper() in seen:
            result.rejected.append((line, str(ROW_DUPLICATE % {"row": seen[number.upper()]})))
            continue
        if status_word not in _STATUS_WORDS:
            result.rejected.append((line, str(ROW_BAD_STATUS % {"value": status_word or "—"})))
            continue
        try:
            licence_date = _parse_date(row.get("licence_date") or "")
            valid_until = _parse_date(row.get("valid_until") or "")
        except ValueError as exc:
            result.rejected.append((line, str(ROW_BAD_DATE % {"value": exc.args[0]})))
            continue
        seen[number.upper()] = line
        values = {
            "name": name[:250],
            "name_normalized": normalize_agency_name(name)[:250],
            "licence_date": licence_date,
            "valid_until": valid_until,
            "address": (row.get("address") or "").strip()[:400],
            "status": _STATUS_WORDS[status_word],
        }
        existing = LicensedAgency.objects.filter(licence_number=number).first()
        if existing is None:
            agency = LicensedAgency(licence_number=number, **values)
            agency.full_clean()
            agency.save()
            audit_created(actor=actor, target=agency, summary="impor daftar P3MI")
            result.created += 1
        elif any(getattr(existing, k) != v for k, v in values.items()):
            before = snapshot(existing, values.keys())
            for k, v in values.items():
                setattr(existing, k, v)
            existing.full_clean()
            existing.save()
            audit_record(
                actor=actor,
                action="update",
                target=existing,
                changes=diff(before, snapshot(existing, values.keys())),
                summary="impor daftar P3MI",
            )
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def is_registry_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user.role == Role.NATIONAL_ADMIN
    )
