"""Writes of the program app. Pages and the API call these; each is atomic, validated and audited."""

from __future__ import annotations

import datetime as dt
import secrets
import string
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.models import Role, User
from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import audit_created, audit_record, diff, snapshot
from desabinaan.core.errors import Conflict
from desabinaan.offices.selectors import kanims_serving_village

from . import selectors
from .files import validate_attachment, validate_pdf
from .models import (
    Activity,
    ActivityAttachment,
    DesaBinaan,
    DesaBinaanTransition,
    ForeignerNote,
    PimpasaAssignment,
    ProposalCriterion,
    Question,
    SelectionCriterion,
)

Status = DesaBinaan.Status

NOT_ALLOWED = _("Anda tidak berwenang melakukan tindakan ini.")
OUT_OF_SCOPE = _("Desa/kelurahan ini di luar wilayah kerja Anda.")
ALREADY_EXISTS = _("Desa/kelurahan ini sudah tercatat sebagai desa binaan atau usulan.")
NO_KANIM = _("Desa/kelurahan ini belum masuk wilayah kerja kantor imigrasi mana pun.")
UNKNOWN_CRITERION = _("Kriteria tidak dikenal atau tidak aktif: %(code)s.")
TRANSITION_REFUSED = _('Status desa binaan tidak dapat diubah dari "%(from)s" menjadi "%(to)s".')
REASON_REQUIRED = _("Tuliskan alasan perubahan status.")
SK_REQUIRED = _("Penetapan desa binaan memerlukan nomor SK dan tanggal SK.")
PIMPASA_WRONG_OFFICE = _("PIMPASA harus petugas aktif kantor imigrasi yang membina desa ini.")
ASSIGNMENT_ALREADY_ENDED = _("Penugasan ini sudah berakhir.")
USERNAME_TAKEN = _("Nama pengguna ini sudah dipakai.")
EMAIL_REQUIRED_FOR_RESET = _("Isi alamat email untuk mengirim tautan pengaturan kata sandi.")
NOT_A_LIAISON = _("Akun ini bukan perangkat desa/kader desa ini.")
EDIT_WINDOW_CLOSED = _("Kegiatan hanya dapat diubah oleh pencatatnya dalam %(hours)s jam setelah dicatat.")
STALE_EDIT = _(
    "Kegiatan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, periksa perubahannya, "
    "lalu ulangi perubahan Anda."
)
NOT_ANSWERED = _("Hanya pertanyaan yang sudah dijawab yang dapat diterbitkan.")

# Allowed status changes. Graduation is final; a suspended village can only be reactivated.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PROPOSED: frozenset({Status.DESIGNATED}),
    Status.DESIGNATED: frozenset({Status.ACTIVE}),
    Status.ACTIVE: frozenset({Status.SUSPENDED, Status.GRADUATED}),
    Status.SUSPENDED: frozenset({Status.ACTIVE}),
    Status.GRADUATED: frozenset(),
}


def edit_grace() -> dt.timedelta:
    return dt.timedelta(hours=getattr(settings, "PROGRAM_EDIT_GRACE_HOURS", 48))


def _require(condition: bool, message=NOT_ALLOWED) -> None:
    if not condition:
        raise PermissionDenied(message)


