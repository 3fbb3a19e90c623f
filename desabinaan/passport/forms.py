"""Forms of the passport app: the public guide (a plain GET form whose query string is the shareable link),
the readiness check, and the collective request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.core.forms import FormSections
from desabinaan.core.validators import FreeTextField
from desabinaan.people.selectors import people_for_user
from desabinaan.protection.forms import INVOLVED_ROWS
from desabinaan.protection.models import Referral, Report, TravelPurpose
from desabinaan.regions.forms import VillageField
from lib.passport import rupiah
from lib.text import is_ascii_digits

from . import texts
from .models import (
    OUTCOME_STATUSES,
    Case,
    Country,
    JobType,
    Product,
    Purpose,
    ReadinessCheck,
    ReadinessStatus,
)
from .models.requests import PostponementCause
from .selectors import document_choices, warnings_out

VALIDITY = [("5", _("5 tahun")), ("10", _("10 tahun"))]
PRODUCT_REQUIRED = _("Pilih jenis paspor.")

# The answers that make up a guide; the same names as the API fields, so a link and an API call read alike.
ANSWER_FIELDS = (
    "purpose",
    "case",
    "force_majeure",
    "birth_date",
    "married",
    "product",
    "validity_years",
    "same_day",
    "on",
)
# Where the applicant applies: the village (the office serving it is filled in) or the office itself.
PLACE_FIELDS = ("village", "office")


class ProductField(forms.ChoiceField):
    """The radio lists the products the office issues that day; any known product is accepted, and the guide
    answers for one the office issues (with a warning) when it was not among them (an older link, a changed
    office)."""

    def valid_value(self, value):
        return value in Product.values


class GuideForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("1. Untuk apa paspor ini?"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    case = forms.ChoiceField(
        label=_("2. Paspor pertama atau penggantian?"), choices=Case.choices, widget=forms.RadioSelect
    )
    force_majeure = forms.BooleanField(
        label=_(
            "Paspor hilang atau rusak karena bencana atau kejadian di luar kemampuan Anda (keadaan kahar)"
        ),
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
    village = VillageField(
        label=_("4. Desa/kelurahan tempat tinggal"),
        required=False,
        help_text=_("Kantor imigrasi yang melayani desa Anda diisikan otomatis."),
    )
    office = forms.TypedChoiceField(
        label=_("Kantor imigrasi tujuan"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Jenis paspor dan biayanya mengikuti kantor ini pada tanggal permohonan."),
    )
    product = ProductField(
        label=_("5. Jenis paspor"),
        widget=forms.RadioSelect,
        error_messages={"required": PRODUCT_REQUIRED},
        help_text=_(
            "Hanya jenis paspor yang diterbitkan kantor imigrasi itu. Paspor tanpa biaya untuk calon pekerja migran: "
            "hanya paspor pertama untuk bekerja, 24 halaman, 5 tahun."
        ),
    )
    validity_years = forms.TypedChoiceField(
        label=_("6. Masa berlaku yang diinginkan"),
        choices=VALIDITY,
        coerce=int,
        widget=forms.RadioSelect,
        initial="10",
    )
    same_day = forms.BooleanField(
        label=_("7. Layanan percepatan (paspor selesai hari yang sama)"), required=False
    )
    on = forms.DateField(
        label=_("Tanggal rencana permohonan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Kosongkan untuk hari ini. Tarif mengikuti aturan yang berlaku pada tanggal ini."),
    )

    field_order = [
        "purpose",
        "case",
        "force_majeure",
        "birth_date",
        "married",
        "village",
        "office",
        "product",
        "validity_years",
        "same_day",
        "on",
    ]

    def __init__(self, *args, offices=(), products=None, **kwargs):
        """`offices`: (id, name) pairs; `products`: (code, label) pairs the office issues, None for all."""
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [("", _("— pilih kantor, atau isi desa —"))] + list(offices)
        self.fields["product"].choices = list(products) if products is not None else Product.choices


# ---------------------------------------------------------------------------------------------------------------
# Readiness check and collective request forms (signed-in users).
# ---------------------------------------------------------------------------------------------------------------

PERSON_CHOICES_LIMIT = 50
PERSON_REQUIRED = _("Pilih orang dari daftar. Cari namanya dulu bila belum muncul.")


def person_label(person) -> str:
    born = person.birth_date.strftime("%d-%m-%Y") if person.birth_date else str(person.birth_year or "")
    parts = [person.name, born, person.nik_masked, person.village.name]
    return " · ".join(part for part in parts if part)


class ReadinessCheckForm(FormSections, forms.Form):
    """The person is chosen from a search of the user's scope; the choice is re-checked against the scope."""

    sections = (
        (_("Orang dan tujuan"), ("person", "purpose", "case", "married")),
        (
            _("Pekerjaan di luar negeri"),
            ("destination_country", "job_offer", "job_type", "employer", "agency_name", "one_channel"),
        ),
        (_("Sponsor dan uang"), ("sponsor_name", "sponsor_phone", "paid_up_front", "amount_paid_idr")),
        (_("Dokumen"), ("documents_in_hand",)),
    )

    person = forms.TypedChoiceField(label=_("Orang"), coerce=int, empty_value=None)
    purpose = forms.ChoiceField(
        label=_("Tujuan perjalanan"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    case = forms.ChoiceField(
        label=_("Paspor pertama atau penggantian?"), choices=Case.choices, initial=Case.NEW
    )
    married = forms.BooleanField(label=_("Sudah menikah (atau pernah menikah)"), required=False)
    destination_country = forms.ChoiceField(label=_("Negara tujuan"), required=False)
    job_offer = forms.BooleanField(label=_("Ada tawaran kerja di luar negeri"), required=False)
    job_type = forms.ChoiceField(label=_("Jenis pekerjaan"), required=False)
    employer = forms.CharField(label=_("Pemberi kerja"), required=False, max_length=200)
    agency_name = forms.CharField(
        label=_("Perusahaan penempatan (P3MI) atau agen"),
        required=False,
        max_length=200,
        help_text=_(
            "Ditulis apa adanya; diperiksa terhadap daftar P3MI berizin, dan yang tidak ditemukan atau izinnya "
            "tidak berlaku diberi peringatan."
        ),
    )
    one_channel = forms.BooleanField(
        label=_("Melalui Sistem Penempatan Satu Kanal"),
        required=False,
        help_text=_("Jalur resmi ke Arab Saudi untuk enam jabatan rumah tangga pada perusahaan (syarikah)."),
    )
    sponsor_name = forms.CharField(
        label=_("Nama sponsor / orang yang membantu"), required=False, max_length=150
    )
    sponsor_phone = forms.CharField(label=_("Telepon sponsor"), required=False, max_length=20)
    paid_up_front = forms.BooleanField(label=_("Sudah ada uang yang dibayarkan di muka"), required=False)
    amount_paid_idr = forms.IntegerField(label=_("Jumlah uang (Rp)"), required=False, min_value=0)
    documents_in_hand = forms.MultipleChoiceField(
        label=_("Dokumen yang sudah dimiliki"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # Shown only after the service refused a person without passport-assistance consent (see `consent_missing`).
    confirm_without_consent = forms.BooleanField(
        label=_("Saya mengerti orang ini belum memberi persetujuan; tetap catat pemeriksaan ini"),
        required=False,
    )

    def __init__(self, *args, user, q: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        people = list(people_for_user(user, q=q)[:PERSON_CHOICES_LIMIT])
        chosen = self.data.get("person") if self.is_bound else None
        if chosen and is_ascii_digits(str(chosen)) and all(str(p.pk) != str(chosen) for p in people):
            people += list(people_for_user(user).filter(pk=int(chosen)))
        self.fields["person"].choices = [("", _("— pilih orang —"))] + [
            (p.pk, person_label(p)) for p in people
        ]
        # Marks which search the choices answer, so a page (or a test) can tell the HTMX swap has landed.
        self.fields["person"].widget.attrs["data-q"] = q
        self.fields["destination_country"].choices = [("", _("— belum tahu / tidak ada —"))] + Country.choices
        self.fields["job_type"].choices = [("", _("— tidak ada —"))] + JobType.choices
        self.fields["documents_in_hand"].choices = document_choices()

    def clean(self):
        data = super().clean()
        if data.get("amount_paid_idr") is not None and not data.get("paid_up_front"):
            self.add_error("amount_paid_idr", _("Centang “sudah ada uang dibayarkan” bila mengisi jumlah."))
        return data

    @property
    def consent_missing(self) -> bool:
        """The service refused the person for lack of consent, or the user already ticked the confirmation."""
        confirmed = self.is_bound and self.data.get("confirm_without_consent") in ("on", "true", "1")
        return confirmed or any(
            e.code == texts.CONSENT_MISSING_CODE
            for e in self.errors.as_data().get("confirm_without_consent", [])
        )

    def main_fields(self):
        """Every field but the consent confirmation, which the template shows apart, with its warning."""
        return [field for field in self if field.name != "confirm_without_consent"]

    def main_sections(self):
        """The sections of `main_fields` (the consent confirmation is in none)."""
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(label=_("Hasil"))
    on = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    postponement_cause = forms.ChoiceField(
        label=_("Sebab penundaan"),
        required=False,
        choices=[("", _("— bila ditunda —")), *PostponementCause.choices],
        help_text=_("Wajib bila permohonan ditunda."),
    )
    note = FreeTextField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in OUTCOME_STATUSES]


class ReadinessFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    village = VillageField(label=_("Desa/kelurahan"), required=False)
    # The dashboard's "warnings not yet followed up" count links here with status=open&flagged=on.
    flagged = forms.BooleanField(
        label=_("Hanya yang berperingatan dan belum ditindaklanjuti"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("semua"))] + ReadinessStatus.choices


class CollectiveRequestForm(forms.Form):
    village = VillageField(label=_("Desa/kelurahan"))
    proposed_date = forms.DateField(
        label=_("Tanggal yang diusulkan"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    place = forms.CharField(label=_("Tempat layanan"), max_length=200, help_text=_("Misalnya Balai Desa."))
    contact_name = forms.CharField(label=_("Narahubung"), max_length=150)
    contact_phone = forms.CharField(label=_("Telepon narahubung"), max_length=20)
    vulnerable_group = forms.BooleanField(
        label=_("Kelompok rentan (tanpa jumlah minimal pemohon)"),
        required=False,
        help_text=_("Misalnya lansia, penyandang disabilitas, atau warga daerah terpencil."),
    )
    vulnerable_reason = FreeTextField(
        label=_("Alasan kelompok rentan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(user)
        if len(scope.village_codes) == 1:
            self.fields["village"].initial = scope.village_codes[0]


class CollectiveDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("accepted", _("Terima")), ("declined", _("Tolak"))],
        widget=forms.RadioSelect,
    )
    service_date = forms.DateField(
        label=_("Tanggal layanan (bila diterima)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = FreeTextField(
        label=_("Alasan (bila ditolak)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


# ---------------------------------------------------------------------------------------------------------------
# Follow-up of a readiness check: initial values of protection's screening, referral and report forms.
# ---------------------------------------------------------------------------------------------------------------

# Passport purposes → the screening's declared travel purpose. An internship abroad is recorded as "other" so the
# officer states it in the interview (protection has no internship purpose).
TRAVEL_PURPOSES = {
    Purpose.TOURISM: TravelPurpose.TOURISM,
    Purpose.FAMILY_VISIT: TravelPurpose.FAMILY,
    Purpose.WORK: TravelPurpose.WORK,
    Purpose.UMRAH_HAJJ: TravelPurpose.UMRAH,
    Purpose.STUDY: TravelPurpose.STUDY,
    Purpose.INTERNSHIP: TravelPurpose.OTHER,
    Purpose.OTHER: TravelPurpose.OTHER,
}


def _job(check: ReadinessCheck) -> str:
    parts = [str(check.get_job_type_display()) if check.job_type else "", check.employer]
    return " — ".join(part for part in parts if part)


def _from_check(check: ReadinessCheck) -> str:
    return str(texts.FOLLOW_UP_FROM_CHECK) % {
        "reference": check.reference,
        "on": check.checked_on.strftime("%d-%m-%Y"),
    }


def _facts(check: ReadinessCheck) -> list[str]:
    """The check's facts as lines (destination, job, agency, sponsor's name, money), then its warnings.

    Never the sponsor's phone: a referral's reason is read by the village and the agency.
    """
    lines = []
    if check.destination_country:
        lines.append(_line(_("Negara tujuan"), check.get_destination_country_display()))
    if job := _job(check):
        lines.append(_line(_("Pekerjaan"), job))
    if check.agency_name:
        lines.append(_line(_("Perusahaan/agen"), check.agency_name))
    if check.sponsor_name:
        lines.append(_line(_("Sponsor"), check.sponsor_name))
    if check.paid_up_front:
        amount = f" ({rupiah(check.amount_paid_idr)})" if check.amount_paid_idr is not None else ""
        lines.append(str(_("Sudah ada uang dibayarkan di muka")) + amount)
    return lines + _warning_lines(check)


def _line(label, value) -> str:
    return f"{label}: {value}"


def _warning_lines(check: ReadinessCheck) -> list[str]:
    return [f"- {w['message']}" for w in warnings_out(check.warnings)]


def screening_initial(check: ReadinessCheck) -> dict:
    """The interview form filled in from the check: purpose, destination, job, sponsor and agency."""
    return {
        "purpose": TRAVEL_PURPOSES.get(check.purpose, TravelPurpose.OTHER),
        "destination_country": str(check.get_destination_country_display())
        if check.destination_country
        else "",
        "job": _job(check)[:200],
        "sponsor_name": check.sponsor_name,
        "sponsor_phone": check.sponsor_phone,
        "agency_name": check.agency_name,
        "notes": "\n".join([_from_check(check), *_warning_lines(check)]),
    }


def referral_initial(check: ReadinessCheck) -> dict:
    """A village follow-up on the procedural route; the reason names the facts, never the sponsor's phone
    (the village and the agency read it)."""
    return {
        "to_village": True,
        "action": Referral.Action.EDUCATION,
        "reason": "\n".join([_from_check(check), *_facts(check)]),
    }


def report_initial(check: ReadinessCheck) -> dict:
    """A report about the recruiter: the sponsor as the person involved, the agency, the village of the check.

    The applicant's name is left out (a report is about the recruiter); the reference code leads back to them.
    """
    if check.agency_unlicensed:
        category = Report.Category.FAKE_LPK
    elif check.sponsor_name or check.sponsor_phone:
        category = Report.Category.RECRUITER
    elif check.job_offer:
        category = Report.Category.JOB_OFFER
    else:
        category = Report.Category.OTHER
    initial = {
        "category": category,
        "description": "\n".join([_from_check(check), *_facts(check)]),
        "village": check.village_id,
        "agency_name": check.agency_name,
    }
    if INVOLVED_ROWS and (check.sponsor_name or check.sponsor_phone):
        initial |= {"involved_0_name": check.sponsor_name, "involved_0_phone": check.sponsor_phone}
    return initial
