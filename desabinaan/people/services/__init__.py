"""Writes of the person registry, by responsibility: `persons` (one person, consents, NIK reveal), `bulk` (the
bulk forms for imports) and `merge` (duplicates). Pages, the API, imports and management commands all call these;
`from desabinaan.people.services import …` and `people.services.<name>` stay as they were."""

from .bulk import (
    BulkOutcome,
    ConsentTerms,
    PersonIn,
    consents_bulk_record,
    persons_bulk_create,
)
from .merge import person_mark_not_duplicate, person_merge
from .persons import (
    ADULT_AGE,
    EDITABLE_FIELDS,
    NIK_REVEAL_PURPOSE,
    NIK_REVEAL_ROLES,
    UNCHANGED,
    NikAlreadyRegistered,
    ProbableDuplicates,
    can_choose_lawful_basis,
    can_reveal_nik,
    consent_record,
    consent_withdraw,
    consents_record,
    person_create,
    person_nik_reveal,
    person_update,
    probable_duplicates_of,
)

__all__ = [
    "ADULT_AGE",
    "BulkOutcome",
    "ConsentTerms",
    "EDITABLE_FIELDS",
    "NIK_REVEAL_PURPOSE",
    "NIK_REVEAL_ROLES",
    "NikAlreadyRegistered",
    "PersonIn",
    "ProbableDuplicates",
    "can_choose_lawful_basis",
    "consents_record",
    "UNCHANGED",
    "can_reveal_nik",
    "consent_record",
    "consent_withdraw",
    "consents_bulk_record",
    "person_create",
    "person_mark_not_duplicate",
    "person_merge",
    "person_nik_reveal",
    "person_update",
    "persons_bulk_create",
    "probable_duplicates_of",
]
