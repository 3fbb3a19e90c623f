"""Reading one sign-in sheet row: the template's columns and example row, and the parser that turns raw cells into
a checked row or a problem naming the column at fault. The writes are in `imports`.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.people import services as people
from desabinaan.people import validation as pv
from desabinaan.people.crypto import nik_hash
from desabinaan.regions.models import District, Village
from desabinaan.regions.selectors import normalize_code
from lib import nik as nik_lib
from lib import xlsx_import as xl
from lib.phones import normalize_phone
from lib.text import fold, name_key

from .. import validation as v
from ..models import Event, TargetGroup

IMPORT_COLUMNS = [
    xl.Column("name", "Nama", ("nama lengkap", "nama peserta"), required=True),
    xl.Column("sex", "L/P", ("jenis kelamin", "jk", "lp"), required=True),
    xl.Column(
        "birth", "Tahun atau tanggal lahir", ("tahun lahir", "tanggal lahir", "tgl lahir"), required=True
    ),
    xl.Column(
        "village_code",
        "Desa (kode atau nama)",
        (
            "kode desa",
            "kode desa kelurahan",
            "kode wilayah",
            "desa",
            "nama desa",
            "desa kelurahan",
            "kelurahan",
        ),
        required=True,
    ),
    xl.Column("target_group", "Kelompok sasaran", ("sasaran", "kelompok")),
    xl.Column("nik", "NIK"),
    xl.Column("phone", "Telepon", ("no hp", "hp", "telp", "nomor telepon")),
    xl.Column("consent", "Setuju (ya/tidak)", ("setuju", "persetujuan")),
    xl.Column("guardian_name", "Nama wali"),
    xl.Column("guardian_relation", "Hubungan wali"),
]
# The template ships headers and ONE example row, marked by its first cell: the import skips it (never a person).
EXAMPLE_MARK = "CONTOH"
_EXAMPLE_ROW = re.compile(rf"^\W*{EXAMPLE_MARK}\b", re.IGNORECASE)
IMPORT_EXAMPLE_SKIPPED = _("Baris contoh dilewati (nama diawali CONTOH).")
IMPORT_EXAMPLES = [
    [
        f"{EXAMPLE_MARK}: Siti Aminah (baris contoh, tidak diimpor)",
        "P",
        1998,
        "17.08.04.2002",
        "calon PMI dan keluarga",
        "",
        "",
        "ya",
        "",
        "",
    ],
]


@dataclass
class _Row:
    number: int
    name: str
    sex: str
    birth_date: dt.date | None
    birth_year: int
    village_code: str
    target_group: TargetGroup | None
    nik: str
    phone: str
    guardian_name: str
    guardian_relation: str
    digest: str | None = None
    name_key: str = ""  # lib.text.name_key(name), computed once (the person rule and the dedup need it)
    key: tuple = ()
    client_id: uuid.UUID | None = None


def _target_group_lookup() -> dict[str, TargetGroup]:
    table = {}
    for group in TargetGroup.objects.all():
        table[fold(group.code)] = group
        table[fold(group.label)] = group
        if group.label_en:
            table[fold(group.label_en)] = group
    return table


# The sheet column each parse problem points at (the template's header).
COLUMN_OF = {c.field: c.header for c in IMPORT_COLUMNS}
_CODE_SHAPE = re.compile(r"^\d{2}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{4}$")
_VILLAGE_WORDS = re.compile(r"^(desa|ds|kelurahan|kel)\s+")


@dataclass
class _Problem:
    """Why a row cannot be imported and which column it points at."""

    field: str
    message: str

    @property
    def column(self) -> str:
        return COLUMN_OF.get(self.field, "")


def _problem(field_name: str, value) -> _Problem:
    return _Problem(field_name, str(value))


def _village_key(name: str) -> str:
    return _VILLAGE_WORDS.sub("", fold(name))


class _RowParser:
    """Turns raw cells into a _Row or a _Problem; keeps the lookups every row needs.

    The village cell holds a Kemendagri code (17.08.04.2002 or 1708042002) or a village name, looked up among the
    villages of the event's district (paper sign-in sheets carry names). A code that does not exist, a name found
    nowhere in the district and a name shared by several villages there are each reported as such, never guessed;
    only a village that exists but lies outside the user's area gets the jurisdiction message.
    """

    def __init__(self, actor, event: Event | None = None):
        self.scope = scope_for(actor) if actor is not None else None
        self.groups = _target_group_lookup()
        self.districts: dict[str, bool] = {}
        self.codes: dict[str, bool] = {}
        self.today = timezone.localdate()
        self.district_name = ""
        self.by_name: dict[str, list[str]] = {}
        if event is not None:
            village = Village.objects.select_related("district").get(code=event.village_id)
            self.district_name = village.district.name
            for code, name in Village.objects.filter(district_id=village.district_id).values_list(
                "code", "name"
            ):
                self.by_name.setdefault(_village_key(name), []).append(code)

    def district_exists(self, code: str) -> bool:
        if code not in self.districts:
            self.districts[code] = District.objects.filter(code=code).exists()
        return self.districts[code]

    def village(self, cell) -> str | _Problem:
        value = xl.text(cell)
        if _CODE_SHAPE.match(value):
            code = normalize_code(re.sub(r"[.\s]", "", value))
            if code not in self.codes:
                self.codes[code] = Village.objects.filter(code=code).exists()
            if not self.codes[code]:
                return _problem("village_code", v.IMPORT_VILLAGE_UNKNOWN)
        elif any(ch.isdigit() for ch in value):
            return _problem("village_code", v.IMPORT_VILLAGE_UNKNOWN)
        else:
            found = self.by_name.get(_village_key(value), [])
            if not found:
                return _problem(
                    "village_code",
                    v.IMPORT_VILLAGE_NAME_UNKNOWN % {"name": value, "district": self.district_name},
                )
            if len(found) > 1:
                return _problem(
                    "village_code",
                    v.IMPORT_VILLAGE_NAME_AMBIGUOUS
                    % {"name": value, "district": self.district_name, "codes": ", ".join(sorted(found))},
                )
            code = found[0]
        if self.scope is not None and not self.scope.contains_village(code):
            return _problem("village_code", pv.VILLAGE_OUT_OF_SCOPE)
        return code

    def parse(self, number: int, cells: dict) -> _Row | _Problem:
        name = xl.text(cells.get("name"))
        if not name:
            return _problem("name", v.NAME_REQUIRED)
        try:
            sex = xl.parse_sex(cells.get("sex"))
        except xl.SheetError:
            return _problem("sex", v.IMPORT_BAD_SEX)
        try:
            birth_date, birth_year = xl.parse_birth(cells.get("birth"), today=self.today)
        except xl.SheetError:
            return _problem("birth", v.IMPORT_BAD_BIRTH)
        if not xl.parse_bool(cells.get("consent")):
            return _problem("consent", v.IMPORT_NO_CONSENT)
        village_code = self.village(cells.get("village_code"))
        if isinstance(village_code, _Problem):
            return village_code
        group_cell = fold(xl.text(cells.get("target_group")))
        group = self.groups.get(group_cell) if group_cell else None
        if group_cell and group is None:
            return _problem("target_group", v.TARGET_GROUP_UNKNOWN)
        guardian_name = xl.text(cells.get("guardian_name"))
        guardian_relation = xl.text(cells.get("guardian_relation"))
        age = self.today.year - birth_year
        if birth_date is not None:
            age -= (self.today.month, self.today.day) < (birth_date.month, birth_date.day)
        if age < people.ADULT_AGE and not (guardian_name and guardian_relation):
            return _problem("guardian_name", pv.GUARDIAN_REQUIRED)
        nik = xl.digits(cells.get("nik"))
        digest = None
        if nik:
            try:
                nik_lib.parse(
                    nik,
                    district_exists=self.district_exists,
                    sex=sex,
                    birth_date=birth_date,
                    birth_year=birth_year,
                )
            except nik_lib.NikError as error:
                return _problem("nik", pv.NIK_MESSAGES[error.code])
            digest = nik_hash(nik)
        typed_phone = xl.digits(cells.get("phone"))
        phone = normalize_phone(typed_phone) if typed_phone else ""
        if typed_phone and not phone:
            return _problem("phone", pv.PHONE_INVALID)
        row = _Row(
            number,
            name,
            sex,
            birth_date,
            birth_year,
            village_code,
            group,
            nik,
            phone,
            guardian_name,
            guardian_relation,
            digest,
            name_key(name),
        )
        row.key = ("nik", digest) if digest else ("name", row.name_key, birth_year, village_code)
        return row
