"""Forms of the events app. Validation of the data itself lives in the services; forms parse input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from desabinaan.core import uploads
from desabinaan.core.forms import FormSections, ReadableEmptyChoices
from desabinaan.core.validators import FreeTextField
from desabinaan.offices.models import PartnerAgency
from desabinaan.people.models import Sex
from desabinaan.regions.forms import VillageField

from . import validation as v
from .models import EventFile, QuizTemplate, TargetGroup, Topic

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EventForm(FormSections, ReadableEmptyChoices, forms.Form):
    sections = (
        (_("Kegiatan"), ("title", "village", "venue", "starts_at", "ends_at")),
        (
            _("Peserta dan materi"),
            ("target_groups", "planned_attendance", "topics", "speakers", "partner_agencies"),
        ),
        (_("Kuis"), ("quiz_template",)),
    )

    title = forms.CharField(label=_("Judul kegiatan"), max_length=200)
    village = VillageField(label=_("Desa/kelurahan"))
    venue = forms.CharField(
        label=_("Tempat"),
        max_length=200,
        required=False,
        help_text=_("Misalnya balai desa atau nama sekolah."),
    )
    starts_at = forms.DateTimeField(label=_("Mulai"), input_formats=DATETIME_FORMATS, widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Selesai"), input_formats=DATETIME_FORMATS, widget=DateTimeInput())
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Kelompok sasaran"),
        queryset=TargetGroup.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topik"),
        queryset=Topic.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    speakers = FreeTextField(
        label=_("Narasumber"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu nama/jabatan per baris."),
    )
    partner_agencies = forms.ModelMultipleChoiceField(
        label=_("Instansi mitra"),
        queryset=PartnerAgency.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    planned_attendance = forms.IntegerField(label=_("Target jumlah peserta"), min_value=0, initial=0)
    quiz_template = forms.ModelChoiceField(
        label=_("Kuis pra/pasca"), queryset=QuizTemplate.objects.all(), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", v.EVENT_ENDS_BEFORE_START)
        return data


class AttendanceForm(ReadableEmptyChoices, forms.Form):
    name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_year = forms.IntegerField(label=_("Tahun lahir"), min_value=1900, max_value=2100, required=False)
    birth_date = forms.DateField(
        label=_("atau tanggal lahir"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    village = VillageField(label=_("Desa/kelurahan asal"))
    # Option values are codes: the offline queue sends them to the API as they are.
    target_group = forms.ModelChoiceField(
        label=_("Kelompok sasaran"),
        queryset=TargetGroup.objects.filter(active=True),
        to_field_name="code",
        required=False,
    )
    nik = forms.CharField(
        label=_("NIK (tidak wajib)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(label=_("Nomor telepon (tidak wajib)"), max_length=20, required=False)
    guardian_name = forms.CharField(
        label=_("Nama orang tua/wali (bila di bawah 18 tahun)"), max_length=150, required=False
    )
    guardian_relation = forms.CharField(label=_("Hubungan wali"), max_length=50, required=False)
    consent = forms.BooleanField(label=v.CONSENT_PURPOSE_TEXT, required=True)


class ReportForm(forms.Form):
    report = FreeTextField(label=_("Laporan singkat"), widget=forms.Textarea(attrs={"rows": 6}))
    actual_attendance = forms.IntegerField(label=_("Jumlah peserta hadir"), min_value=0, required=False)


class HeldForm(forms.Form):
    actual_attendance = forms.IntegerField(
        label=_("Jumlah peserta hadir (kosongkan untuk memakai daftar hadir)"), min_value=0, required=False
    )


class FileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=EventFile.Kind.choices)
    file = forms.FileField(label=_("Berkas"))


# A typed sign-in sheet of thousands of rows is well under 1 MB.
IMPORT_MAX_BYTES = 5 * uploads.MB


class ImportForm(forms.Form):
    file = uploads.LimitedFileField(label=_("Berkas daftar hadir (.xlsx)"), max_bytes=IMPORT_MAX_BYTES)


def quiz_form_class(questions, *, with_attendee_choices=None):
    """A form with one radio group per question (field name q<id>); optionally an attendee select."""
    fields = {}
    if with_attendee_choices is not None:
        fields["attendance"] = forms.ChoiceField(
            label=_("Peserta (tidak wajib)"), choices=[("", "—"), *with_attendee_choices], required=False
        )
    for number, question in enumerate(questions, start=1):
        fields[f"q{question.pk}"] = forms.TypedChoiceField(
            label=f"{number}. {question.display_text}",
            choices=[(c.pk, c.display_text) for c in question.choices.all()],
            coerce=int,
            widget=forms.RadioSelect,
            required=False,
        )
    return type("QuizForm", (forms.Form,), fields)


def answers_from(form, questions) -> dict[int, int | None]:
    return {q.pk: form.cleaned_data.get(f"q{q.pk}") or None for q in questions}


def attendance_kwargs(data) -> dict:
    """The `attendance_record` arguments from a valid AttendanceForm (officer's phone form and self check-in)."""
    return {
        "name": data["name"],
        "sex": data["sex"],
        "birth_year": data.get("birth_year"),
        "birth_date": data.get("birth_date"),
        "nik": data.get("nik", ""),
        "village": data["village"],
        "target_group": data.get("target_group"),
        "phone": data.get("phone", ""),
        "consent": data["consent"],
        "guardian_name": data.get("guardian_name", ""),
        "guardian_relation": data.get("guardian_relation", ""),
    }


class PickerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Cari orang terdaftar"),
        max_length=60,
        required=False,
        help_text=_("Nama, nomor telepon, atau NIK lengkap (16 angka)."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "autofocus": True}),
    )


class PickForm(ReadableEmptyChoices, forms.Form):
    """Add a registered person (chosen in the picker) to the attendance list."""

    person = forms.IntegerField(widget=forms.HiddenInput)
    target_group = forms.ModelChoiceField(
        label=_("Kelompok sasaran"),
        queryset=TargetGroup.objects.filter(active=True),
        to_field_name="code",
        required=False,
    )
    consent = forms.BooleanField(label=v.CONSENT_PURPOSE_TEXT, required=False)
    guardian_name = forms.CharField(
        label=_("Nama orang tua/wali (bila di bawah 18 tahun)"), max_length=150, required=False
    )
    guardian_relation = forms.CharField(label=_("Hubungan wali"), max_length=50, required=False)


class AttendanceEditForm(ReadableEmptyChoices, forms.Form):
    target_group = forms.ModelChoiceField(
        label=_("Kelompok sasaran"), queryset=TargetGroup.objects.filter(active=True), required=False
    )
