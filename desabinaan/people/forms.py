from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.core.forms import FormSections
from desabinaan.regions.forms import VillageField

from . import validation as v
from .models import LawfulBasis, Purpose, Sex

# The text read out (or shown) to the person for each purpose; recorded with the consent as it was shown.
PURPOSE_TEXTS = {
    Purpose.EDUCATION: _(
        "Nama, tanggal lahir, jenis kelamin, desa asal dan nomor telepon Anda dicatat oleh Kantor Imigrasi untuk "
        "mengundang Anda ke kegiatan sosialisasi Desa Binaan Imigrasi dan mencatat kehadiran Anda. Data tidak "
        "dibagikan ke pihak lain dan dapat Anda minta untuk dilihat, diperbaiki atau dihapus."
    ),
    Purpose.PASSPORT: _(
        "Data diri Anda termasuk NIK dicatat oleh Kantor Imigrasi untuk membantu pengajuan paspor Anda "
        "(misalnya layanan Eazy Passport). Data hanya dipakai untuk keperluan itu dan dapat Anda minta untuk "
        "dilihat, diperbaiki atau dihapus."
    ),
    Purpose.PROTECTION: _(
        "Data diri Anda dicatat oleh Kantor Imigrasi untuk menangani laporan atau kasus yang menyangkut "
        "perlindungan Anda dari perdagangan orang atau penempatan pekerja migran nonprosedural. Data dibagikan "
        "hanya kepada instansi yang berwenang menangani kasus tersebut."
    ),
}

NIK_HELP = _("16 angka. Boleh dikosongkan bila orang ini tidak membawa KTP/KK.")


class PersonForm(FormSections, forms.Form):
    sections = (
        (_("Identitas"), ("name", "nik", "birth_date", "birth_year", "sex")),
        (_("Asal dan kontak"), ("village", "phone")),
    )

    name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    nik = forms.CharField(
        label=_("NIK"),
        required=False,
        max_length=24,
        help_text=NIK_HELP,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_date = forms.DateField(
        label=_("Tanggal lahir"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    birth_year = forms.IntegerField(
        label=_("Tahun lahir"),
        required=False,
        min_value=1900,
        help_text=_("Isi bila hanya tahun lahir yang diketahui."),
    )
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices, widget=forms.RadioSelect)
    village = VillageField(label=_("Desa/kelurahan asal"))
    phone = forms.CharField(label=_("Nomor telepon"), required=False, max_length=20)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope_for(user)
        self.fields["birth_year"].max_value = timezone.localdate().year
        if self.scope.village_codes and len(self.scope.village_codes) == 1:
            # A liaison registers people of their own village only; start with it filled in.
            self.fields["village"].initial = self.scope.village_codes[0]
            self.fields["village"].help_text = v.VILLAGE_OUT_OF_SCOPE

    def clean_village(self):
        village = self.cleaned_data["village"]
        if village is not None and not self.scope.contains_village(village):
            raise forms.ValidationError(v.VILLAGE_OUT_OF_SCOPE, code="out_of_scope")
        return village

    def clean_phone(self):
        return v.phone_clean(self.cleaned_data["phone"], field=None)

    def clean(self):
        data = super().clean()
        if not data.get("birth_date") and not data.get("birth_year") and "birth_date" not in self.errors:
            self.add_error("birth_date", v.BIRTH_REQUIRED)
        return data


class PersonEditForm(PersonForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nik"].help_text = _("Kosongkan untuk tetap memakai NIK yang tercatat ({mask}).").format(
            mask=person.nik_masked or "—"
        )


class NikSearchForm(forms.Form):
    nik = forms.CharField(
        label=_("Cari dengan NIK"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ConsentForm(FormSections, forms.Form):
    """Several purposes in one step. The lawful basis of each is preset (data, `LawfulBasisDefault`); only roles
    that may choose another basis get the `lawful_basis` field (the service refuses it from anyone else)."""

    sections = (
        (_("Persetujuan"), ("purposes", "lawful_basis", "purpose_text")),
        (_("Orang tua/wali (untuk orang di bawah 18 tahun)"), ("guardian_name", "guardian_relation")),
    )

    purposes = forms.MultipleChoiceField(
        label=_("Tujuan (boleh lebih dari satu)"),
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": v.PURPOSE_REQUIRED},
    )
    lawful_basis = forms.ChoiceField(
        label=_("Dasar pemrosesan (UU PDP Pasal 20)"),
        choices=[("", _("— bawaan tiap tujuan (tertera di atas) —")), *LawfulBasis.choices],
        required=False,
        help_text=_(
            "Ubah hanya bila kasus ini memakai dasar lain; berlaku untuk semua tujuan yang dicentang."
        ),
    )
    purpose_text = forms.CharField(
        label=_("Teks lain yang dibacakan/ditunjukkan (tidak wajib)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kosongkan untuk memakai teks baku tiap tujuan (tertera di atas). Teks lain hanya untuk satu tujuan."
        ),
    )
    guardian_name = forms.CharField(label=_("Nama orang tua/wali"), required=False, max_length=150)
    guardian_relation = forms.CharField(label=_("Hubungan dengan orang ini"), required=False, max_length=50)

    def __init__(self, *args, may_choose_basis: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_choose_basis:
            del self.fields["lawful_basis"]

    def clean(self):
        data = super().clean()
        if data.get("purpose_text") and len(data.get("purposes") or []) > 1:
            self.add_error("purpose_text", v.PURPOSE_TEXT_ONE_PURPOSE)
        return data

    def purpose_texts(self) -> dict[str, str]:
        """The text shown for each chosen purpose: the typed one, or the purpose's standard text."""
        typed = self.cleaned_data.get("purpose_text", "").strip()
        return {p: typed or str(PURPOSE_TEXTS[p]) for p in self.cleaned_data["purposes"]}


class MergeChooseForm(forms.Form):
    other = forms.IntegerField(
        label=_("Nomor data orang yang akan digabung ke data ini"),
        min_value=1,
        help_text=_("Nomor tertera di halaman detail orang itu (#123)."),
    )