def _status_label(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value


# --- Proposal and lifecycle ----------------------------------------------------------------------------------------


@transaction.atomic
def desa_binaan_propose(
    *, actor, village, criteria: Mapping[str, str] | Iterable[str], notes: str = ""
) -> DesaBinaan:
    """Propose `village`, ticking criteria (codes, or {code: evidence}). Starts the status history."""
    _require(selectors.is_office_writer(actor))
    _require(scope_for(actor).contains_village(village), OUT_OF_SCOPE)
    if DesaBinaan.objects.filter(village=village).exists():
        raise Conflict(ALREADY_EXISTS, code="exists")
    evidence = dict(criteria) if isinstance(criteria, Mapping) else dict.fromkeys(criteria, "")
    found = {c.code: c for c in SelectionCriterion.objects.filter(code__in=evidence, active=True)}
    for code in evidence:
        if code not in found:
            raise ValidationError(UNKNOWN_CRITERION, code="criterion", params={"code": code})
    kanim = actor.kanim if actor.kanim_id else kanims_serving_village(village_code=village.code).first()
    if kanim is None:
        raise ValidationError(NO_KANIM, code="no_kanim")
    db = DesaBinaan(village=village, kanim=kanim, proposed_by=actor, proposal_notes=notes or "")
    db.full_clean()
    db.save()
    for code, text in evidence.items():
        tick = ProposalCriterion(desa_binaan=db, criterion=found[code], evidence=text or "")
        tick.full_clean()
        tick.save()
    DesaBinaanTransition.objects.create(
        desa_binaan=db, from_status="", to_status=Status.PROPOSED, actor=actor, reason=notes or "Usulan"
    )
    audit_created(actor=actor, target=db, summary=f"Usulan desa binaan {village.code}")
    return db


@transaction.atomic
def desa_binaan_transition(
    *,
    actor,
    desa_binaan: DesaBinaan,
    to: str,
    reason: str,
    sk_number: str | None = None,
    sk_date: dt.date | None = None,
    sk_file=None,
    sk_issuer: str | None = None,
) -> DesaBinaanTransition:
    """Move the village to status `to`; designation needs the SK number and date (and may carry the signed PDF)."""
    _require(selectors.can_manage(actor, desa_binaan))
    db = DesaBinaan.objects.select_for_update().get(pk=desa_binaan.pk)
    if to not in TRANSITIONS.get(db.status, frozenset()):
        raise Conflict(
            TRANSITION_REFUSED % {"from": _status_label(db.status), "to": _status_label(to)},
            field="to",
            code="transition",
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(REASON_REQUIRED, code="reason")
    before = snapshot(db)
    if to == Status.DESIGNATED:
        sk_number = (sk_number or "").strip()
        if not sk_number or not sk_date:
            raise ValidationError(SK_REQUIRED, code="sk_required")
        db.sk_number = sk_number
        db.sk_date = sk_date
        db.designated_on = sk_date
        db.sk_issuer = sk_issuer or DesaBinaan.IssuingOffice.KANIM
        if sk_file is not None:
            validate_pdf(sk_file)
            db.sk_file.save("sk.pdf", sk_file, save=False)
    from_status = db.status
    db.status = to
    db.full_clean()
    db.save()
    row = DesaBinaanTransition(
        desa_binaan=db, from_status=from_status, to_status=to, actor=actor, reason=reason
    )
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=db,
        changes=diff(before, snapshot(db)),
        summary=f"Status {from_status} → {to}: {reason}",
    )
    # The caller's instance reflects the change too (views redirect, the API answers with it).
    for field in ("status", "sk_number", "sk_date", "designated_on", "sk_issuer", "sk_file"):
        setattr(desa_binaan, field, getattr(db, field))
    return row


@transaction.atomic
def desa_binaan_sk_attach(*, actor, desa_binaan: DesaBinaan, sk_file) -> DesaBinaan:
    """Attach (or replace) the signed SK PDF of a designated village."""
    _require(selectors.can_manage(actor, desa_binaan))
    validate_pdf(sk_file)
    desa_binaan.sk_file.save("sk.pdf", sk_file, save=False)
    desa_binaan.save(update_fields=["sk_file"])
    audit_record(
        actor=actor, action=AuditEntry.Action.UPDATE, target=desa_binaan, summary="Berkas SK diunggah"
    )
    return desa_binaan


@transaction.atomic
def desa_binaan_public_contact_set(
    *, actor, desa_binaan: DesaBinaan, contact: str, consent: bool
) -> DesaBinaan:
    """What the public directory shows to reach the village; shown only while consent is recorded."""
    _require(selectors.can_manage(actor, desa_binaan) or selectors.is_liaison_of(actor, desa_binaan))
    before = snapshot(desa_binaan, ["public_contact", "public_contact_consent"])
    desa_binaan.public_contact = (contact or "").strip()
    desa_binaan.public_contact_consent = bool(consent)
    desa_binaan.full_clean()
    desa_binaan.save(update_fields=["public_contact", "public_contact_consent"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=desa_binaan,
        changes=diff(before, snapshot(desa_binaan, ["public_contact", "public_contact_consent"])),
        summary="Kontak publik",
    )
    return desa_binaan


# --- People --------------------------------------------------------------------------------------------------------


@transaction.atomic
def pimpasa_assign(*, actor, desa_binaan: DesaBinaan, officer, valid_from: dt.date, decree_number: str):
    _require(selectors.can_manage(actor, desa_binaan))
    if not (
        officer.is_active
        and officer.role in (Role.OFFICER, Role.PIMPASA)
        and officer.kanim_id == desa_binaan.kanim_id
    ):
        raise ValidationError(PIMPASA_WRONG_OFFICE, code="wrong_office")
    assignment = PimpasaAssignment(desa_binaan=desa_binaan, officer=officer, valid_from=valid_from)
    assignment.decree_number = (decree_number or "").strip()  # required for new rows: PimpasaAssignment.clean
    assignment.full_clean()
    assignment.save()
    audit_created(actor=actor, target=assignment, summary=f"PIMPASA {officer.username}")
    return assignment


@transaction.atomic
def pimpasa_end(
    *, actor, assignment: PimpasaAssignment, valid_to: dt.date | None = None
) -> PimpasaAssignment:
    _require(selectors.can_manage(actor, assignment.desa_binaan))
    if assignment.valid_to is not None:
        raise Conflict(ASSIGNMENT_ALREADY_ENDED, code="ended")
    before = snapshot(assignment, ["valid_to"])
    assignment.valid_to = valid_to or timezone.localdate()
    assignment.full_clean()
    assignment.save(update_fields=["valid_to"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=assignment,
        changes=diff(before, snapshot(assignment, ["valid_to"])),
        summary="Penugasan PIMPASA diakhiri",
    )
    return assignment


def _initial_password() -> str:
    # Unambiguous characters only: the password is read aloud or copied onto paper for a village official.
    alphabet = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


@transaction.atomic
def liaison_create(
    *,
    actor,
    desa_binaan: DesaBinaan,
    username: str,
    first_name: str,
    last_name: str = "",
    email: str = "",
    phone: str = "",
    send_reset_email: bool = False,
    request=None,
) -> tuple[User, str | None]:
    """A liaison account for the village; returns it with the one-time initial password (None if emailed a link)."""
    _require(selectors.can_manage(actor, desa_binaan))
    username = (username or "").strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN}, code="username_taken")
    if send_reset_email and not email:
        raise ValidationError({"email": EMAIL_REQUIRED_FOR_RESET}, code="email_required")
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
        role=Role.LIAISON,
        village_id=desa_binaan.village_id,
    )
    password = _initial_password()
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_created(actor=actor, target=user, summary=f"Akun penghubung desa {desa_binaan.village_id}")
    if send_reset_email:
        _send_reset_link(user, request)
        return user, None
    return user, password


