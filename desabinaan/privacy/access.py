"""The access document (UU PDP Art. 32): everything held about one person, in Indonesian, as one PDF.

Every capability's records of the person are read here, one query per kind and not limited to the officer's scope:
the controller answers for all it holds, and the request itself was checked against the officer's scope. (The web
timeline does the scoped, paged version for the person page; privacy sits below web and cannot use it.)
Redactions: officers are named by role and office, never by name (their data is not the subject's); free-text case
notes are withheld (they name recruiters, relatives and other persons); the agency of a victim-protection referral
is withheld (UU 21/2007 Art. 44, docs/rules.md §4). Each redaction says so in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from desabinaan.audit.models import AccessEntry, AuditEntry
from desabinaan.core.pdf import new_document, table, to_bytes, writer
from desabinaan.events.models import Attendance, QuizResponse
from desabinaan.passport.models import ReadinessCheck
from desabinaan.people.models import Consent, Person
from desabinaan.protection.models import Decision, Referral, Screening

from .models import DataRequest, Restriction

LOG_LIMIT = 500
WITHHELD_NOTES = gettext_lazy("[catatan kasus tidak disertakan: dapat memuat data orang lain]")


@dataclass
class Held:
    person: Person
    consents: list = field(default_factory=list)
    attendances: list = field(default_factory=list)
    quiz_count: int = 0
    readiness: list = field(default_factory=list)
    screenings: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    referrals: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    restrictions: list = field(default_factory=list)
    reads: list = field(default_factory=list)
    changes: list = field(default_factory=list)


def held_about(person: Person) -> Held:
    """Everything the system holds about `person` (one query per kind)."""
    consent_ids = list(Consent.objects.filter(person=person).values_list("pk", flat=True))
    request_ids = list(DataRequest.objects.filter(person=person).values_list("pk", flat=True))
    targets = (
        Q(target_type="people.person", target_id=str(person.pk))
        | Q(target_type="people.consent", target_id__in=[str(i) for i in consent_ids])
        | Q(target_type="privacy.datarequest", target_id__in=[str(i) for i in request_ids])
    )
    return Held(
        person=person,
        consents=list(Consent.objects.filter(person=person).order_by("-given_at")),
        attendances=list(
            Attendance.objects.filter(person=person)
            .select_related("event__village", "target_group")
            .order_by("-event__starts_at")
        ),
        quiz_count=QuizResponse.objects.filter(attendance__person=person).count(),
        readiness=list(ReadinessCheck.objects.filter(person=person).order_by("-created_at")),
        screenings=list(Screening.objects.filter(person=person).order_by("-created_at")),
        decisions=list(Decision.objects.filter(screening__person=person).order_by("-decided_at")),
        referrals=list(
            Referral.objects.filter(screening__person=person)
            .select_related("agency", "village")
            .order_by("-created_at")
        ),
        requests=list(DataRequest.objects.filter(person=person).order_by("-received_at")),
        restrictions=list(Restriction.objects.filter(person=person).order_by("-started_at")),
        reads=list(
            AccessEntry.objects.filter(person=person)
            .select_related("actor__kanim", "actor__village", "actor__agency")
            .order_by("-at")[:LOG_LIMIT]
        ),
        changes=list(AuditEntry.objects.filter(targets).select_related("actor").order_by("-at")[:LOG_LIMIT]),
    )


def _when(value) -> str:
    if value is None:
        return "-"
    if hasattr(value, "hour"):
        return date_format(timezone.localtime(value), "j M Y H:i")
    return date_format(value, "j M Y")


def _reader(user) -> str:
    """An officer by role and place, never by name."""
    if user is None:
        return _("sistem")
    place = user.kanim or user.village or user.agency or user.kanwil
    role = user.get_role_display()
    return f"{role} ({place})" if place else role


# The access log's channels (audit.AccessEntry.channel), as the person reads them.
CHANNELS = {
    "web": gettext_lazy("halaman web"),
    "api": gettext_lazy("API"),
    "admin": gettext_lazy("admin"),
    "export": gettext_lazy("ekspor"),
}


# Access-log purposes stored as codes by protection (the others are Indonesian already).
PURPOSES = {
    "protection:screening": gettext_lazy("membaca skrining"),
    "protection:decision": gettext_lazy("keputusan skrining"),
    "protection:referral": gettext_lazy("membaca rujukan"),
    "admin": gettext_lazy("halaman admin"),
}


def _record_label(target_type: str) -> str:
    """ "people.person" → "orang": the model's verbose name, never the code."""
    try:
        return str(apps.get_model(target_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return target_type


def _field_labels(target_type: str, names) -> str:
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return ", ".join(sorted(names))
    labels = []
    for name in sorted(names):
        try:
            labels.append(str(model._meta.get_field(name.removesuffix("_id")).verbose_name))
        except FieldDoesNotExist:
            labels.append(name)
    return ", ".join(labels)


def _recipient(referral: Referral) -> str:
    if referral.to_village:
        return _("Pemerintah desa %(village)s") % {"village": referral.village}
    if referral.action == Referral.Action.PROTECTION or referral.outcome == Referral.Outcome.VICTIM:
        return _("[instansi perlindungan dirahasiakan demi keselamatan korban, UU 21/2007 Pasal 44]")
    return str(referral.agency)


def access_document_pdf(*, held: Held, request: DataRequest) -> bytes:
    person = held.person
    title = _("Dokumen Akses Data Pribadi")
    pdf = new_document(title, author=settings.PRIVACY_CONTROLLER)
    heading, line = writer(pdf)
    line(title, size=14, bold=True)
    line(
        _("Pengendali data: %(controller)s. Kontak: %(contact)s")
        % {"controller": settings.PRIVACY_CONTROLLER, "contact": settings.PRIVACY_CONTACT}
    )
    line(
        _("Atas permintaan #%(n)s diterima %(received)s; dasar: %(rule)s. Dibuat %(now)s.")
        % {
            "n": request.pk,
            "received": _when(request.received_at),
            "rule": request.rule.citation,
            "now": _when(timezone.now()),
        }
    )
    if request.guardian_name:
        line(
            _("Diajukan oleh wali: %(name)s (%(relation)s)")
            % {"name": request.guardian_name, "relation": request.guardian_relation}
        )

    heading(_("1. Data identitas"))
    line(_("Nama: %(v)s") % {"v": person.name})
    line(
        _("NIK: %(v)s (ditampilkan tersamar; NIK lengkap hanya diperlihatkan di kantor)")
        % {"v": person.nik_masked or "-"}
    )
    line(
        _("Tanggal/tahun lahir: %(v)s")
        % {"v": _when(person.birth_date) if person.birth_date else (person.birth_year or "-")}
    )
    line(_("Jenis kelamin: %(v)s") % {"v": person.get_sex_display()})
    line(_("Desa/kelurahan asal: %(v)s") % {"v": person.village})
    line(_("Nomor telepon: %(v)s") % {"v": _("tercatat") if person.phone else _("tidak ada")})
    line(_("Didaftarkan: %(v)s") % {"v": _when(person.created_at)})

    heading(_("2. Tujuan dan dasar pemrosesan"))
    rows = [
        (c.get_purpose_display(), c.get_lawful_basis_display(), _when(c.given_at), _when(c.withdrawn_at))
        for c in held.consents
    ]
    if rows:
        table(
            pdf,
            widths=(55, 55, 40, 40),
            headers=(_("Tujuan"), _("Dasar"), _("Sejak"), _("Ditarik")),
            rows=rows,
        )
    else:
        line(_("Tidak ada persetujuan atau dasar pemrosesan yang tercatat."))

    heading(_("3. Kehadiran sosialisasi"))
    for a in held.attendances:
        line(
            _("%(date)s - %(title)s, %(village)s")
            % {"date": _when(a.event.starts_at), "title": a.event.title, "village": a.event.village}
        )
    if not held.attendances:
        line(_("Tidak ada."))
    line(_("Jawaban kuis pra/pasca-tes tersimpan: %(n)s") % {"n": held.quiz_count})

    heading(_("4. Pemeriksaan kesiapan paspor"))
    for c in held.readiness:
        line(
            _("%(date)s - %(ref)s, tujuan %(purpose)s, status %(status)s")
            % {
                "date": _when(c.checked_on),
                "ref": c.reference,
                "purpose": c.get_purpose_display(),
                "status": c.get_status_display(),
            }
        )
    if not held.readiness:
        line(_("Tidak ada."))

    heading(_("5. Skrining wawancara dan keputusan"))
    for s in held.screenings:
        line(
            _("%(date)s - skrining #%(n)s, negara tujuan %(country)s, tingkat saran %(level)s")
            % {
                "date": _when(s.created_at),
                "n": s.pk,
                "country": s.destination_country,
                "level": s.get_advisory_level_display(),
            }
        )
    for d in held.decisions:
        line(
            _("%(date)s - keputusan: %(kind)s") % {"date": _when(d.decided_at), "kind": d.get_kind_display()}
        )
    if not (held.screenings or held.decisions):
        line(_("Tidak ada."))

    heading(_("6. Penerima data (rujukan)"))
    for r in held.referrals:
        line(
            _("%(date)s - rujukan ke %(to)s: %(action)s, status %(status)s")
            % {
                "date": _when(r.created_at),
                "to": _recipient(r),
                "action": r.get_action_display(),
                "status": r.get_status_display(),
            }
        )
        line(str(WITHHELD_NOTES), size=8)
    if not held.referrals:
        line(_("Data Anda tidak pernah dirujuk ke instansi lain."))

    heading(_("7. Permintaan dan pembatasan"))
    for q in held.requests:
        line(
            _("%(date)s - %(kind)s: %(status)s %(outcome)s")
            % {
                "date": _when(q.received_at),
                "kind": q.get_kind_display(),
                "status": q.get_status_display(),
                "outcome": q.outcome,
            }
        )
    for r in held.restrictions:
        line(
            _("Pemrosesan dibatasi sejak %(from)s, dicabut %(to)s")
            % {"from": _when(r.started_at), "to": _when(r.lifted_at)}
        )

    heading(_("8. Catatan pemrosesan: siapa membaca data Anda"))
    line(_("Petugas disebut menurut jabatan dan kantornya; nama petugas tidak disertakan."), size=8)
    for e in held.reads:
        line(
            _("%(date)s - %(who)s, saluran %(channel)s, keperluan: %(purpose)s")
            % {
                "date": _when(e.at),
                "who": _reader(e.actor),
                "channel": CHANNELS.get(e.channel, e.channel),
                "purpose": PURPOSES.get(e.purpose, e.purpose) or "-",
            },
            size=8,
        )
    heading(_("9. Catatan pemrosesan: perubahan data"))
    for e in held.changes:
        fields = _field_labels(e.target_type, e.changes) or "-"
        line(
            _("%(date)s - %(who)s: %(action)s (%(type)s), kolom: %(fields)s")
            % {
                "date": _when(e.at),
                "who": _reader(e.actor),
                "action": e.get_action_display(),
                "type": _record_label(e.target_type),
                "fields": fields,
            },
            size=8,
        )
    if len(held.reads) >= LOG_LIMIT or len(held.changes) >= LOG_LIMIT:
        line(_("Catatan lebih lama tersedia atas permintaan di kantor."), size=8)
    return to_bytes(pdf)
