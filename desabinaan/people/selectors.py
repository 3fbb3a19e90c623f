"""Reads of the person registry, always through the user's scope."""

from __future__ import annotations

import hmac

from cryptography.fernet import InvalidToken
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.models import AuditEntry
from lib import nik as nik_lib
from lib.text import is_ascii_digits, name_key

from .crypto import nik_decrypt, nik_hash
from .duplicates import duplicate_pairs_for_user
from .models import Consent, LawfulBasis, LawfulBasisDefault, Person


def _with_village(qs: QuerySet[Person]) -> QuerySet[Person]:
    return qs.select_related("village__district", "village__regency")


def people_for_user(user, *, q: str = "", without_consent: bool = False) -> QuerySet[Person]:
    """Active persons in the user's scope, optionally filtered by words of the name (spelling-tolerant), or to
    those without a standing consent (the dashboard's consent-gap count links here)."""
    qs = scope_for(user).filter(_with_village(Person.objects.active()), path="village")
    for word in name_key(q or "").split():
        qs = qs.filter(name_key__contains=word)
    if without_consent:
        qs = qs.filter(~Exists(_standing_consent()))
    return qs.order_by("name", "id")


def people_search_for_user(user, *, q: str = "", nik: str | None = None) -> QuerySet[Person]:
    """people_for_user's name search, narrowed to the person a NIK lives on (exact, through the keyed hash).

    A NIK not found in the user's scope gives no rows, like a NIK of another jurisdiction: nothing tells them apart.
    """
    qs = people_for_user(user, q=q)
    if nik:
        found = person_find_by_nik(nik=nik, user=user)
        qs = qs.filter(pk=found.pk) if found is not None else qs.none()
    return qs


def person_get_for_user(user, *, pk: int) -> Person:
    """One person in the user's scope (merged records too, so old links still land somewhere); 404 otherwise."""
    person = (
        scope_for(user)
        .filter(_with_village(Person.objects.select_related("merged_into", "created_by")), path="village")
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise Http404
    return person


def person_find_by_nik(*, nik: str, user=None) -> Person | None:
    """Exact lookup through the keyed hash; limited to the user's scope when a user is given.

    A merged record has no hash, so this finds the person the NIK now lives on.
    """
    value = nik_lib.normalize(nik or "")
    if len(value) != 16 or not is_ascii_digits(value):
        return None
    qs = _with_village(Person.objects.filter(nik_hash=nik_hash(value)))
    if user is not None:
        qs = scope_for(user).filter(qs, path="village")
    return qs.first()


def person_consents(person: Person) -> list[Consent]:
    return list(person.consents.select_related("collected_by").order_by("-given_at"))


def person_merged_records(person: Person) -> list[Person]:
    return list(person.merged_from.all().order_by("id"))


def person_audit_summary(person: Person, *, limit: int = 10) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(target_type="people.person", target_id=str(person.pk))
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )


def _standing_consent() -> QuerySet[Consent]:
    return Consent.objects.filter(person=OuterRef("pk"), withdrawn_at__isnull=True)


def nik_keys_state() -> str:
    """/healthz's canary: "ok" when the configured keys read the newest stored NIK back to its lookup hash.

    With keys regenerated (a lost var/.env, a restore without key escrow) every decryption fails and every lookup by
    NIK silently finds nothing; this says so in one query. "ok" while no NIK is stored.
    """
    row = (
        Person.objects.exclude(nik_encrypted="")
        .order_by("-pk")
        .values_list("nik_encrypted", "nik_hash")
        .first()
    )
    if row is None:
        return "ok"
    token, stored_hash = row
    try:
        matches = hmac.compare_digest(nik_hash(nik_decrypt(token)), stored_hash or "")
    except (InvalidToken, RuntimeError, ValueError):  # RuntimeError: a key setting is empty
        return "mismatch"
    return "ok" if matches else "mismatch"


def people_needing_attention(user) -> dict[str, int]:
    """Counts for the officer dashboard: persons without a standing consent, and the probable duplicate pairs the
    last scan stored (people.duplicates)."""
    scoped = scope_for(user).filter(Person.objects.active(), path="village")
    return {
        "without_consent": scoped.filter(~Exists(_standing_consent())).count(),
        "probable_duplicate_pairs": duplicate_pairs_for_user(user).count(),
    }


def consent_get_for_user(user, *, pk: int) -> Consent:
    consent = (
        Consent.objects.select_related("person")
        .filter(pk=pk, person__in=scope_for(user).filter(Person.objects.all(), path="village"))
        .first()
    )
    if consent is None:
        raise Http404
    return consent


def lawful_basis_preset(*, purpose: str, role: str = "", on=None) -> tuple[str, str]:
    """(lawful basis, source) preset for `purpose` and the collector's `role` on day `on`: the newest row in force,
    a row for the role before the one for every role. Consent (UU PDP Art. 20(2)(a)) when no row applies."""
    row = (
        LawfulBasisDefault.objects.filter(
            purpose=purpose, role__in=[role or "", ""], effective_from__lte=on or timezone.localdate()
        )
        .order_by("-role", "-effective_from", "-id")
        .first()
    )
    if row is None:
        return LawfulBasis.CONSENT, ""
    return row.lawful_basis, row.source
