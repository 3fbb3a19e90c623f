"""Protection's models by responsibility: `screening` (versioned indicators, interviews, signed decisions),
`agencies` (the licensed P3MI registry), `reports` (anonymous reports and the public form's abuse counters) and
`referrals`. All are imported here, so the app label, the migrations and `from desabinaan.protection.models import …`
stay as they were (migration 0001 names `_report_upload_to` here).

Screenings and referrals are scoped through the applicant's home village, reports through their owning office or the
place they name (accounts.scope). The advisory level is computed by lib.advisory from the answers only.
"""

from .agencies import AgencyCheck, AgencyStatus, LicensedAgency
from .referrals import Referral
from .reports import RateCounter, Report, ReportAttachment, ReportInvolved, ReportMessage, _report_upload_to
from .rules import HelpLine, LegalStop
from .screening import (
    Answer,
    Decision,
    Indicator,
    IndicatorSet,
    Level,
    Screening,
    ScreeningAnswer,
    TravelPurpose,
)

__all__ = [
    "AgencyCheck",
    "AgencyStatus",
    "Answer",
    "Decision",
    "HelpLine",
    "Indicator",
    "IndicatorSet",
    "LegalStop",
    "Level",
    "LicensedAgency",
    "RateCounter",
    "Referral",
    "Report",
    "ReportAttachment",
    "ReportInvolved",
    "ReportMessage",
    "Screening",
    "ScreeningAnswer",
    "TravelPurpose",
    "_report_upload_to",
]
