"""Writes of the protection app. Pages, the API and the import command call these; each is atomic, validated
and audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role
from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record, audit_created, audit_record, diff, snapshot
from desabinaan.offices.selectors import kanims_serving_village
from lib import advisory
from lib.fuzzy import normalize_agency_name
from lib.phones import normalize_phone

from . import selectors
from .files import TOO_MANY_FILES, clean_upload, max_files
from .models import (
    Answer,
    Decision,
    IndicatorSet,
    LicensedAgency,
    Referral,
    Report,
    ReportAttachment,
    ReportInvolved,
    ReportMessage,
    Screening,
    ScreeningAnswer,
    TravelPurpose,
)

NOT_ALLOWED = _("Anda tidak berwenang melakukan tindakan ini.")
OUT_OF_SCOPE = _("Pemohon ini di luar wilayah kerja Anda.")
NO_INDICATOR_SET = _("Belum ada set indikator skrining yang aktif.")
UNKNOWN_INDICATOR = _("Indikator tidak dikenal: %(code)s.")
BAD_ANSWER = _('Jawaban harus "yes", "no" atau "unknown".')
RATIONALE_REQUIRED = _("Tuliskan alasan keputusan.")
DOCUMENTS_REQUIRED = _("Sebutkan dokumen yang harus dilengkapi untuk penundaan.")
LEGAL_BASIS_REQUIRED = _("Penolakan atau penangguhan memerlukan dasar hukum.")
ALREADY_DECIDED = _(
    "Skrining ini sudah diputuskan. Perubahan dicatat sebagai koreksi atas keputusan terakhir."
)
NOT_CURRENT_DECISION = _("Hanya keputusan terakhir (yang belum dikoreksi) yang dapat dikoreksi.")
DECISION_IMMUTABLE = _("Keputusan yang sudah ditandatangani tidak dapat diubah; buat koreksi.")
REFERRAL_TARGET_REQUIRED = _("Pilih desa asal atau satu instansi mitra sebagai tujuan rujukan.")
REFERRAL_NO_VILLAGE = _("Laporan ini tidak menyebut desa, jadi tidak dapat dirujuk ke desa.")
REASON_REQUIRED = _("Tuliskan alasan rujukan.")
REFERRAL_TRANSITION_REFUSED = _('Status rujukan tidak dapat diubah dari "%(from)s" menjadi "%(to)s".')
OUTCOME_REQUIRED = _("Rujukan yang selesai harus mencatat hasilnya.")
STALE_EDIT = _("Rujukan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman lalu ulangi.")
DESCRIPTION_REQUIRED = _("Ceritakan apa yang terjadi.")
MESSAGE_REQUIRED = _("Pesan tidak boleh kosong.")

REFERRAL_TRANSITIONS: dict[str, set[str]] = {
    Referral.Status.OPEN: {Referral.Status.IN_PROGRESS, Referral.Status.CLOSED},
    Referral.Status.IN_PROGRESS: {Referral.Status.CLOSED},
    Referral.Status.CLOSED: set(),
}
# Deciding against the advisory: going ahead despite a high level, or refusing/suspending despite a low one.
_OVERRIDES = {
    advisory.HIGH: {Decision.Kind.PROCEED},
    advisory.LOW: {Decision.Kind.REFUSE, Decision.Kind.SUSPEND},
}
# Receipt codes and passphrases avoid letters people confuse (0/O, 1/I/L) when copying them onto paper.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class Conflict(ValidationError):
    """Well-formed but clashes with the current state (API: 409)."""


def _require(allowed: bool, message=NOT_ALLOWED) -> None:
    if not allowed:
        raise PermissionDenied(message)


# --- Screening -----------------------------------------------------------------------------------------------------


@transaction.atomic
def screening_create(
    *,
    actor,
    person,
    purpose: str,
    destination_country: str,
    answers: Mapping[str, str],
    evidence: Mapping[str, str] | None = None,
    job: str = "",
    host_abroad: str = "",
    sponsor_name: str = "",
    sponsor_phone: str = "",
    agency_name: str = "",
    documents_seen: str = "",
    notes: str = "",
) -> Screening:
    """Open a screening with its answers and compute the advisory level.

    The level comes from lib.advisory with the answers and the active indicator set's weights: the person
    (sex, birth date, home village) is never passed to it.
    """
    _require(selectors.can_screen(actor))
    if not scope_for(actor).contains_village(person.village_id):
        raise PermissionDenied(OUT_OF_SCOPE)
    try:
        indicator_set = selectors.indicator_set_active()
    except IndicatorSet.DoesNotExist as exc:
        raise ValidationError(NO_INDICATOR_SET) from exc
    indicators = {i.code: i for i in indicator_set.indicators.all()}
    for code, answer in answers.items():
        if code not in indicators:
            raise ValidationError({"answers": ValidationError(UNKNOWN_INDICATOR, params={"code": code})})
        if answer not in Answer.values:
            raise ValidationError({"answers": BAD_ANSWER})
    # An indicator the officer skipped is recorded as unknown, so every screening answers the whole checklist.
    full = {code: answers.get(code, Answer.UNKNOWN) for code in indicators}
    result = advisory.advisory_level(
        full,
        {code: i.weight for code, i in indicators.items()},
        attention_at=indicator_set.attention_threshold,
        high_at=indicator_set.high_threshold,
    )
    agency, agency_check = selectors.agency_link(agency_name)
    kanim = getattr(actor, "kanim", None)
    screening = Screening(
        person=person,
        village_id=person.village_id,
        kanim=kanim,
        officer=actor,
        indicator_set=indicator_set,
        purpose=purpose,
        destination_country=destination_country.strip(),
        job=job.strip(),
        host_abroad=host_abroad.strip(),
        sponsor_name=sponsor_name.strip(),
        sponsor_phone=sponsor_phone.strip(),
        sponsor_phone_normalized=normalize_phone(sponsor_phone),
        agency_name=agency_name.strip(),
        agency=agency,
        agency_check=agency_check,
        documents_seen=documents_seen.strip(),
        notes=notes.strip(),
        advisory_level=result.level,
        advisory_score=result.score,
    )
    if purpose not in TravelPurpose.values:
        raise ValidationError({"purpose": _("Tujuan perjalanan tidak dikenal.")})
    screening.full_clean()
    screening.save()
    contributions = {c.code: c.contribution for c in result.breakdown}
    evidence = evidence or {}
    ScreeningAnswer.objects.bulk_create(
        ScreeningAnswer(
            screening=screening,
            indicator=indicator,
            answer=full[code],
            evidence=(evidence.get(code) or "").strip()[:500],
            contribution=contributions.get(code, 0),
        )
        for code, indicator in indicators.items()
    )
    audit_created(actor=actor, target=screening, summary=f"skrining v{indicator_set.version}: {result.level}")
    access_record(actor=actor, person=person, channel="web", purpose="protection:screening")
    return screening


def screening_breakdown(screening: Screening) -> list[dict]:
    return [
        {"code": a.indicator.code, "contribution": a.contribution}
        for a in sorted(
            (a for a in screening.answers.select_related("indicator") if a.contribution),
            key=lambda a: (-a.contribution, a.indicator.code),
        )
    ]


@transaction.atomic
def screening_decide(
    *,
    actor,
    screening: Screening,
    kind: str,
    rationale: str,
    pending_documents: str = "",
    legal_basis: str = "",
    corrects: Decision | None = None,
) -> Decision:
    """Sign the officer's decision. A screening has one current decision; changing it means correcting it."""
    _require(selectors.can_screen(actor) and scope_for(actor).contains_village(screening.village_id))
    rationale, pending_documents, legal_basis = (
        rationale.strip(),
        pending_documents.strip(),
        legal_basis.strip(),
    )
    if not rationale:
        raise ValidationError({"rationale": RATIONALE_REQUIRED})
    if kind == Decision.Kind.POSTPONE and not pending_documents:
        raise ValidationError({"pending_documents": DOCUMENTS_REQUIRED})
    if kind in (Decision.Kind.REFUSE, Decision.Kind.SUSPEND) and not legal_basis:
        raise ValidationError({"legal_basis": LEGAL_BASIS_REQUIRED})
    # Lock the screening so two officers cannot both sign a "first" decision.
    Screening.objects.select_for_update().filter(pk=screening.pk).first()
    current = selectors.current_decision(screening)
    if corrects is None and current is not None:
        raise Conflict(ALREADY_DECIDED)
    if corrects is not None and (current is None or corrects.pk != current.pk):
        raise Conflict(NOT_CURRENT_DECISION)
    decision = Decision(
        screening=screening,
        kind=kind,
        rationale=rationale,
        pending_documents=pending_documents,
        legal_basis=legal_basis,
        advisory_level=screening.advisory_level,
        is_override=kind in _OVERRIDES.get(screening.advisory_level, set()),
        corrects=corrects,
        decided_by=actor,
    )
    decision.full_clean()
    decision.save()
    summary = f"keputusan {kind}" + (" (berbeda dari saran)" if decision.is_override else "")
    if corrects is not None:
        summary += f", mengoreksi #{corrects.pk}"
    audit_created(actor=actor, target=decision, summary=summary)
    return decision


