"""Education events (sosialisasi), their attendance tied to the person registry, and knowledge quizzes.

Target groups, topics and the question bank are data (seeded by 0002_fill_reference_data), editable in the admin.
"""

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.core.labels import LabelInLanguage, in_language
from desabinaan.core.validators import free_text_max_length


def _private_path(instance, filename):
    # A random name: files are served only through scope-checked views.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"events/{timezone.now():%Y}/{uuid.uuid4().hex}.{ext[:5]}"


def _checkin_code() -> str:
    # Short enough to type from a projector slide; 8 base32-ish characters ≈ 40 bits, plus rate limiting.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


def _calendar_token() -> str:
    return secrets.token_urlsafe(24)


class TargetGroup(LabelInLanguage, models.Model):
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama"), max_length=150)
    label_en = models.CharField(_("nama (bahasa Inggris)"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kelompok sasaran")
        verbose_name_plural = _("kelompok sasaran")
        ordering = ["order", "code"]

    def __str__(self):
        return self.display_label


class Topic(LabelInLanguage, models.Model):
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama"), max_length=150)
    label_en = models.CharField(_("nama (bahasa Inggris)"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("topik")
        verbose_name_plural = _("topik")
        ordering = ["order", "code"]

    def __str__(self):
        return self.display_label


class Question(models.Model):
    """A multiple-choice question of the bank, Indonesian first, with the explanation shown after answering."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("topik"), on_delete=models.PROTECT, related_name="questions"
    )
    text = models.TextField(_("pertanyaan"))
    text_en = models.TextField(_("pertanyaan (Inggris)"), blank=True)
    explanation = models.TextField(_("penjelasan"))
    explanation_en = models.TextField(_("penjelasan (Inggris)"), blank=True)
    source = models.CharField(_("sumber/rujukan"), max_length=300, blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("soal")
        verbose_name_plural = _("bank soal")
        ordering = ["order", "id"]

    def __str__(self):
        return self.text[:80]

    @property
    def display_text(self) -> str:
        """The question in the page's language (English when `text_en` is filled in)."""
        return in_language(self.text, self.text_en)

    @property
    def display_explanation(self) -> str:
        return in_language(self.explanation, self.explanation_en)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("pilihan"), max_length=300)
    text_en = models.CharField(_("pilihan (Inggris)"), max_length=300, blank=True)
    is_correct = models.BooleanField(_("benar"), default=False)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("pilihan jawaban")
        verbose_name_plural = _("pilihan jawaban")
        ordering = ["order", "id"]

    def __str__(self):
        return self.text

    @property
    def display_text(self) -> str:
        return in_language(self.text, self.text_en)


class QuizTemplate(models.Model):
    """A fixed set of questions used as both pre-test and post-test, so the two scores are comparable."""

    name = models.CharField(_("nama"), max_length=150, unique=True)
    questions = models.ManyToManyField(Question, verbose_name=_("soal"), related_name="templates")
    is_default = models.BooleanField(_("bawaan untuk kegiatan baru"), default=False)

    class Meta:
        verbose_name = _("templat kuis")
        verbose_name_plural = _("templat kuis")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Event(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("direncanakan")
        HELD = "held", _("terlaksana")
        REPORTED = "reported", _("dilaporkan")

    title = models.CharField(_("judul"), max_length=200)
    village = models.ForeignKey(
        "regions.Village", verbose_name=_("desa/kelurahan"), on_delete=models.PROTECT, related_name="+"
    )
    # Set when the village is a desa binaan, so the program's workspace can list its events.
    desa_binaan = models.ForeignKey(
        "program.DesaBinaan",
        verbose_name=_("desa binaan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    # The office serving the village when the event was planned: its calendar feed lists the event.
    kanim = models.ForeignKey(
        "offices.Kanim",
        verbose_name=_("kantor imigrasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    venue = models.CharField(
        _("tempat"), max_length=200, blank=True, help_text=_("Misalnya balai desa atau nama sekolah.")
    )
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    target_groups = models.ManyToManyField(TargetGroup, verbose_name=_("kelompok sasaran"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topik"), blank=True)
    speakers = models.TextField(
        _("narasumber"),
        blank=True,
        help_text=_("Satu nama/jabatan per baris."),
        validators=[free_text_max_length],
    )
    partner_agencies = models.ManyToManyField(
        "offices.PartnerAgency", verbose_name=_("instansi mitra"), blank=True, related_name="events"
    )
    planned_attendance = models.PositiveIntegerField(_("target peserta"), default=0)
    # Counted heads (a paper count can exceed the named attendance rows).
    actual_attendance = models.PositiveIntegerField(_("jumlah peserta hadir"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    report = models.TextField(_("laporan singkat"), blank=True, validators=[free_text_max_length])
    reported_at = models.DateTimeField(_("dilaporkan pada"), null=True, blank=True)
    quiz_template = models.ForeignKey(
        QuizTemplate, verbose_name=_("kuis pra/pasca"), null=True, blank=True, on_delete=models.SET_NULL
    )
    checkin_code = models.CharField(max_length=12, unique=True, default=_checkin_code, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("kegiatan sosialisasi")
        verbose_name_plural = _("kegiatan sosialisasi")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
        ]
        indexes = [models.Index(fields=["village", "starts_at"], name="event_village_start_idx")]

    def __str__(self):
        return self.title

    def checkin_open(self, now=None) -> bool:
        """Self check-in and the phone quiz accept answers from an hour before the start until the end."""
        now = now or timezone.now()
        return self.starts_at - CHECKIN_EARLY <= now < self.ends_at


CHECKIN_EARLY = dt.timedelta(hours=1)


class EventFile(models.Model):
    class Kind(models.TextChoices):
        MATERIAL = "material", _("materi")
        PHOTO = "photo", _("foto")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("berkas"), upload_to=_private_path, max_length=200)
    original_name = models.CharField(_("nama berkas"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("ukuran"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("berkas kegiatan")
        verbose_name_plural = _("berkas kegiatan")
        ordering = ["kind", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class Attendance(models.Model):
    class Source(models.TextChoices):
        FORM = "form", _("formulir petugas")
        OFFLINE = "offline", _("formulir luring")
        API = "api", _("API")
        IMPORT = "import", _("impor Excel")
        SELF = "self", _("daftar mandiri (QR)")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="attendances")
    target_group = models.ForeignKey(
        TargetGroup, verbose_name=_("kelompok sasaran"), null=True, blank=True, on_delete=models.PROTECT
    )
    # Generated by the capturing device (crypto.randomUUID); a retried sync sends the same id and gets the same row.
    client_id = models.UUIDField(default=uuid.uuid4)
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices, default=Source.FORM)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="unique_attendance_per_person"),
            models.UniqueConstraint(fields=["event", "client_id"], name="unique_attendance_client_id"),
        ]

    def __str__(self):
        return f"{self.event_id}:{self.person_id}"


class QuizResponse(models.Model):
    """One filled-in pre- or post-test: from an attendee's phone or typed from paper by an officer."""

    class Phase(models.TextChoices):
        PRE = "pre", _("pra-tes")
        POST = "post", _("pasca-tes")

    class Source(models.TextChoices):
        PHONE = "phone", _("ponsel peserta")
        PAPER = "paper", _("kertas (diisi petugas)")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="quiz_responses")
    phase = models.CharField(_("tahap"), max_length=4, choices=Phase.choices)
    # Known when the answers are tied to a named attendee; phone answers may stay anonymous.
    attendance = models.ForeignKey(
        Attendance, null=True, blank=True, on_delete=models.SET_NULL, related_name="quiz_responses"
    )
    source = models.CharField(_("sumber"), max_length=5, choices=Source.choices)
    score = models.PositiveSmallIntegerField(_("benar"))
    total = models.PositiveSmallIntegerField(_("jumlah soal"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jawaban kuis")
        verbose_name_plural = _("jawaban kuis")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "phase", "attendance"],
                condition=Q(attendance__isnull=False),
                name="one_quiz_response_per_attendee_phase",
            ),
            models.CheckConstraint(condition=Q(score__lte=F("total")), name="quiz_score_within_total"),
        ]

    def __str__(self):
        return f"{self.event_id} {self.phase} {self.score}/{self.total}"

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.total if self.total else 0.0


class QuizAnswer(models.Model):
    response = models.ForeignKey(QuizResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    choice = models.ForeignKey(Choice, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    is_correct = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question"),
        ]

    def __str__(self):
        return f"{self.response_id}:{self.question_id}"


class RouteStep(models.Model):
    """One step of the legal route to work abroad, or one placement-cost rule: who does it, what it costs, and the
    source. Rows are data (docs/rules.md §4), edited in the admin; a change is a new row with a new effective date.
    """

    class Kind(models.TextChoices):
        STEP = "step", _("langkah jalur resmi")
        COST = "cost", _("aturan biaya penempatan")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.STEP)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    title = models.CharField(_("judul"), max_length=200)
    who = models.CharField(_("siapa yang mengurus"), max_length=300)
    cost = models.CharField(_("biaya"), max_length=300)
    detail = models.TextField(_("penjelasan"), blank=True)
    citation = models.TextField(_("dasar hukum / sumber"))
    effective_from = models.DateField(_("berlaku sejak"))
    effective_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    # Officers only (admin): a source was found but not the official text. Never shown on the public page.
    to_confirm = models.BooleanField(_("perlu dikonfirmasi kantor"), default=False)
    officer_note = models.TextField(_("catatan untuk petugas"), blank=True)

    class Meta:
        verbose_name = _("langkah jalur resmi PMI")
        verbose_name_plural = _("jalur resmi PMI dan biaya penempatan")
        ordering = ["kind", "order", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=F("effective_from")),
                name="route_step_period_order",
            )
        ]

    def __str__(self):
        return self.title


class OfficeCalendar(models.Model):
    """The secret in an office's iCalendar feed URL: calendar apps cannot log in, so the URL is the key."""

    kanim = models.OneToOneField("offices.Kanim", on_delete=models.CASCADE, related_name="event_calendar")
    token = models.CharField(max_length=64, unique=True, default=_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kalender kantor")
        verbose_name_plural = _("kalender kantor")

    def __str__(self):
        return str(self.kanim)


class RateBucket(models.Model):
    """Requests counted per key (e.g. "checkin:<hmac of the IP>") in fixed windows; shared by every server process."""

    key = models.CharField(max_length=100)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="unique_rate_bucket")]

    def __str__(self):
        return f"{self.key} {self.window_start:%H:%M} {self.count}"
