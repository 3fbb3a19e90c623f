"""Anonymous reports: receiving them (no request, nothing about the sender's connection), the reporter's additions,
and the office's replies and triage."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from lib.phones import normalize_phone

from .. import selectors
from ..files import TOO_MANY_FILES, clean_upload, max_files
from ..models import Report, ReportAttachment, ReportInvolved, ReportMessage
from .common import OUT_OF_SCOPE, require

DESCRIPTION_REQUIRED = _("Ceritakan apa yang terjadi.")
MESSAGE_REQUIRED = _("Pesan tidak boleh kosong.")
PLACE_MISMATCH = _("Desa, kabupaten/kota dan provinsi yang dipilih tidak saling cocok.")
OWNER_REQUIRED = _("Pilih kantor imigrasi yang menangani laporan ini.")
OWNER_NOT_ALLOWED = _("Anda tidak dapat menugaskan laporan ke kantor imigrasi ini.")

# Receipt codes and passphrases avoid letters people confuse (0/O, 1/I/L) when copying them onto paper.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _code(n: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(n))


def _new_receipt_code() -> str:
    while True:
        code = f"LPR-{_code(4)}-{_code(4)}"
        if not Report.objects.filter(receipt_code=code).exists():
            return code


def _new_passphrase() -> str:
    # Five groups of four: about 123 bits, written on paper as "abcd-efgh-…".
    return "-".join(_code(4).lower() for _ in range(5))


def _attach(report: Report, files: Iterable) -> None:
    files = list(files or [])
    if len(files) > max_files():
        raise ValidationError({"files": ValidationError(TOO_MANY_FILES, params={"n": max_files()})})
    for upload in files:
        content, content_type = clean_upload(upload)
        attachment = ReportAttachment(report=report, content_type=content_type, size=content.size)
        attachment.file.save("upload", content, save=False)
        attachment.save()


def _place(*, village, regency, province):
    """The regency and province of the most precise place given; parents given too must agree with it."""
    if village is not None:
        regency = _parent(regency, village.regency)
    if regency is not None:
        province = _parent(province, regency.province)
    return regency, province


def _parent(given, derived):
    if given is not None and given.pk != derived.pk:
        raise ValidationError(PLACE_MISMATCH, code="place_mismatch")
    return derived


@dataclass
class Submitted:
    report: Report
    passphrase: str = field(repr=False)


@transaction.atomic
def report_submit(
    *,
    category: str,
    description: str,
    village=None,
    regency=None,
    province=None,
    occurred_on: dt.date | None = None,
    involved: Iterable[Mapping[str, str]] = (),
    files: Iterable = (),
    agency_name: str = "",
    callback_contact: str = "",
) -> Submitted:
    """Receive an anonymous report. Takes no request: nothing about the sender's connection can be stored.

    The place is optional and as precise as the reporter can give it (a village, or only a regency or a province).
    Routing: a village or a regency goes to the Kanim serving that regency; a province only, no place, or a regency
    no Kanim serves yet stays unowned, in the triage queue (see report_assign).
    """
    if not description.strip():
        raise ValidationError({"description": DESCRIPTION_REQUIRED})
    regency, province = _place(village=village, regency=regency, province=province)
    passphrase = _new_passphrase()
    agency, agency_check = selectors.agency_link(agency_name)
    report = Report(
        receipt_code=_new_receipt_code(),
        passphrase_hash=make_password(passphrase),
        category=category,
        description=description.strip(),
        village=village,
        regency=regency,
        province=province,
        kanim=selectors.report_owner_for(regency),
        occurred_on=occurred_on,
        agency_name=agency_name.strip(),
        agency=agency,
        agency_check=agency_check,
        callback_contact=callback_contact.strip(),
    )
    report.full_clean()
    report.save()
    _coarsen(report)
    rows = []
    for row in involved or ():
        name, phone, account = (
            (row.get("name") or "").strip(),
            (row.get("phone") or "").strip(),
            (row.get("account") or "").strip(),
        )
        if name or phone or account:
            rows.append(
                ReportInvolved(
                    report=report,
                    name=name[:150],
                    phone=phone[:30],
                    phone_normalized=normalize_phone(phone),
                    account=account[:150],
                )
            )
    ReportInvolved.objects.bulk_create(rows)
    _attach(report, files)
    entry = audit_record(actor=None, action="create", target=report, summary=f"laporan {category}")
    # The trail of an anonymous write is no finer than the record itself.
    AuditEntry.objects.filter(pk=entry.pk).update(at=report.created_at)
    return Submitted(report=report, passphrase=passphrase)


def received_hour() -> dt.datetime:
    """Now, to the hour: what the reporter does is stored no finer, so it cannot be matched to a server log line."""
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def _coarsen(report: Report) -> None:
    # The fields are auto_now(_add), which overrides any value given to save(); an update after it does not.
    hour = received_hour()
    Report.objects.filter(pk=report.pk).update(created_at=hour, updated_at=hour)
    report.created_at = report.updated_at = hour


@transaction.atomic
def report_add_information(*, report: Report, body: str, files: Iterable = ()) -> ReportMessage:
    """The anonymous reporter adds to their report (after report_authenticate)."""
    if not body.strip():
        raise ValidationError({"body": MESSAGE_REQUIRED})
    message = ReportMessage(report=report, author_kind=ReportMessage.Author.REPORTER, body=body.strip())
    message.full_clean()
    message.save()
    hour = received_hour()
    ReportMessage.objects.filter(pk=message.pk).update(created_at=hour)
    message.created_at = hour
    _attach(report, files)
    Report.objects.filter(pk=report.pk).update(updated_at=hour)
    entry = audit_record(actor=None, action="create", target=message, summary="informasi tambahan pelapor")
    AuditEntry.objects.filter(pk=entry.pk).update(at=hour)
    return message


@transaction.atomic
def report_reply(*, actor, report: Report, body: str) -> ReportMessage:
    require(selectors.can_screen(actor) and selectors.report_visible(actor, report))
    if not body.strip():
        raise ValidationError({"body": MESSAGE_REQUIRED})
    message = ReportMessage(
        report=report, author_kind=ReportMessage.Author.OFFICER, author=actor, body=body.strip()
    )
    message.full_clean()
    message.save()
    if report.status == Report.Status.NEW:
        Report.objects.filter(pk=report.pk).update(status=Report.Status.TRIAGED)
    audit_created(actor=actor, target=message, summary="balasan kepada pelapor")
    return message


@transaction.atomic
def report_triage(*, actor, report: Report, category: str, priority: str, status: str) -> Report:
    require(selectors.can_screen(actor) and selectors.report_visible(actor, report))
    before = snapshot(report, ["category", "priority", "status"])
    report.category, report.priority, report.status = category, priority, status
    report.full_clean()
    report.save(update_fields=["category", "priority", "status", "updated_at"])
    audit_record(
        actor=actor, action="update", target=report, changes=diff(before, snapshot(report, before.keys()))
    )
    return report


@transaction.atomic
def report_assign(*, actor, report: Report, kanim) -> Report:
    """Triage gives a report to an office: national administrators any Kanim, a Kanwil one of its province's.

    Used for the triage queue (no owner yet) and to correct a misrouted report; the change is audited.
    """
    require(selectors.can_assign_reports(actor))
    if not selectors.report_visible(actor, report):
        raise PermissionDenied(OUT_OF_SCOPE)
    if kanim is None:
        raise ValidationError({"kanim": OWNER_REQUIRED})
    if not scope_for(actor).is_national and kanim.pk not in scope_for(actor).kanim_ids:
        raise PermissionDenied(OWNER_NOT_ALLOWED)
    before = snapshot(report, ["kanim_id"])
    report.kanim = kanim
    report.full_clean()
    report.save(update_fields=["kanim", "updated_at"])
    audit_record(
        actor=actor,
        action="update",
        target=report,
        changes=diff(before, snapshot(report, ["kanim_id"])),
        summary=f"laporan ditugaskan ke {kanim}",
    )
    return report
