"""Writes of the privacy app: data-subject requests and what they do to the record, restrictions, breaches.

Every write checks the actor's scope, runs in a transaction and is audited. Changes to a person go through people's
services where one exists (correction: person_update; withdrawal: consent_withdraw); erasure anonymises the person
record in place so the rollups keep their counts (stats rebuilds figures from attendance rows, not names).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from desabinaan.audit.services import MASK, audit_created, audit_record
from desabinaan.core.errors import Conflict
from desabinaan.people.models import Person
from desabinaan.people.services import ADULT_AGE, consent_withdraw, person_update
from desabinaan.protection.models import Referral, Screening

from .. import selectors
from ..models import DataRequest, RequestKind, Restriction

GUARDIAN_REQUIRED = gettext_lazy(
    "Orang ini belum berusia 18 tahun: permintaan diajukan oleh orang tua/wali (nama dan hubungan wajib diisi)."
)
RECEIVED_IN_FUTURE = gettext_lazy("Waktu diterima tidak boleh di masa depan.")
PERSON_OUT_OF_SCOPE = gettext_lazy("Orang ini di luar wilayah kerja Anda.")
NOT_VERIFIED = gettext_lazy("Identitas pemohon belum diverifikasi.")
ALREADY_CLOSED = gettext_lazy("Permintaan ini sudah selesai.")
WRONG_KIND = gettext_lazy("Tindakan ini tidak sesuai dengan jenis permintaan.")
CONTACT_REQUIRED = gettext_lazy("Isi nama dan cara menghubungi Anda (nomor telepon atau alamat).")
OUTCOME_REQUIRED = gettext_lazy("Tuliskan hasil atau alasannya: pemohon akan menerimanya.")
ALREADY_RESTRICTED = gettext_lazy("Pemrosesan data orang ini sudah dibatasi.")
# Kept records block an erasure; the reasons are shown to the requester (UU PDP Art. 43 and its exceptions).
KEEP_SCREENING = gettext_lazy(
    "Catatan skrining dan keputusan penerbitan paspor wajib disimpan sebagai arsip keputusan pejabat (kewajiban "
    "hukum; UU 6/2011 dan SE Dirjen Imigrasi IMI-1308.GR.01.01/2024, docs/rules.md §3)."
)
KEEP_OPEN_REFERRAL = gettext_lazy(
    "Ada rujukan kasus yang masih berjalan: data disimpan sampai kasus ditutup."
)
ANONYMISED_NAME = "Data dihapus"
ERASED_OUTCOME = gettext_lazy(
    "Data pribadi dihapus: nama, NIK, tanggal lahir, nomor telepon dan nama wali dikosongkan. Jumlah kehadiran "
    "dalam statistik tetap (statistik menyimpan angka, bukan orang)."
)


def _check_can_record(actor, *, village, person: Person | None = None) -> None:
    if not selectors.can_see_requests(actor):
        raise PermissionDenied
    scope = scope_for(actor)
    if not scope.can_write:
        raise PermissionDenied
    if not scope.contains_village(village) and not (person and scope.contains_village(person.village_id)):
        raise PermissionDenied(PERSON_OUT_OF_SCOPE)


def _check_can_act(actor, request: DataRequest) -> None:
    if not selectors.can_act_on_requests(actor):
        raise PermissionDenied
    # Raises Http404 when the request is outside the actor's scope.
    selectors.data_request_get(user=actor, pk=request.pk)


def _guardian_check(person: Person | None, guardian_name: str, guardian_relation: str) -> None:
    if person is None:
        return
    age = person.age_on(timezone.localdate())
    if age is not None and age < ADULT_AGE and not (guardian_name.strip() and guardian_relation.strip()):
        raise ValidationError({"guardian_name": GUARDIAN_REQUIRED})


def _open(request: DataRequest) -> DataRequest:
    current = (
        DataRequest.objects.select_for_update(of=("self",))
        .select_related("person__village")
        .get(pk=request.pk)
    )
    if not current.is_open:
        raise Conflict(ALREADY_CLOSED, field="status", code="closed")
    return current


@transaction.atomic
def data_request_create(
    *,
    actor,
    person: Person,
    kind: str,
    received_at: dt.datetime,
    notes: str = "",
    village=None,
    guardian_name: str = "",
    guardian_relation: str = "",
    channel: str = DataRequest.Channel.STAFF,
) -> DataRequest:
    """A request taken by a liaison or an officer from the person in front of them (identity checked on the spot)."""
    village = village or person.village
    _check_can_record(actor, village=village, person=person)
    if not scope_for(actor).contains_village(person.village_id) and not scope_for(actor).contains_village(
        village
    ):
        raise PermissionDenied(PERSON_OUT_OF_SCOPE)
    now = timezone.now()
    if received_at > now + dt.timedelta(minutes=5):
        raise ValidationError({"received_at": RECEIVED_IN_FUTURE})
    _guardian_check(person, guardian_name, guardian_relation)
    rule = selectors.rule_in_force(kind, received_at)
    request = DataRequest(
        kind=kind,
        status=DataRequest.Status.OPEN,
        channel=channel,
        person=person,
        village=village,
        received_at=received_at,
        due_at=received_at + dt.timedelta(hours=rule.hours),
        rule=rule,
        notes=notes.strip(),
        guardian_name=guardian_name.strip(),
        guardian_relation=guardian_relation.strip(),
        verified_at=now,
        verified_by=actor,
        verification_note=_("Dicatat langsung oleh petugas"),
        recorded_by=actor,
    )
    request.full_clean(exclude=["rule", "verified_by", "recorded_by", "closed_by"])
    request.save()
    audit_created(
        actor=actor, target=request, summary=f"Permintaan subjek data {kind} untuk orang #{person.pk}"
    )
    return request


@transaction.atomic
def data_request_submit(
    *,
    kind: str,
    village,
    requester_name: str,
    requester_contact: str,
    notes: str = "",
    guardian_relation: str = "",
) -> DataRequest:
    """The public form: a request with a contact and no person until staff verify the requester's identity.

    Nothing about any person is shown to the requester; the receipt only says where to go to be verified.
    """
    if not requester_name.strip() or not requester_contact.strip():
        raise ValidationError({"requester_contact": CONTACT_REQUIRED})
    now = timezone.now()
    rule = selectors.rule_in_force(kind, now)
    request = DataRequest(
        kind=kind,
        status=DataRequest.Status.UNVERIFIED,
        channel=DataRequest.Channel.PUBLIC,
        village=village,
        received_at=now,
        due_at=now + dt.timedelta(hours=rule.hours),
        rule=rule,
        notes=notes.strip(),
        requester_name=requester_name.strip(),
        requester_contact=requester_contact.strip(),
        # Filled by the parent or guardian of a child: the relation now, the name when verified at the office.
        guardian_relation=guardian_relation.strip(),
    )
    request.full_clean(exclude=["rule", "person"])
    request.save()
    audit_created(actor=None, target=request, summary=f"Permintaan subjek data {kind} dari formulir publik")
    return request


@transaction.atomic
def data_request_verify(
    *, actor, request: DataRequest, person: Person, verification_note: str, guardian_name: str = ""
) -> DataRequest:
    """Staff saw the requester's identity document at the village office or the Kanim and link the record."""
    current = _open(request)
    selectors.data_request_get(user=actor, pk=current.pk)
    _check_can_record(actor, village=person.village, person=person)
    if not scope_for(actor).contains_village(person.village_id):
        raise PermissionDenied(PERSON_OUT_OF_SCOPE)
    if not verification_note.strip():
        raise ValidationError({"verification_note": NOT_VERIFIED})
    guardian_name = guardian_name.strip() or current.guardian_name
    _guardian_check(person, guardian_name, current.guardian_relation or (guardian_name and _("wali")))
    current.person = person
    current.guardian_name = guardian_name
    current.verified_at = timezone.now()
    current.verified_by = actor
    current.verification_note = verification_note.strip()[:300]
    current.status = DataRequest.Status.OPEN
    current.save(
        update_fields=["person", "guardian_name", "verified_at", "verified_by", "verification_note", "status"]
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=current,
        changes={"status": [DataRequest.Status.UNVERIFIED, current.status], "person": [None, str(person.pk)]},
        summary=f"Identitas pemohon diverifikasi, orang #{person.pk}",
    )
    return current


