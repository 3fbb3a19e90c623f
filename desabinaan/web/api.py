"""The signed-in user's own API: /api/v1/me. The field names of `AttentionItemOut` are a contract: add, never rename."""

from ninja import Router, Schema
from pydantic import Field

from . import selectors

router = Router(tags=["saya"])


class AttentionItemOut(Schema):
    kind: str = Field(
        description="reports_new, questions_unanswered, readiness_flagged, referrals_overdue, ..."
    )
    count: int
    label: str
    url: str = Field(description="Halaman daftar yang sudah disaring ke butir-butir ini (path di situs ini).")


class AttentionOut(Schema):
    items: list[AttentionItemOut]


@router.get("/attention", response=AttentionOut, summary="Yang perlu perhatian dalam wilayah kerja saya")
def attention(request):
    """The same work inbox as the dashboard page, every kind the caller's role has, zero counts included."""
    return {"items": selectors.inbox_for(user=request.auth)}
