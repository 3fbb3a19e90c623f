"""Limit/offset pagination with an upper bound on the offset (settings.NINJA_PAGINATION_CLASS).

ninja's own class accepts any non-negative offset; one beyond a 64-bit integer reaches the database and fails
with a 500 (found by the schemathesis run in tests/quality). Bounded here, a too-large offset is a 422.
"""

from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination, PageNumberPagination

MAX_OFFSET = 2**31 - 1


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=ninja_settings.PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class BoundedPageNumberPagination(PageNumberPagination):
    """Page-number pagination with the same bound: page × page size never exceeds MAX_OFFSET."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_OFFSET // 1000)
        page_size: int | None = Field(None, ge=1, le=1000)