def _send_reset_link(user: User, request) -> None:
    form = PasswordResetForm(data={"email": user.email})
    form.is_valid()
    site = settings.SITE_URL.split("://", 1)
    form.save(
        request=request,
        domain_override=None if request else site[-1],
        use_https=request.is_secure() if request else site[0] == "https",
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
    )


@transaction.atomic
def liaison_deactivate(*, actor, desa_binaan: DesaBinaan, liaison: User) -> User:
    """Deactivate, never delete: the liaison's activities and questions keep their author."""
    _require(selectors.can_manage(actor, desa_binaan))
    if liaison.role != Role.LIAISON or liaison.village_id != desa_binaan.village_id:
        raise ValidationError(NOT_A_LIAISON, code="not_liaison")
    liaison.is_active = False
    liaison.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=liaison,
        changes={"is_active": [True, False]},
        summary="Akun penghubung dinonaktifkan",
    )
    return liaison


# --- Village work --------------------------------------------------------------------------------------------------

ACTIVITY_FIELDS = ("kind", "date", "place", "participants", "notes")


def _attach(*, actor, activity: Activity, files) -> None:
    for upload in files or ():
        content_type = validate_attachment(upload)
        attachment = ActivityAttachment(
            activity=activity,
            name=(getattr(upload, "name", "") or "lampiran")[:200],
            content_type=content_type,
            size=upload.size,
            uploaded_by=actor,
        )
        attachment.file.save(attachment.name, upload, save=False)
        attachment.full_clean()
        attachment.save()
        audit_created(actor=actor, target=attachment, summary=f"Lampiran kegiatan {activity.pk}")