def decision_update(**kwargs):
    """There is no update path for a signed decision: correct it with screening_decide(corrects=…)."""
    raise PermissionDenied(DECISION_IMMUTABLE)


# --- Referrals -----------------------------------------------------------------------------------------------------


def _due(due_on: dt.date | None) -> dt.date:
    return due_on or timezone.localdate() + dt.timedelta(days=selectors.referral_due_days())


@transaction.atomic
def referral_create(
    *,
    actor,
    screening: Screening | None = None,
    report: Report | None = None,
    to_village: bool = False,
    agency=None,
    action: str,
    reason: str,
    due_on: dt.date | None = None,
) -> Referral:
    """Refer a screened applicant or a report to the home village (follow-up) or to one partner agency."""
    _require(selectors.can_screen(actor))
    source_village = screening.village if screening is not None else (report.village if report else None)
    if source_village is not None and not scope_for(actor).contains_village(source_village):
        raise PermissionDenied(OUT_OF_SCOPE)
    if source_village is None and not scope_for(actor).is_national:
        raise PermissionDenied(OUT_OF_SCOPE)
    if bool(to_village) == (agency is not None):
        raise ValidationError(REFERRAL_TARGET_REQUIRED)
    if to_village and source_village is None:
        raise ValidationError(REFERRAL_NO_VILLAGE)
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    referral = Referral(
        screening=screening,
        report=report,
        village=source_village,
        to_village=bool(to_village),
        agency=agency,
        action=action,
        reason=reason.strip(),
        due_on=_due(due_on),
        created_by=actor,
    )
    referral.full_clean()
    referral.save()
    if report is not None and agency is not None and report.status != Report.Status.CLOSED:
        Report.objects.filter(pk=report.pk).update(status=Report.Status.REFERRED, updated_at=timezone.now())
    audit_created(actor=actor, target=referral, summary=f"rujukan ke {agency or 'desa'}")
    return referral


