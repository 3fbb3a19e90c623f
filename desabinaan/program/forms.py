from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.core.forms import ReadableEmptyChoices
from desabinaan.core.validators import FreeTextField
from desabinaan.regions.forms import VillageField, VillageWidget

from .files import validate_attachment, validate_pdf
from .models import Activity, DesaBinaan, EvaluationIndicator, Question, SelectionCriterion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VILLAGE_OUT_OF_SCOPE = _("Pilih desa/kelurahan di wilayah kerja kantor Anda.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        for upload in cleaned:
            validate_attachment(upload)
        return cleaned


class WorkingAreaVillageWidget(VillageWidget):
    """The village autocomplete asking the program's scoped suggestions: only villages in the user's working area."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_url"] = reverse("program:village_suggest")
        return context


class ProposalForm(forms.Form):
    """Village + one checkbox and one evidence box per active criterion (built from the configurable list)."""

    village = VillageField(
        label=_("Desa/kelurahan"),
        widget=WorkingAreaVillageWidget,
        help_text=_("Hanya desa/kelurahan di wilayah kerja kantor Anda yang disarankan."),
    )
    notes = FreeTextField(label=_("Catatan usulan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.criteria = list(SelectionCriterion.objects.filter(active=True))
        for c in self.criteria:
            self.fields[f"c_{c.code}"] = forms.BooleanField(label=c.display_label, required=False)
            self.fields[f"e_{c.code}"] = FreeTextField(
                label=_("Bukti/keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def criterion_rows(self):
        return [(c, self[f"c_{c.code}"], self[f"e_{c.code}"]) for c in self.criteria]

    def clean_village(self):
        village = self.cleaned_data["village"]
        if village is not None and not scope_for(self.user).contains_village(village):
            raise forms.ValidationError(VILLAGE_OUT_OF_SCOPE)
        return village

    def ticked(self) -> dict[str, str]:
        return {
            c.code: self.cleaned_data.get(f"e_{c.code}", "")
            for c in self.criteria
            if self.cleaned_data.get(f"c_{c.code}")
        }


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("Status baru"), choices=DesaBinaan.Status.choices)
    reason = FreeTextField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))
    sk_number = forms.CharField(label=_("Nomor SK"), required=False, max_length=200)
    sk_date = forms.DateField(label=_("Tanggal SK"), required=False, widget=DATE)
    sk_issuer = forms.ChoiceField(
        label=_("Penerbit SK"), choices=DesaBinaan.IssuingOffice.choices, required=False
    )
    sk_file = forms.FileField(
        label=_("SK yang sudah ditandatangani (PDF, maks. 10 MB)"), required=False, validators=[validate_pdf]
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(v, label) for v, label in DesaBinaan.Status.choices if v in allowed]


class SkFileForm(forms.Form):
    sk_file = forms.FileField(
        label=_("SK yang sudah ditandatangani (PDF, maks. 10 MB)"), validators=[validate_pdf]
    )


class PimpasaForm(ReadableEmptyChoices, forms.Form):
    officer = forms.ModelChoiceField(label=_("Petugas"), queryset=None)
    valid_from = forms.DateField(label=_("Sejak"), widget=DATE)
    decree_number = forms.CharField(
        label=_("Nomor SK penunjukan PIMPASA"),
        max_length=150,
        help_text=_("Nomor surat keputusan kepala kantor yang menunjuk petugas ini."),
    )

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["officer"].label_from_instance = lambda u: u.get_full_name() or u.username


class LiaisonForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    first_name = forms.CharField(label=_("Nama depan"), max_length=150)
    last_name = forms.CharField(label=_("Nama belakang"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=20, required=False)
    send_reset_email = forms.BooleanField(
        label=_("Kirim tautan pembuatan kata sandi ke email (bukan kata sandi awal)"), required=False
    )


class PublicContactForm(forms.Form):
    public_contact = forms.CharField(
        label=_("Kontak yang boleh dipublikasikan"),
        max_length=200,
        required=False,
        help_text=_("Misalnya nama jabatan dan nomor telepon kantor desa."),
    )
    public_contact_consent = forms.BooleanField(
        label=_("Penghubung desa sudah menyetujui kontak ini ditampilkan di direktori publik"), required=False
    )


class ActivityForm(ReadableEmptyChoices, forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Lampiran (gambar atau PDF, maks. 10 MB per berkas)"), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = ["kind", "date", "place", "participants", "notes"]
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"notes": FreeTextField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The log records what was done: the date picker offers no future day (the model refuses one anyway).
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()


class QuestionForm(ReadableEmptyChoices, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["topic", "text", "asked_on"]
        widgets = {"asked_on": DATE, "text": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"text": FreeTextField}
        help_texts = {"text": _("Tulis pertanyaannya saja; nama atau data pribadi penanya tidak diperlukan.")}


class AnswerForm(forms.Form):
    answer = FreeTextField(label=_("Jawaban"), widget=forms.Textarea(attrs={"rows": 4}))


class ForeignerNoteForm(forms.Form):
    nationality = forms.CharField(label=_("Kewarganegaraan"), max_length=100)
    purpose = forms.CharField(label=_("Keperluan"), max_length=200)
    place = forms.CharField(label=_("Tempat"), max_length=200)
    seen_on = forms.DateField(label=_("Tanggal"), widget=DATE)
    notes = FreeTextField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class EvaluationForm(forms.Form):
    """One number per manual indicator; blank means not known (stored as unavailable, not zero)."""

    notes = FreeTextField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(
            EvaluationIndicator.objects.filter(active=True, source=EvaluationIndicator.Source.MANUAL)
        )
        for ind in self.indicators:
            self.fields[f"i_{ind.code}"] = forms.DecimalField(
                label=ind.label, required=False, min_value=0, max_digits=12, decimal_places=2
            )

    def manual_values(self) -> dict:
        return {ind.code: self.cleaned_data.get(f"i_{ind.code}") for ind in self.indicators}
