"""Writes of the passport app, one module per responsibility: readiness (checks and their outcomes), followup (a
screening, a referral or a report started from a check, through protection's services), collective (Eazy Passport
requests), common (scope check, create audit entry). Pages and the API call these; every write is audited, every
read of a full NIK is access-logged. Re-exported here so callers keep writing `services.readiness_check_create`.
"""

from .collective import (
    COLLECTIVE_REFUSED_TYPES,
    ApplicantsRefused,
    collective_applicant_remove,
    collective_applicants_add,
    collective_minimum,
    collective_official_applicants,
    collective_request_create,
    collective_request_decide,
    collective_request_submit,
)
from .followup import (
    readiness_check_follow_up,
    readiness_referral_create,
    readiness_referral_screening,
    readiness_report_create,
    readiness_screening_create,
)
from .readiness import (
    REFERENCE_ATTEMPTS,
    has_passport_consent,
    readiness_check_create,
    readiness_outcome_record,
)

__all__ = [
    "COLLECTIVE_REFUSED_TYPES",
    "REFERENCE_ATTEMPTS",
    "ApplicantsRefused",
    "collective_applicant_remove",
    "collective_applicants_add",
    "collective_minimum",
    "collective_official_applicants",
    "collective_request_create",
    "collective_request_decide",
    "collective_request_submit",
    "has_passport_consent",
    "readiness_check_create",
    "readiness_check_follow_up",
    "readiness_outcome_record",
    "readiness_referral_create",
    "readiness_referral_screening",
    "readiness_report_create",
    "readiness_screening_create",
]