@transaction.atomic
def referral_update(
    *, actor, referral: Referral, version: int, status: str, outcome: str = "", outcome_note: str = ""
) -> Referral:
    """Move a referral along open → in progress → closed (with an outcome). Office, the village or the agency."""
    _require(selectors.can_update_referral(actor, referral))
    if status != referral.status and status not in REFERRAL_TRANSITIONS.get(referral.status, set()):
        raise ValidationError(
            {
                "status": ValidationError(
                    REFERRAL_TRANSITION_REFUSED, params={"from": referral.status, "to": status}
                )
            }
        )
    if status == Referral.Status.CLOSED and not outcome:
        raise ValidationError({"outcome": OUTCOME_REQUIRED})
    before = snapshot(referral, ["status", "outcome", "outcome_note"])
    now = timezone.now()
    fields = {
        "status": status,
        "outcome": outcome if status == Referral.Status.CLOSED else "",
        "outcome_note": outcome_note.strip(),
        "closed_at": now
        if status == Referral.Status.CLOSED and referral.closed_at is None
        else referral.closed_at,
    }
    candidate = Referral(
        **{**{f.attname: getattr(referral, f.attname) for f in Referral._meta.concrete_fields}, **fields}
    )
    candidate.full_clean(validate_unique=False)
    # Optimistic concurrency: the conditional UPDATE succeeds only if nobody saved since `version` was read.
    updated = Referral.objects.filter(pk=referral.pk, version=version).update(version=version + 1, **fields)
    if not updated:
        raise Conflict(STALE_EDIT)
    referral.refresh_from_db()
    audit_record(
        actor=actor,
        action="update",
        target=referral,
        changes=diff(before, snapshot(referral, ["status", "outcome", "outcome_note"])),
    )
    return referral


