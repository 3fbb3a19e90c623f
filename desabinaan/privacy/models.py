"""UU PDP 27/2022 as tracked work: data-subject requests with their statutory clock, restrictions, the retention
schedule and the breach register. Deadlines and retention periods are rule rows with citations (docs/rules.md §6)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Akses (salinan data)")
    CORRECTION = "correction", _("Perbaikan data")
    ERASURE = "erasure", _("Penghapusan data")
    RESTRICTION = "restriction", _("Pembatasan pemrosesan")
    WITHDRAWAL = "withdrawal", _("Penarikan persetujuan")
    OBJECTION = "objection", _("Keberatan atas keputusan otomatis")


BREACH_NOTICE = "breach_notice"
RULE_KINDS = [*RequestKind.choices, (BREACH_NOTICE, _("Pemberitahuan kebocoran data"))]


class RequestRule(models.Model):
    """How long the controller has to answer one kind of request, from a dated, cited source (docs/rules.md §6).

    A new rule is a new row with a later `effective_from`; a request takes the rule in force when it was received.
    """

    kind = models.CharField(_("jenis"), max_length=20, choices=RULE_KINDS)
    hours = models.PositiveIntegerField(_("batas waktu (jam)"))
    citation = models.CharField(_("dasar hukum"), max_length=300)
    effective_from = models.DateField(_("berlaku sejak"))
    # False when the law sets no period and the row is the office's service standard.
    statutory = models.BooleanField(_("ditetapkan undang-undang"), default=True)
    unconfirmed = models.BooleanField(_("perlu dikonfirmasi kantor"), default=False)

    class Meta:
        verbose_name = _("aturan tenggat permintaan")
        verbose_name_plural = _("aturan tenggat permintaan")
        ordering = ["kind", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "effective_from"], name="privacy_rule_kind_from_unique")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.hours} jam ({self.citation})"


class DataRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=DataRequest.OPEN_STATUSES)

    def overdue(self, now: dt.datetime | None = None):
        return self.open().filter(due_at__lt=now or timezone.now())


class DataRequest(models.Model):
    """One request of a data subject (UU PDP Art. 5-13), with its deadline and what was done."""

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("Menunggu verifikasi identitas")
        OPEN = "open", _("Sedang diproses")
        DONE = "done", _("Selesai")
        REFUSED = "refused", _("Ditolak (dengan alasan)")

    class Channel(models.TextChoices):
        STAFF = "staff", _("Dicatat petugas")
        PUBLIC = "public", _("Formulir publik")
        API = "api", _("API")

    OPEN_STATUSES = (Status.UNVERIFIED, Status.OPEN)

    kind = models.CharField(_("jenis permintaan"), max_length=20, choices=RequestKind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices, default=Channel.STAFF)
    # Empty until staff verify the requester's identity and link the record (public form).
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("orang"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="data_requests",
    )
    # Where the request is handled: the village office that received it or where the requester will be verified.
    # Staff of this village and of the person's home village both see the request (a person in two villages).
    village = models.ForeignKey("regions.Village", verbose_name=_("desa penerima"), on_delete=models.PROTECT)
    received_at = models.DateTimeField(_("diterima"))
    due_at = models.DateTimeField(_("tenggat"))
    rule = models.ForeignKey(RequestRule, verbose_name=_("aturan tenggat"), on_delete=models.PROTECT)
    notes = models.TextField(_("catatan"), blank=True, max_length=2000)
    # The public form's requester (no account): how to reach them; cleared by the retention schedule.
    requester_name = models.CharField(_("nama pemohon"), max_length=150, blank=True)
    requester_contact = models.CharField(_("kontak pemohon"), max_length=150, blank=True)
    # A minor's request is made by a parent or guardian (UU PDP Art. 25).
    guardian_name = models.CharField(_("nama wali"), max_length=150, blank=True)
    guardian_relation = models.CharField(_("hubungan wali"), max_length=50, blank=True)
    verified_at = models.DateTimeField(_("identitas diverifikasi"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification_note = models.CharField(_("cara verifikasi"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What was done, or why not (a kept record's legal reason): shown to the requester.
    outcome = models.TextField(_("hasil / alasan"), blank=True, max_length=2000)
    escalated_at = models.DateTimeField(_("dieskalasi"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DataRequestQuerySet.as_manager()

    AUDIT_SECRET_FIELDS = frozenset({"requester_name", "requester_contact", "guardian_name"})

    class Meta:
        verbose_name = _("permintaan subjek data")
        verbose_name_plural = _("permintaan subjek data")
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["status", "due_at"], name="privacy_request_due_idx")]
        constraints = [
            # A request whose requester never came to be verified is refused without a person.
            models.CheckConstraint(
                condition=Q(status__in=["unverified", "refused"]) | Q(person__isnull=False),
                name="privacy_request_verified_has_person",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.kind} {self.status}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_at < timezone.now()


class Restriction(models.Model):
    """A person's record kept but not used (UU PDP Art. 41): no new screenings, readiness checks or exports."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="restrictions")
    request = models.ForeignKey(DataRequest, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.CharField(_("alasan"), max_length=300)
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    lifted_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("pembatasan pemrosesan")
        verbose_name_plural = _("pembatasan pemrosesan")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(lifted_at__isnull=True), name="privacy_one_open_restriction"
            )
        ]

    def __str__(self):
        return f"{self.person_id} {self.started_at:%Y-%m-%d}"


