"""The public guide's question form: a plain GET form whose query string is the shareable link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from desabinaan.regions.forms import VillageField

from .models import Case, Purpose

YES_NO_ELECTRONIC = [("1", _("Paspor elektronik (e-paspor)")), ("0", _("Paspor biasa non-elektronik"))]
VALIDITY = [("5", _("5 tahun")), ("10", _("10 tahun"))]

# The answers that make up a guide; the same names as the API fields, so a link and an API call read alike.
ANSWER_FIELDS = (
    "purpose",
    "case",
    "force_majeure",
    "birth_date",
    "married",
    "electronic",
    "validity_years",
    "same_day",
    "migrant_worker_first",
    "on",
)


class GuideForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("1. Untuk apa paspor ini?"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    case = forms.ChoiceField(
        label=_("2. Paspor pertama atau penggantian?"), choices=Case.choices, widget=forms.RadioSelect
    )
    force_majeure = forms.BooleanField(
        label=_("Paspor hilang atau rusak karena bencana (keadaan kahar)"),
        required=False,
        help_text=_(
            "Hanya untuk paspor yang hilang atau rusak. Perlu surat keterangan dari instansi berwenang."
        ),
    )
    birth_date = forms.DateField(
        label=_("3. Tanggal lahir pemohon"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Hanya untuk menghitung usia pada tanggal permohonan; tidak disimpan."),
    )
    married = forms.BooleanField(label=_("Pemohon sudah menikah (atau pernah menikah)"), required=False)
    electronic = forms.TypedChoiceField(
        label=_("4. Jenis paspor"),
        choices=YES_NO_ELECTRONIC,
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
    validity_years = forms.TypedChoiceField(
        label=_("5. Masa berlaku yang diinginkan"),
        choices=VALIDITY,
        coerce=int,
        widget=forms.RadioSelect,
        initial="10",
    )
    same_day = forms.BooleanField(
        label=_("6. Layanan percepatan (paspor selesai hari yang sama)"), required=False
    )
    migrant_worker_first = forms.BooleanField(
        label=_("Calon pekerja migran, paspor pertama (24 halaman, 5 tahun, tanpa biaya)"),
        required=False,
        help_text=_("Permenkumham 9/2020; hanya melalui jalur resmi dan dengan rekomendasi Disnaker."),
    )
    on = forms.DateField(
        label=_("Tanggal rencana permohonan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Kosongkan untuk hari ini. Tarif mengikuti aturan yang berlaku pada tanggal ini."),
    )
    village = VillageField(
        label=_("7. Desa/kelurahan tempat tinggal (tidak wajib)"),
        required=False,
        help_text=_("Untuk menampilkan kantor imigrasi yang melayani desa Anda."),
    )