def _close(actor, current: DataRequest, *, outcome: str, refused: bool = False) -> DataRequest:
    if not outcome.strip():
        raise ValidationError({"outcome": OUTCOME_REQUIRED})
    before = current.status
    current.status = DataRequest.Status.REFUSED if refused else DataRequest.Status.DONE
    current.outcome = outcome.strip()[:2000]
    current.closed_at = timezone.now()
    current.closed_by = actor
    current.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=current,
        changes={"status": [before, current.status]},
        summary=f"Permintaan subjek data #{current.pk} {current.get_status_display()}",
    )
    return current


@transaction.atomic
def data_request_close(*, actor, request: DataRequest, outcome: str, refused: bool = False) -> DataRequest:
    """Close any request with what was done (access document handed over, objection reviewed) or why not."""
    _check_can_act(actor, request)
    current = _open(request)
    # An unverified request can only be refused (the requester did not come to be verified); nothing else is done
    # for a requester whose identity nobody checked.
    if current.person_id is None and not refused:
        raise Conflict(NOT_VERIFIED, field="status", code="unverified")
    return _close(actor, current, outcome=outcome, refused=refused)


def _acting_on(actor, request: DataRequest, kind: str) -> tuple[DataRequest, Person]:
    """The open request of `kind` and its verified person (a request not linked to a person yet cannot be acted on)."""
    _check_can_act(actor, request)
    current = _open(request)
    if current.kind != kind:
        raise Conflict(WRONG_KIND, field="kind", code="kind")
    if current.person is None:
        raise Conflict(NOT_VERIFIED, field="status", code="unverified")
    return current, current.person


