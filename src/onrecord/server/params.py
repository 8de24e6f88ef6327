"""The search parameters and paging that the API and the pages share."""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlencode

from fastapi import Query

from onrecord.store import SearchFilters

PER_PAGE_MAX = 100
MAX_STORED_ID = 2 ** 63 - 1
"""The largest integer SQLite and PostgreSQL store; a larger id in a URL names nothing."""
DATE = r"^(\d{4}-\d{2}-\d{2}([T ][0-9:.+Z-]*)?)?$"


async def search_params(
    q: Optional[str] = Query(None, max_length=500, description="Words that must all appear."),
    speaker: Optional[str] = Query(None, max_length=200, description="Any name or alias of the speaker."),
    kind: Optional[str] = Query(None, pattern="^(direct|indirect|mixed)?$"),
    since: Optional[str] = Query(None, pattern=DATE, description="YYYY-MM-DD"),
    until: Optional[str] = Query(None, pattern=DATE, description="YYYY-MM-DD, inclusive"),
    site: Optional[str] = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=10_000),
    per_page: int = Query(20, ge=1, le=PER_PAGE_MAX),
) -> SearchFilters:
    """Empty form fields mean no filter."""
    return SearchFilters(q or None, speaker or None, kind or None, since or None, until or None, site or None,
                         per_page, (page - 1) * per_page)


def paged(filters: SearchFilters, results: list[dict]) -> dict:
    """One page of results with its number and the next page's, if there may be one."""
    page = filters.offset // filters.limit + 1
    return {"page": page, "per_page": filters.limit, "results": results,
            "next_page": page + 1 if len(results) == filters.limit else None}


def page_url(request, page: int) -> str:
    """The search page's own query with another page number (per_page=10 stays per_page=10)."""
    query = [(key, value) for key, value in request.query_params.multi_items() if key != "page"]
    return "/?" + urlencode(query + [("page", str(page))])


def stored_id(value) -> bool:
    """An id that can name a stored row: ASCII digits (or an int) from 0 to MAX_STORED_ID."""
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{1,19}", value):
            return False
        value = int(value)
    return 0 <= value <= MAX_STORED_ID
