from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from desabinaan.core import uploads
from desabinaan.core.forms import FormSections, ReadableEmptyChoices
from desabinaan.core.validators import FreeTextField
from desabinaan.offices.models import Kanim, PartnerAgency
from desabinaan.regions.forms import VillageField
from desabinaan.regions.models import Province, Regency

from .models import Answer, Decision, Indicator, Referral, Report, TravelPurpose

INVOLVED_ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"


@dataclass(frozen=True)
class Step:
    """One section of the screening form: its fields; every other field travels along as a hidden input."""

    key: str
    title: str
    fields: tuple[str, ...]


TRAVEL_FIELDS = (
    "purpose",
    "destination_country",
    "job",
    "host_abroad",
    "sponsor_name",
    "sponsor_phone",
    "agency_name",
    "documents_seen",
)


class ScreeningForm(forms.Form):
    """The interview record, in steps: the journey, one step per indicator group, notes, then a summary to confirm.

    One yes/no/unknown question and an evidence note per indicator of the active set. The steps are one form posted
    again at each step (works without JavaScript); an unanswered question is "unknown".
    """

    purpose = forms.ChoiceField(label=_("Tujuan perjalanan yang dinyatakan"), choices=TravelPurpose.choices)
    destination_country = forms.CharField(label=_("Negara tujuan"), max_length=100)
    job = forms.CharField(label=_("Pekerjaan di luar negeri (bila ada)"), max_length=200, required=False)
    host_abroad = forms.CharField(
        label=_("Penjamin / tuan rumah di luar negeri"), max_length=300, required=False
    )
    sponsor_name = forms.CharField(
        label=_("Nama sponsor / perantara yang membantu"), max_length=150, required=False
    )
    sponsor_phone = forms.CharField(label=_("Telepon sponsor"), max_length=30, required=False)
    agency_name = forms.CharField(label=_("Perusahaan / LPK yang membantu"), max_length=250, required=False)
    documents_seen = FreeTextField(
        label=_("Dokumen yang diperiksa"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = FreeTextField(
        label=_("Catatan wawancara"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, indicators: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            self.fields[f"a_{indicator.code}"] = forms.ChoiceField(
                label=indicator.display_label,
                choices=Answer.choices,
                initial=Answer.UNKNOWN,
                required=False,
                widget=forms.RadioSelect,
                help_text=indicator.citation,
            )
            self.fields[f"e_{indicator.code}"] = forms.CharField(
                label=_("Bukti / catatan"), max_length=500, required=False
            )

    def steps(self) -> list[Step]:
        groups: dict[str, list[str]] = {}
        for indicator in self.indicators:
            groups.setdefault(indicator.group, []).extend([f"a_{indicator.code}", f"e_{indicator.code}"])
        return [
            Step("journey", str(_("Perjalanan dan pihak yang membantu")), TRAVEL_FIELDS),
            *(
                Step(group, str(Indicator.Group(group).label), tuple(names))
                for group, names in groups.items()
            ),
            Step("notes", str(_("Catatan wawancara")), ("notes",)),
            Step("summary", str(_("Ringkasan sebelum menyimpan")), ()),
        ]

    def first_error_step(self) -> int | None:
        """The first step holding a field with an error (the form is bound and validated)."""
        for n, step in enumerate(self.steps()):
            if any(name in self.errors for name in step.fields):
                return n
        return None

    def rows(self, step: Step):
        """(answer field, evidence field, indicator) of a group step, in checklist order."""
        by_code = {i.code: i for i in self.indicators}
        return [
            (self[name], self[f"e_{name[2:]}"], by_code[name[2:]])
            for name in step.fields
            if name.startswith("a_")
        ]

    def carried(self, step: Step) -> list[tuple[str, str]]:
        """The other steps' values, sent again as hidden inputs so nothing typed is lost between steps."""
        if not self.is_bound:
            return []
        return [
            (name, self.data.get(name, ""))
            for name in self.fields
            if name not in step.fields and self.data.get(name, "")
        ]

    def summary(self) -> dict:
        """What the officer confirms before saving: the journey with labels, and every answer given as Yes."""
        data = self.cleaned_data
        journey = [
            (self.fields[name].label, dict(TravelPurpose.choices).get(data[name], data[name]))
            for name in TRAVEL_FIELDS
            if data.get(name)
        ]
        answers = self.answers()
        yes = [(i, data.get(f"e_{i.code}", "")) for i in self.indicators if answers[i.code] == Answer.YES]
        no = sum(1 for a in answers.values() if a == Answer.NO)
        return {"journey": journey, "yes": yes, "no": no, "unknown": len(answers) - len(yes) - no}

    def answers(self) -> dict[str, str]:
        return {i.code: self.cleaned_data.get(f"a_{i.code}") or Answer.UNKNOWN for i in self.indicators}

    def evidence(self) -> dict[str, str]:
        return {i.code: self.cleaned_data.get(f"e_{i.code}", "") for i in self.indicators}

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in (*TRAVEL_FIELDS, "notes")}


class DecisionForm(forms.Form):
    # Radio buttons with nothing chosen: the officer picks the decision; the page never preselects one.
    kind = forms.ChoiceField(label=_("Keputusan"), choices=Decision.Kind.choices, widget=forms.RadioSelect)
    rationale = FreeTextField(label=_("Alasan (wajib)"), widget=forms.Textarea(attrs={"rows": 4}))
    pending_documents = FreeTextField(
        label=_("Dokumen yang harus dilengkapi (untuk penundaan)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    legal_basis = forms.CharField(
        label=_("Dasar hukum (untuk penolakan/penangguhan)"), max_length=300, required=False
    )


class ReferralForm(FormSections, ReadableEmptyChoices, forms.Form):
    sections = (
        (_("Dirujuk ke"), ("to_village", "agency")),
        (_("Permintaan"), ("action", "reason", "due_on")),
    )

    to_village = forms.BooleanField(
        label=_("Rujuk ke desa asal (PIMPASA dan perangkat desa)"), required=False
    )
    agency = forms.ModelChoiceField(
        label=_("Rujuk ke instansi mitra"), queryset=PartnerAgency.objects.order_by("name"), required=False
    )
    action = forms.ChoiceField(label=_("Tindakan yang diminta"), choices=Referral.Action.choices)
    reason = FreeTextField(
        label=_("Alasan rujukan (terlihat oleh penerima)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Jangan menyalin jawaban wawancara: desa dan instansi hanya melihat rujukan ini."),
    )
    due_on = forms.DateField(label=_("Tenggat (kosong = bawaan)"), required=False, widget=DateInput)

    def __init__(self, *args, allow_village: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_village:
            del self.fields["to_village"]

    def clean(self):
        data = super().clean()
        if not data.get("to_village") and not data.get("agency"):
            raise forms.ValidationError(_("Pilih desa asal dan/atau instansi mitra."))
        return data


class ReferralStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Referral.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Hasil (wajib saat selesai)"), choices=[("", "—"), *Referral.Outcome.choices], required=False
    )
    outcome_note = FreeTextField(
        label=_("Catatan hasil"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, allow_victim: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # The village never records "identified as a victim" (UU 21/2007 Art. 44): the office or the agency does.
        if not allow_victim:
            self.fields["outcome"].choices = [
                c for c in self.fields["outcome"].choices if c[0] != Referral.Outcome.VICTIM
            ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ReportForm(FormSections, forms.Form):
    """The public report on a phone: what happened, where, who was involved (rows), then evidence and contact."""

    sections = (
        (_("Apa yang terjadi"), ("category", "description", "occurred_on", "agency_name")),
        (_("Di mana"), ("village", "regency", "province")),
    )

    category = forms.ChoiceField(label=_("Apa yang ingin dilaporkan?"), choices=Report.Category.choices)
    description = FreeTextField(
        label=_("Apa yang terjadi?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Tawaran apa, janji apa, berapa biaya yang diminta, ke negara mana."),
    )
    village = VillageField(
        label=_("Di desa/kelurahan mana? (opsional)"),
        required=False,
        help_text=_("Tidak tahu desanya? Cukup pilih kabupaten/kota atau provinsi di bawah, atau kosongkan."),
    )
    regency = forms.ChoiceField(label=_("Kabupaten/kota (opsional)"), required=False)
    province = forms.ModelChoiceField(
        label=_("Provinsi (opsional)"),
        queryset=Province.objects.order_by("name"),
        required=False,
        empty_label="—",
    )
    occurred_on = forms.DateField(label=_("Kapan? (opsional)"), required=False, widget=DateInput)
    agency_name = forms.CharField(
        label=_("Nama perusahaan / LPK yang disebut (opsional)"), max_length=250, required=False
    )
    files = MultipleFileField(
        label=_("Foto atau tangkapan layar (opsional)"),
        required=False,
        help_text=_(
            "Gambar (JPEG, PNG, WebP) atau PDF, paling banyak 3 berkas @ 5 MB. Data lokasi di foto dihapus."
        ),
    )
    callback_contact = forms.CharField(
        label=_("Kontak bila Anda ingin dihubungi (opsional)"),
        max_length=200,
        required=False,
        help_text=_(
            "Boleh dikosongkan. Tanpa kontak pun Anda dapat membaca balasan dengan kode dan frasa sandi."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Regencies grouped by province in one plain select: works without JavaScript and with screen readers.
        groups: dict[str, list[tuple[str, str]]] = {}
        for code, name, province in Regency.objects.order_by("province__name", "name").values_list(
            "code", "name", "province__name"
        ):
            groups.setdefault(province, []).append((code, name))
        self.fields["regency"].choices = [("", "—"), *groups.items()]
        for i in range(INVOLVED_ROWS):
            n = i + 1
            self.fields[f"involved_{i}_name"] = forms.CharField(
                label=_("Nama orang %(n)s") % {"n": n}, max_length=150, required=False
            )
            self.fields[f"involved_{i}_phone"] = forms.CharField(
                label=_("Telepon orang %(n)s") % {"n": n}, max_length=30, required=False
            )
            self.fields[f"involved_{i}_account"] = forms.CharField(
                label=_("Akun media sosial orang %(n)s") % {"n": n}, max_length=150, required=False
            )

    def clean_regency(self):
        code = self.cleaned_data["regency"]
        return Regency.objects.select_related("province").get(code=code) if code else None

    def involved_rows(self):
        return [
            (self[f"involved_{i}_name"], self[f"involved_{i}_phone"], self[f"involved_{i}_account"])
            for i in range(INVOLVED_ROWS)
        ]

    def involved(self) -> list[dict]:
        return [
            {k: self.cleaned_data[f"involved_{i}_{k}"] for k in ("name", "phone", "account")}
            for i in range(INVOLVED_ROWS)
        ]

    def main_fields(self):
        return [field for _legend, fields in self.main_sections() for field in fields]

    def main_sections(self):
        """The named sections only; the people involved, files and contact follow in the template."""
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]


class StatusForm(forms.Form):
    receipt_code = forms.CharField(label=_("Kode tanda terima"), max_length=40)
    passphrase = forms.CharField(
        label=_("Frasa sandi"), max_length=100, widget=forms.PasswordInput(render_value=True)
    )


class AddInformationForm(forms.Form):
    """Sent from the status page; the code and passphrase travel again so each addition is re-checked."""

    receipt_code = forms.CharField(max_length=40, widget=forms.HiddenInput)
    passphrase = forms.CharField(max_length=100, widget=forms.HiddenInput)
    body = FreeTextField(label=_("Informasi tambahan"), widget=forms.Textarea(attrs={"rows": 4}))
    files = MultipleFileField(label=_("Lampiran (opsional)"), required=False)


class TriageForm(ReadableEmptyChoices, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["category", "priority", "status"]


class AssignForm(ReadableEmptyChoices, forms.Form):
    """Triage: which Kanim owns the report. Sent twice: first to choose, then with `confirm` from the confirmation."""

    kanim = forms.ModelChoiceField(label=_("Tugaskan ke kantor imigrasi"), queryset=Kanim.objects.none())
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kanims, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kanim"].queryset = kanims


class ReplyForm(forms.Form):
    body = FreeTextField(label=_("Balasan kepada pelapor"), widget=forms.Textarea(attrs={"rows": 3}))


class AgencyImportForm(forms.Form):
    # Read whole into memory by the view: a national P3MI list is a few hundred KB.
    file = uploads.LimitedFileField(label=_("Berkas CSV daftar P3MI"), max_bytes=5 * uploads.MB)
