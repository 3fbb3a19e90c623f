"""Screenings and signed decisions: the interview record, its advisory level and the officer's decision."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from desabinaan.accounts.scope import scope_for
from desabinaan.audit.services import access_record, audit_created
from desabinaan.core.errors import Conflict
from desabinaan.core.guards import person_use_check
from lib import advisory
from lib.phones import normalize_phone

from .. import selectors
from ..models import Answer, Decision, IndicatorSet, Screening, ScreeningAnswer, TravelPurpose
from .common import OUT_OF_SCOPE, require

NO_INDICATOR_SET = _("Belum ada set indikator skrining yang aktif.")
UNKNOWN_INDICATOR = _("Indikator tidak dikenal: %(code)s.")
BAD_ANSWER = _('Jawaban harus "yes", "no" atau "unknown".')
RATIONALE_REQUIRED = _("Tuliskan alasan keputusan.")
DOCUMENTS_REQUIRED = _("Sebutkan dokumen yang harus dilengkapi untuk penundaan.")
LEGAL_BASIS_REQUIRED = _("Penolakan atau penangguhan memerlukan dasar hukum.")
ALREADY_DECIDED = _(
    "Skrining ini sudah diputuskan. Perubahan dicatat sebagai koreksi atas keputusan terakhir."
)
NOT_CURRENT_DECISION = _("Hanya keputusan terakhir (yang belum dikoreksi) yang dapat dikoreksi.")
DECISION_IMMUTABLE = _("Keputusan yang sudah ditandatangani tidak dapat diubah; buat koreksi.")
LEGAL_STOP_PROCEED = _(
    "Proses tidak dapat dilanjutkan: %(label)s (%(citation)s). Bila tanggal lahir pemohon keliru, perbaiki data "
    "orangnya lalu buat skrining baru."
)

# Deciding against the advisory: going ahead despite a high level, or refusing/suspending despite a low one.
_OVERRIDES = {
    advisory.HIGH: {Decision.Kind.PROCEED},
    advisory.LOW: {Decision.Kind.REFUSE, Decision.Kind.SUSPEND},
}


@transaction.atomic
def screening_create(
    *,
    actor,
    person,
    purpose: str,
    destination_country: str,
    answers: Mapping[str, str],
    evidence: Mapping[str, str] | None = None,
    job: str = "",
    host_abroad: str = "",
    sponsor_name: str = "",
    sponsor_phone: str = "",
    agency_name: str = "",
    documents_seen: str = "",
    notes: str = "",
) -> Screening:
    """Open a screening with its answers and compute the advisory level.

    The level comes from lib.advisory with the answers and the active indicator set's weights: the person
    (sex, birth date, home village) is never passed to it.
    """
    require(selectors.can_screen(actor))
    if not scope_for(actor).contains_village(person.village_id):
        raise PermissionDenied(OUT_OF_SCOPE)
    person_use_check(person.pk)
    try:
        indicator_set = selectors.indicator_set_active()
    except IndicatorSet.DoesNotExist as exc:
        raise ValidationError(NO_INDICATOR_SET) from exc
    indicators = {i.code: i for i in indicator_set.indicators.all()}
    for code, answer in answers.items():
        if code not in indicators:
            raise ValidationError({"answers": ValidationError(UNKNOWN_INDICATOR, params={"code": code})})
        if answer not in Answer.values:
            raise ValidationError({"answers": BAD_ANSWER})
    # An indicator the officer skipped is recorded as unknown, so every screening answers the whole checklist.
    full = {code: answers.get(code, Answer.UNKNOWN) for code in indicators}
    result = advisory.advisory_level(
        full,
        {code: i.weight for code, i in indicators.items()},
        attention_at=indicator_set.attention_threshold,
        high_at=indicator_set.high_threshold,
    )
    agency, agency_check = selectors.agency_link(agency_name)
    kanim = getattr(actor, "kanim", None)
    screening = Screening(
        person=person,
        village_id=person.village_id,
        kanim=kanim,
        officer=actor,
        indicator_set=indicator_set,
        purpose=purpose,
        destination_country=destination_country.strip(),
        job=job.strip(),
        host_abroad=host_abroad.strip(),
        sponsor_name=sponsor_name.strip(),
        sponsor_phone=sponsor_phone.strip(),
        sponsor_phone_normalized=normalize_phone(sponsor_phone),
        agency_name=agency_name.strip(),
        agency=agency,
        agency_check=agency_check,
        documents_seen=documents_seen.strip(),
        notes=notes.strip(),
        advisory_level=result.level,
        advisory_score=result.score,
    )
    if purpose not in TravelPurpose.values:
        raise ValidationError({"purpose": _("Tujuan perjalanan tidak dikenal.")})
    screening.full_clean()
    screening.save()
    contributions = {c.code: c.contribution for c in result.breakdown}
    evidence = evidence or {}
    ScreeningAnswer.objects.bulk_create(
        ScreeningAnswer(
            screening=screening,
            indicator=indicator,
            answer=full[code],
            evidence=(evidence.get(code) or "").strip()[:500],
            contribution=contributions.get(code, 0),
        )
        for code, indicator in indicators.items()
    )
    audit_created(actor=actor, target=screening, summary=f"skrining v{indicator_set.version}: {result.level}")
    access_record(actor=actor, person=person, channel="web", purpose="protection:screening")
    return screening


def screening_breakdown(screening: Screening) -> list[dict]:
    return [
        {"code": a.indicator.code, "contribution": a.contribution}
        for a in sorted(
            (a for a in screening.answers.select_related("indicator") if a.contribution),
            key=lambda a: (-a.contribution, a.indicator.code),
        )
    ]


@transaction.atomic
def screening_decide(
    *,
    actor,
    screening: Screening,
    kind: str,
    rationale: str,
    pending_documents: str = "",
    legal_basis: str = "",
    corrects: Decision | None = None,
) -> Decision:
    """Sign the officer's decision. A screening has one current decision; changing it means correcting it."""
    require(selectors.can_screen(actor) and scope_for(actor).contains_village(screening.village_id))
    rationale, pending_documents, legal_basis = (
        rationale.strip(),
        pending_documents.strip(),
        legal_basis.strip(),
    )
    if not rationale:
        raise ValidationError({"rationale": RATIONALE_REQUIRED})
    if kind == Decision.Kind.POSTPONE and not pending_documents:
        raise ValidationError({"pending_documents": DOCUMENTS_REQUIRED})
    if kind in (Decision.Kind.REFUSE, Decision.Kind.SUSPEND) and not legal_basis:
        raise ValidationError({"legal_basis": LEGAL_BASIS_REQUIRED})
    # A legal stop (e.g. a minor departing for work) is the law, not advice: going ahead is refused.
    stops = selectors.legal_stops_for(screening) if kind == Decision.Kind.PROCEED else []
    if stops:
        raise ValidationError(
            {
                "kind": ValidationError(
                    LEGAL_STOP_PROCEED,
                    params={"label": stops[0].display_label, "citation": stops[0].citation},
                )
            }
        )
    # Lock the screening so two officers cannot both sign a "first" decision.
    Screening.objects.select_for_update().filter(pk=screening.pk).first()
    current = selectors.current_decision(screening)
    if corrects is None and current is not None:
        raise Conflict(ALREADY_DECIDED, code="decided")
    if corrects is not None and (current is None or corrects.pk != current.pk):
        raise Conflict(NOT_CURRENT_DECISION, code="not_current")
    decision = Decision(
        screening=screening,
        kind=kind,
        rationale=rationale,
        pending_documents=pending_documents,
        legal_basis=legal_basis,
        advisory_level=screening.advisory_level,
        is_override=kind in _OVERRIDES.get(screening.advisory_level, set()),
        corrects=corrects,
        decided_by=actor,
    )
    decision.full_clean()
    decision.save()
    summary = f"keputusan {kind}" + (" (berbeda dari saran)" if decision.is_override else "")
    if corrects is not None:
        summary += f", mengoreksi #{corrects.pk}"
    audit_created(actor=actor, target=decision, summary=summary)
    return decision


def decision_update(**kwargs):
    """There is no update path for a signed decision: correct it with screening_decide(corrects=…)."""
    raise PermissionDenied(DECISION_IMMUTABLE)