@transaction.atomic
def person_correct(*, actor, request: DataRequest, version: int, **fields) -> Person:
    """A correction request carried out through people's person_update (scope, validation, audit, version)."""
    current, person = _acting_on(actor, request, RequestKind.CORRECTION)
    person = person_update(actor=actor, person=person, version=version, **fields)
    names = ", ".join(str(getattr(Person._meta.get_field(f), "verbose_name", f)) for f in sorted(fields))
    _close(actor, current, outcome=_("Data diperbaiki: %(fields)s.") % {"fields": names})
    return person


def erasure_blockers(person: Person) -> list[str]:
    """Why the record must be kept (empty: it may be erased)."""
    reasons = []
    if Screening.objects.filter(person=person).exists():
        reasons.append(str(KEEP_SCREENING))
    if Referral.objects.filter(screening__person=person).exclude(status=Referral.Status.CLOSED).exists():
        reasons.append(str(KEEP_OPEN_REFERRAL))
    return reasons


def person_anonymise(*, actor, person: Person, summary: str) -> Person:
    """Erase what identifies the person and keep the row (attendance, sex and village stay for the counts).

    The earlier audit entries of the person are scrubbed of the values they held (name, birth date): the trail
    keeps that a change happened, not the erased data.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    person.name = ANONYMISED_NAME
    person.name_key = ""
    person.birth_date = None
    person.birth_year = None
    person.phone = ""
    person.nik_encrypted = ""
    person.nik_hash = None
    person.nik_masked = ""
    person.version += 1
    fields = [
        "name",
        "name_key",
        "birth_date",
        "birth_year",
        "phone",
        "nik_encrypted",
        "nik_hash",
        "nik_masked",
    ]
    person.save(update_fields=[*fields, "version", "updated_at"])
    person.consents.update(guardian_name="", purpose_text="")
    DataRequest.objects.filter(person=person).update(
        guardian_name="", requester_name="", requester_contact=""
    )
    _scrub_audit(person)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=person,
        changes={name: list(MASK) for name in fields},
        summary=summary,
    )
    return person


def _scrub_audit(person: Person) -> None:
    # The one write to audit rows outside audit.services: erasure must reach the values the trail copied.
    entries = AuditEntry.objects.filter(target_type="people.person", target_id=str(person.pk))
    for entry in entries:
        entry.changes = {name: list(MASK) for name in entry.changes}
        entry.summary = entry.summary.split(":")[0][:300]
        entry.save(update_fields=["changes", "summary"])


@transaction.atomic
def person_erase(*, actor, request: DataRequest) -> DataRequest:
    """Carry out an erasure request, or refuse it with the reasons the record must be kept."""
    current, person = _acting_on(actor, request, RequestKind.ERASURE)
    reasons = erasure_blockers(person)
    if reasons:
        return _close(actor, current, outcome=" ".join(reasons), refused=True)
    person_anonymise(actor=actor, person=person, summary=f"Data dihapus atas permintaan #{current.pk}")
    return _close(actor, current, outcome=str(ERASED_OUTCOME))


@transaction.atomic
def person_restrict(*, actor, request: DataRequest, reason: str = "") -> Restriction:
    current, person = _acting_on(actor, request, RequestKind.RESTRICTION)
    if selectors.restriction_open(person) is not None:
        raise Conflict(ALREADY_RESTRICTED, field="person", code="restricted")
    restriction = Restriction(
        person=person,
        request=current,
        reason=(reason or current.notes or _("Permintaan subjek data"))[:300],
        created_by=actor,
    )
    restriction.full_clean(exclude=["created_by", "request", "person"])
    restriction.save()
    audit_created(actor=actor, target=restriction, summary=f"Pemrosesan dibatasi, orang #{current.person_id}")
    _close(
        actor,
        current,
        outcome=_(
            "Pemrosesan dibatasi: data disimpan tetapi tidak dipakai untuk skrining, pemeriksaan kesiapan, daftar "
            "hadir kegiatan, rujukan atau ekspor baru sampai pembatasan dicabut."
        ),
    )
    return restriction


@transaction.atomic
def restriction_lift(*, actor, restriction: Restriction) -> Restriction:
    if not selectors.can_act_on_requests(actor) or not scope_for(actor).contains_village(
        restriction.person.village_id
    ):
        raise PermissionDenied
    restriction.lifted_at = timezone.now()
    restriction.save(update_fields=["lifted_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=restriction,
        changes={"lifted_at": [None, restriction.lifted_at.isoformat()]},
        summary=f"Pembatasan dicabut, orang #{restriction.person_id}",
    )
    return restriction


@transaction.atomic
def consents_withdraw_all(*, actor, request: DataRequest) -> DataRequest:
    """A withdrawal request: every standing consent of the person is withdrawn through people's service."""
    current, person = _acting_on(actor, request, RequestKind.WITHDRAWAL)
    standing = list(person.consents.filter(withdrawn_at__isnull=True))
    for consent in standing:
        consent_withdraw(actor=actor, consent=consent)
    return _close(
        actor,
        current,
        outcome=_("%(n)s persetujuan ditarik; pemrosesan atas dasar itu dihentikan.") % {"n": len(standing)},
    )


def access_document_recorded(*, actor, request: DataRequest) -> None:
    """The access document was produced: audited (the person's read is logged by the caller's access_record)."""
    audit_record(
        actor=actor,
        action=AuditEntry.Action.OTHER,
        target=request,
        summary=f"Dokumen akses dibuat untuk permintaan #{request.pk}",
    )


@transaction.atomic
def data_requests_escalate(*, now: dt.datetime | None = None) -> list[DataRequest]:
    """Mark open requests past their deadline as escalated (once each); the task mails the people responsible."""
    now = now or timezone.now()
    due = list(
        DataRequest.objects.overdue(now)
        .filter(escalated_at__isnull=True)
        .select_for_update(of=("self",))
        .order_by("id")
    )
    for request in due:
        request.escalated_at = now
        request.save(update_fields=["escalated_at"])
        audit_record(
            actor=None,
            action=AuditEntry.Action.UPDATE,
            target=request,
            changes={"escalated_at": [None, now.isoformat()]},
            summary=f"Permintaan subjek data #{request.pk} melewati tenggat: dieskalasi",
        )
    return due