# --- Reports -------------------------------------------------------------------------------------------------------


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
    occurred_on: dt.date | None = None,
    involved: Iterable[Mapping[str, str]] = (),
    files: Iterable = (),
    agency_name: str = "",
    callback_contact: str = "",
) -> Submitted:
    """Receive an anonymous report. Takes no request: nothing about the sender's connection can be stored."""
    if not description.strip():
        raise ValidationError({"description": DESCRIPTION_REQUIRED})
    passphrase = _new_passphrase()
    agency, agency_check = selectors.agency_link(agency_name)
    kanim = kanims_serving_village(village_code=village.code).first() if village is not None else None
    report = Report(
        receipt_code=_new_receipt_code(),
        passphrase_hash=make_password(passphrase),
        category=category,
        description=description.strip(),
        village=village,
        kanim=kanim,
        occurred_on=occurred_on,
        agency_name=agency_name.strip(),
        agency=agency,
        agency_check=agency_check,
        callback_contact=callback_contact.strip(),
    )
    report.full_clean()
    report.save()
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
    audit_record(actor=None, action="create", target=report, summary=f"laporan {category}")
    return Submitted(report=report, passphrase=passphrase)


@transaction.atomic
def report_add_information(*, report: Report, body: str, files: Iterable = ()) -> ReportMessage:
    """The anonymous reporter adds to their report (after report_authenticate)."""
    if not body.strip():
        raise ValidationError({"body": MESSAGE_REQUIRED})
    message = ReportMessage(report=report, author_kind=ReportMessage.Author.REPORTER, body=body.strip())
    message.full_clean()
    message.save()
    _attach(report, files)
    Report.objects.filter(pk=report.pk).update(updated_at=timezone.now())
    audit_record(actor=None, action="create", target=message, summary="informasi tambahan pelapor")
    return message


@transaction.atomic
def report_reply(*, actor, report: Report, body: str) -> ReportMessage:
    _require(selectors.can_screen(actor) and report in selectors.reports_for(actor))
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
    _require(selectors.can_screen(actor) and report in selectors.reports_for(actor))
    before = snapshot(report, ["category", "priority", "status"])
    report.category, report.priority, report.status = category, priority, status
    report.full_clean()
    report.save(update_fields=["category", "priority", "status", "updated_at"])
    audit_record(
        actor=actor, action="update", target=report, changes=diff(before, snapshot(report, before.keys()))
    )
    return report


# --- Licensed agencies ---------------------------------------------------------------------------------------------

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
    _require(is_registry_admin(actor))
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