@transaction.atomic
def activity_create(
    *,
    actor,
    desa_binaan: DesaBinaan,
    kind: str,
    date: dt.date,
    place: str,
    participants: int = 0,
    notes: str = "",
    attachments=(),
) -> Activity:
    _require(selectors.can_work(actor, desa_binaan))
    activity = Activity(
        desa_binaan=desa_binaan,
        kind=kind,
        date=date,
        place=place,
        participants=participants or 0,
        notes=notes or "",
        author=actor,
    )
    activity.full_clean()
    activity.save()
    audit_created(actor=actor, target=activity, summary=f"Kegiatan desa {desa_binaan.village_id}")
    _attach(actor=actor, activity=activity, files=attachments)
    return activity


def activity_editable_by(activity: Activity, user) -> bool:
    return (
        getattr(user, "pk", None) == activity.author_id
        and user.is_active
        and timezone.now() - activity.created_at <= edit_grace()
    )


@transaction.atomic
def activity_update(*, actor, activity: Activity, version: int, attachments=(), **fields) -> Activity:
    """Edit by the author within the grace period; `version` is what the editor saw (stale → Conflict)."""
    if getattr(actor, "pk", None) != activity.author_id or not selectors.can_work(
        actor, activity.desa_binaan
    ):
        raise PermissionDenied(NOT_ALLOWED)
    if not activity_editable_by(activity, actor):
        raise PermissionDenied(EDIT_WINDOW_CLOSED % {"hours": int(edit_grace().total_seconds() // 3600)})
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    if current.version != version:
        raise Conflict(STALE_EDIT, field="version", code="version")
    before = snapshot(current, ACTIVITY_FIELDS)
    for name, value in fields.items():
        if name not in ACTIVITY_FIELDS:
            raise TypeError(name)
        setattr(current, name, value)
    current.full_clean()
    # The conditional UPDATE is the real guard: two editors holding the same version cannot both win.
    values = {name: getattr(current, name) for name in ACTIVITY_FIELDS}
    updated = Activity.objects.filter(pk=current.pk, version=version).update(
        **values, version=version + 1, updated_at=timezone.now()
    )
    if not updated:
        raise Conflict(STALE_EDIT, field="version", code="version")
    current.refresh_from_db()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=current,
        changes=diff(before, snapshot(current, ACTIVITY_FIELDS)),
        summary="Kegiatan diubah",
    )
    _attach(actor=actor, activity=current, files=attachments)
    return current


@transaction.atomic
def question_record(*, actor, desa_binaan: DesaBinaan, topic: str, text: str, asked_on=None) -> Question:
    _require(selectors.can_work(actor, desa_binaan))
    question = Question(
        desa_binaan=desa_binaan,
        topic=topic,
        text=text,
        asked_on=asked_on or timezone.localdate(),
        recorded_by=actor,
    )
    question.full_clean()
    question.save()
    audit_created(actor=actor, target=question, summary=f"Pertanyaan warga desa {desa_binaan.village_id}")
    return question


@transaction.atomic
def question_answer(*, actor, question: Question, answer: str) -> Question:
    _require(selectors.can_manage(actor, question.desa_binaan))
    before = snapshot(question, ["answer"])
    question.answer = (answer or "").strip()
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.full_clean()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=question,
        changes=diff(before, snapshot(question, ["answer"])),
        summary="Pertanyaan dijawab",
    )
    return question


@transaction.atomic
def question_publish(*, actor, question: Question, publish: bool = True) -> Question:
    _require(selectors.can_manage(actor, question.desa_binaan))
    if publish and not question.is_answered:
        raise ValidationError(NOT_ANSWERED, code="not_answered")
    question.published_at = timezone.now() if publish else None
    question.full_clean()
    question.save(update_fields=["published_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=question,
        changes={"published": [not publish, publish]},
        summary="Tanya-jawab publik",
    )
    return question


@transaction.atomic
def foreigner_note_create(
    *,
    actor,
    desa_binaan: DesaBinaan,
    nationality: str,
    purpose: str,
    place: str,
    seen_on: dt.date,
    notes: str = "",
) -> ForeignerNote:
    _require(selectors.can_work(actor, desa_binaan))
    note = ForeignerNote(
        desa_binaan=desa_binaan,
        nationality=nationality,
        purpose=purpose,
        place=place,
        seen_on=seen_on,
        notes=notes or "",
        author=actor,
    )
    note.full_clean()
    note.save()
    audit_created(actor=actor, target=note, summary=f"Catatan WNA desa {desa_binaan.village_id}")
    return note
