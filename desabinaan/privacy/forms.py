from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.core.forms import ReadableEmptyChoices
from desabinaan.regions.forms import VillageField

from .models import RequestKind

# What <input type="datetime-local"> sends and expects.
LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class DataRequestForm(ReadableEmptyChoices, forms.Form):
    kind = forms.ChoiceField(label=_("Jenis permintaan"), choices=[("", ""), *RequestKind.choices])
    received_at = forms.DateTimeField(
        label=_("Diterima"),
        initial=timezone.now,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
    )
    notes = forms.CharField(
        label=_("Catatan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    guardian_name = forms.CharField(
        label=_("Nama orang tua/wali"),
        required=False,
        max_length=150,
        help_text=_("Wajib bila orangnya belum 18 tahun."),
    )
    guardian_relation = forms.CharField(label=_("Hubungan wali"), required=False, max_length=50)


class VerifyForm(forms.Form):
    person = forms.IntegerField(label=_("Nomor data orang (dari halaman orang)"), min_value=1)
    verification_note = forms.CharField(
        label=_("Cara verifikasi"), max_length=300, help_text=_("Mis. e-KTP diperiksa di kantor desa.")
    )
    guardian_name = forms.CharField(
        label=_("Nama orang tua/wali (bila anak)"), required=False, max_length=150
    )


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Hasil atau alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    refused = forms.BooleanField(label=_("Permintaan ditolak"), required=False)


class CorrectionForm(forms.Form):
    name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    birth_date = forms.DateField(
        label=_("Tanggal lahir"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = forms.CharField(label=_("Nomor telepon"), required=False, max_length=20)
    version = forms.IntegerField(widget=forms.HiddenInput)


class PublicRequestForm(ReadableEmptyChoices, forms.Form):
    kind = forms.ChoiceField(label=_("Apa yang Anda minta?"), choices=[("", ""), *RequestKind.choices])
    village = VillageField(label=_("Desa/kelurahan tempat Anda akan datang untuk verifikasi"))
    requester_name = forms.CharField(label=_("Nama Anda"), max_length=150)
    requester_contact = forms.CharField(
        label=_("Nomor telepon atau alamat untuk menghubungi Anda"), max_length=150
    )
    guardian_relation = forms.CharField(
        label=_("Bila Anda mengajukan untuk anak Anda: hubungan Anda dengan anak"),
        required=False,
        max_length=50,
    )
    notes = forms.CharField(
        label=_("Keterangan (tanpa NIK)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BreachForm(forms.Form):
    title = forms.CharField(label=_("Apa yang terjadi"), max_length=200)
    description = forms.CharField(
        label=_("Uraian"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    occurred_at = forms.DateTimeField(
        label=_("Terjadi"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
    )
    discovered_at = forms.DateTimeField(
        label=_("Diketahui"),
        initial=timezone.now,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
    )
    data_categories = forms.CharField(label=_("Data yang terdampak"), max_length=300)
    persons_estimate = forms.IntegerField(label=_("Perkiraan jumlah orang terdampak"), min_value=0, initial=0)
    actions = forms.CharField(
        label=_("Tindakan penanganan"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BreachPersonSearchForm(forms.Form):
    """Find an affected person in the officer's scope: words of the name, or a full NIK (sent by POST, looked up
    through the keyed hash, never kept in a URL)."""

    q = forms.CharField(label=_("Nama"), required=False, max_length=60)
    nik = forms.CharField(label=_("atau NIK (16 digit)"), required=False, max_length=16, min_length=16)

    def clean(self):
        data = super().clean()
        if not (data.get("q") or "").strip() and not data.get("nik"):
            raise forms.ValidationError(_("Isi nama atau NIK orang yang terdampak."))
        return data