class RecordType(models.TextChoices):
    """What the retention schedule can purge or anonymise (privacy/retention.py has one handler per type)."""

    EDUCATION_PERSON = "education_person", _("Orang yang hanya tercatat sebagai peserta sosialisasi")
    ACCESS_LOG = "access_log", _("Log akses data pribadi")
    REQUEST_CONTACT = "request_contact", _("Kontak pemohon pada permintaan yang selesai")
    CLOSED_REPORT = (
        "closed_report",
        _("Laporan masyarakat yang sudah selesai (isi, pihak yang disebut, lampiran)"),
    )
    READINESS_CHECK = (
        "readiness_check",
        _("Pemeriksaan kesiapan paspor: sponsor, pemberi kerja, agen dan uang muka"),
    )
    SCREENING = (
        "screening",
        _("Skrining wawancara: catatan, sponsor, penjamin dan bukti (keputusan pejabat tetap disimpan)"),
    )
    CASE_PERSON = (
        "case_person",
        _("Orang dengan catatan paspor atau skrining yang lama selesai (identitas dianonimkan, baris tetap)"),
    )
    EVENT_PHOTO = "event_photo", _("Foto kegiatan sosialisasi")
    ACTIVITY_ATTACHMENT = "activity_attachment", _("Lampiran log kegiatan desa")
    SK_FILE = "sk_file", _("Berkas PDF SK penetapan desa yang sudah mandiri")


class RetentionRule(models.Model):
    """How long one record type is kept for one purpose, and on what legal basis (UU PDP Art. 42-44)."""

    class Action(models.TextChoices):
        DELETE = "delete", _("hapus")
        ANONYMISE = "anonymise", _("anonimkan")

    record_type = models.CharField(_("jenis data"), max_length=30, choices=RecordType.choices)
    purpose = models.CharField(_("tujuan pemrosesan"), max_length=200)
    period_days = models.PositiveIntegerField(_("masa simpan (hari)"))
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300)
    effective_from = models.DateField(_("berlaku sejak"))
    unconfirmed = models.BooleanField(_("perlu dikonfirmasi kantor"), default=False)

    class Meta:
        verbose_name = _("jadwal retensi")
        verbose_name_plural = _("jadwal retensi")
        ordering = ["record_type", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "effective_from"], name="privacy_retention_type_from_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_record_type_display()}: {self.period_days} hari"


class Breach(models.Model):
    """A personal-data breach and the 3×24-hour notification clock (UU PDP Art. 46)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Ditangani")
        NOTIFIED = "notified", _("Pemberitahuan terkirim")
        CLOSED = "closed", _("Ditutup")

    title = models.CharField(_("apa yang terjadi"), max_length=200)
    description = models.TextField(_("uraian"), max_length=5000)
    occurred_at = models.DateTimeField(_("terjadi"), null=True, blank=True)
    discovered_at = models.DateTimeField(_("diketahui"))
    data_categories = models.CharField(_("data yang terdampak"), max_length=300)
    persons = models.ManyToManyField(
        "people.Person", verbose_name=_("orang terdampak"), blank=True, related_name="+"
    )
    persons_estimate = models.PositiveIntegerField(_("perkiraan jumlah orang terdampak"), default=0)
    # The office that handles it; empty: national administrators.
    kanim = models.ForeignKey(
        "offices.Kanim",
        verbose_name=_("kantor penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    notify_due_at = models.DateTimeField(_("tenggat pemberitahuan"))
    subjects_notified_at = models.DateTimeField(_("subjek data diberi tahu"), null=True, blank=True)
    authority_notified_at = models.DateTimeField(_("lembaga diberi tahu"), null=True, blank=True)
    actions = models.TextField(_("tindakan penanganan"), blank=True, max_length=5000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("insiden kebocoran data")
        verbose_name_plural = _("register kebocoran data")
        ordering = ["-discovered_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def notification_overdue(self) -> bool:
        pending = self.subjects_notified_at is None or self.authority_notified_at is None
        return pending and self.notify_due_at < timezone.now()


class RateCounter(models.Model):
    """Public request-form submissions per hashed client and window (core.ratelimit); rows expire with the window."""

    key = models.CharField(max_length=80)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="privacy_unique_rate_window")
        ]

    def __str__(self):
        return f"{self.key[:8]}… {self.count}"
