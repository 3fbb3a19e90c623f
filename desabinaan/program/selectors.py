"""Reads of the program app. Every scoped read goes through `scope_for(user)`; role rules live here too."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from desabinaan.accounts.models import Role, User
from desabinaan.accounts.scope import scope_for

from .models import (
    Activity,
    DesaBinaan,
    DesaBinaanTransition,
    ForeignerNote,
    PimpasaAssignment,
    ProposalCriterion,
    Question,
)

OFFICE_ROLES = (Role.NATIONAL_ADMIN, Role.OFFICER, Role.PIMPASA)


# --- Who may do what -----------------------------------------------------------------------------------------------


def is_office_writer(user) -> bool:
    """An officer, PIMPASA or admin whose scope allows writing (Kanwil staff read only; liaisons are not office)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return scope_for(user).can_write and (user.is_superuser or user.role in OFFICE_ROLES)


def is_liaison_of(user, desa_binaan: DesaBinaan) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and user.role == Role.LIAISON
        and user.village_id == desa_binaan.village_id
    )


def can_manage(user, desa_binaan: DesaBinaan) -> bool:
    """Transitions, PIMPASA, liaisons, answers, evaluation: the village's office (or an admin)."""
    return is_office_writer(user) and scope_for(user).contains_village(desa_binaan.village_id)


def can_work(user, desa_binaan: DesaBinaan) -> bool:
    """Village work (activities, questions, foreigner notes): the office and the village's own liaison."""
    return can_manage(user, desa_binaan) or (is_liaison_of(user, desa_binaan) and user.is_active)


def can_see_program(user) -> bool:
    return not scope_for(user).is_empty


# --- Villages ------------------------------------------------------------------------------------------------------


def _with_places(qs: QuerySet[DesaBinaan]) -> QuerySet[DesaBinaan]:
    return qs.select_related("village__district", "village__regency__province", "kanim")


def desa_binaan_for(*, user) -> QuerySet[DesaBinaan]:
    return scope_for(user).filter(_with_places(DesaBinaan.objects.all()), path="village")


def desa_binaan_list(
    *, user, q: str = "", status: str = "", unanswered_questions: bool = False
) -> QuerySet[DesaBinaan]:
    qs = desa_binaan_for(user=user)
    q = (q or "").strip()
    if q:
        qs = qs.filter(
            Q(village__name__icontains=q)
            | Q(village__code__startswith=q)
            | Q(village__district__name__icontains=q)
            | Q(village__regency__name__icontains=q)
            | Q(sk_number__icontains=q)
        )
    if status:
        qs = qs.filter(status=status)
    if unanswered_questions:
        # The dashboard's "unanswered questions" count links here: villages with questions waiting for an answer.
        qs = qs.annotate(unanswered=Count("questions", filter=Q(questions__answer=""))).filter(
            unanswered__gt=0
        )
    return qs.order_by("village__code")


def desa_binaan_get(*, user, pk: int) -> DesaBinaan:
    """The village if it is in the user's scope; Http404 otherwise (out of scope looks like absent)."""
    found = desa_binaan_for(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def candidates_ranked(*, user) -> QuerySet[DesaBinaan]:
    """Proposed villages in the user's scope, by the summed weight of their active ticked criteria."""
    return (
        desa_binaan_for(user=user)
        .filter(status=DesaBinaan.Status.PROPOSED)
        .annotate(
            score=Sum(
                "proposal_criteria__criterion__weight",
                filter=Q(proposal_criteria__criterion__active=True),
                default=0,
            ),
            n_criteria=Count("proposal_criteria", filter=Q(proposal_criteria__criterion__active=True)),
        )
        .prefetch_related(
            Prefetch("proposal_criteria", queryset=ProposalCriterion.objects.select_related("criterion"))
        )
        .order_by("-score", "village__code")
    )


def proposal_score(desa_binaan: DesaBinaan) -> int:
    return sum(
        pc.criterion.weight
        for pc in desa_binaan.proposal_criteria.select_related("criterion")
        if pc.criterion.active
    )


def workspace(*, user, desa_binaan: DesaBinaan) -> dict:
    """Everything the village workspace page shows, each list in one query."""
    db = desa_binaan
    return {
        "criteria": list(db.proposal_criteria.select_related("criterion").order_by("criterion__order")),
        "transitions": list(db.transitions.select_related("actor")),
        "assignments": list(
            db.pimpasa_assignments.select_related("officer").order_by("-valid_to", "valid_from")
        ),
        "liaisons": list(liaisons_of(desa_binaan=db)),
        "activities": list(
            db.activities.select_related("author")
            .prefetch_related("attachments")
            .order_by("-date", "-id")[:50]
        ),
        "questions": list(db.questions.select_related("recorded_by", "answered_by")[:50]),
        "foreigner_notes": list(db.foreigner_notes.select_related("author")[:50]),
        "evaluations": list(db.evaluations.order_by("-year", "-quarter")[:8]),
        "can_manage": can_manage(user, db),
        "can_work": can_work(user, db),
        "is_liaison": is_liaison_of(user, db),
    }


def liaisons_of(*, desa_binaan: DesaBinaan) -> QuerySet[User]:
    return User.objects.filter(role=Role.LIAISON, village_id=desa_binaan.village_id).order_by(
        "-is_active", "username"
    )


def assignable_officers(*, desa_binaan: DesaBinaan) -> QuerySet[User]:
    return User.objects.filter(
        role__in=[Role.OFFICER, Role.PIMPASA], kanim_id=desa_binaan.kanim_id, is_active=True
    ).order_by("first_name", "username")


def transitions_of(*, desa_binaan: DesaBinaan) -> QuerySet[DesaBinaanTransition]:
    return desa_binaan.transitions.select_related("actor")


def assignment_get(*, desa_binaan: DesaBinaan, pk: int) -> PimpasaAssignment:
    found = desa_binaan.pimpasa_assignments.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def activity_get(*, desa_binaan: DesaBinaan, pk: int) -> Activity:
    found = desa_binaan.activities.select_related("author").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def question_get(*, desa_binaan: DesaBinaan, pk: int) -> Question:
    found = desa_binaan.questions.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def foreigner_notes_for(*, user) -> QuerySet[ForeignerNote]:
    """Foreigner presence notes the user's office should see (liaisons see their own village's)."""
    return scope_for(user).filter(
        ForeignerNote.objects.select_related("desa_binaan__village__district", "author"),
        path="desa_binaan__village",
    )


# --- Public --------------------------------------------------------------------------------------------------------


def public_directory() -> list[tuple]:
    """[(province, [(regency, [desa_binaan, ...]), ...]), ...] of designated, active and graduated villages."""
    qs = _with_places(
        DesaBinaan.objects.filter(
            status__in=[DesaBinaan.Status.DESIGNATED, DesaBinaan.Status.ACTIVE, DesaBinaan.Status.GRADUATED]
        )
    ).order_by("village__code")
    provinces: dict = {}
    for db in qs:
        regency = db.village.regency
        provinces.setdefault(regency.province, {}).setdefault(regency, []).append(db)
    return [(province, list(regencies.items())) for province, regencies in provinces.items()]


def public_faq(*, topic: str = "") -> QuerySet[Question]:
    qs = (
        Question.objects.filter(published_at__isnull=False)
        .exclude(answer="")
        .order_by("topic", "-published_at")
    )
    if topic:
        qs = qs.filter(topic=topic)
    return qs
