"""Public passport guide API: /api/v1/passport/. No login (auth=None): it serves the same public guide as /paspor/.

Field names are a contract with API clients; add fields, never rename them. Inputs are typed loosely on purpose so
that every bad value gets the guide's own Indonesian message (422 with the field and reason), not a generic one.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError, ValidationError
from pydantic import Field

from lib import passport as rules

from . import selectors, texts

router = Router(auth=None, tags=["paspor"])

NO_SCHEDULE_ON = _("Belum ada tarif paspor yang tercatat untuk tanggal tersebut.")


class GuideIn(Schema):
    purpose: str | None = Field(None, description=" | ".join(rules.PURPOSES))
    case: str | None = Field(None, description=" | ".join(rules.CASES))
    birth_date: str | None = Field(None, description="YYYY-MM-DD")
    married: bool | str | None = False
    electronic: bool | str | None = False
    validity_years: int | str | None = Field(None, description="5 | 10")
    same_day: bool | str | None = False
    force_majeure: bool | str | None = False
    migrant_worker_first: bool | str | None = Field(
        False, description="Paspor pertama calon PMI, 24 halaman, 5 tahun (Permenkumham 9/2020)"
    )
    on: str | None = Field(None, description="Tanggal permohonan YYYY-MM-DD; kosong: hari ini")


class FeeItemOut(Schema):
    code: str
    label: str
    amount_idr: int
    citation: str


class FeeOut(Schema):
    schedule: str
    total_idr: int
    items: list[FeeItemOut]


class DocumentOut(Schema):
    code: str
    label: str
    conditional: bool
    condition: str
    description: str
    by_office: bool


class NotNeededOut(Schema):
    code: str
    label: str
    citation: str


class StepOut(Schema):
    code: str
    text: str
    url: str


class WarningOut(Schema):
    code: str
    message: str


class WorkRouteOut(Schema):
    requirements: list[str]
    red_flags: list[str]


class GuideOut(Schema):
    validity_years: int
    requested_validity_years: int
    age: int
    applicant: str = Field(description="adult | child")
    on: dt.date
    fee: FeeOut
    documents: list[DocumentOut]
    not_needed: list[NotNeededOut]
    steps: list[StepOut]
    warnings: list[WarningOut]
    notes: list[str]
    work_route: WorkRouteOut | None
    citations: list[str]


class ScheduleOut(Schema):
    name: str
    citation: str
    effective_from: dt.date
    effective_to: dt.date | None
    items: list[FeeItemOut]


class FeesQuery(Schema):
    on: str | None = Field(None, description="YYYY-MM-DD; kosong: hari ini")


def _invalid(error: rules.PassportInputError) -> ValidationError:
    return ValidationError(
        [
            {
                "loc": ["body", "payload", error.field],
                "field": error.field,
                "type": error.code,
                "msg": texts.error_text(error),
            }
        ]
    )


@router.post("/guide", response=GuideOut, summary="Panduan paspor: dokumen, biaya, masa berlaku, langkah")
def guide(request, payload: GuideIn):
    try:
        answers = selectors.answers_from(payload.dict())
        return selectors.guide_out(selectors.guide_for(answers=answers))
    except rules.PassportInputError as error:
        raise _invalid(error) from None


@router.get("/fees", response=ScheduleOut, summary="Tarif paspor yang berlaku pada suatu tanggal")
def fees(request, filters: Query[FeesQuery]):
    on = timezone.localdate()
    if filters.on:
        try:
            on = dt.date.fromisoformat(filters.on.strip())
        except ValueError:
            error = rules.PassportInputError("on", rules.BAD_DATE)
            raise ValidationError(
                [{"loc": ["query", "on"], "field": "on", "type": error.code, "msg": texts.error_text(error)}]
            ) from None
    schedule = selectors.fee_schedule_on(on=on)
    if schedule is None:
        raise HttpError(404, str(NO_SCHEDULE_ON))
    return selectors.fee_schedule_out(schedule)
