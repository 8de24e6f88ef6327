"""The checkers' pages: /check (did X say this?) and /stats (who gets quoted), each with its .json twin,
/stats.csv, and POST /api/check for scripts."""
from __future__ import annotations

import io
from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from onrecord.server.highlight import week_bars
from onrecord.server.pages import TEMPLATES
from onrecord.server.params import DATE
from onrecord.store.check import MAX_CLAIM_CHARS, ClaimError, check
from onrecord.store.stats import StatsFilters, stats, write_stats_csv


class CheckRequest(BaseModel):
    claim: str = Field(..., description="The words as claimed; quotation marks, case, typos and ellipses are fine.")
    speaker: Optional[str] = Field(None, max_length=200,
                                   description="Who is said to have said them (any name or alias).")
    limit: int = Field(5, ge=1, le=20, description="At most this many matches.")


def run_check(engine, claim: str, speaker: str | None, limit: int = 5) -> dict:
    try:
        with engine.connect() as connection:
            return check(connection, claim, speaker, limit)
    except ClaimError as error:
        raise HTTPException(400, str(error)) from None


def hbars(rows: list[dict], label: str, value: str, width: int = 360) -> list[dict]:
    """Horizontal bars for an inline SVG, widest = width; the number is printed beside each."""
    top = max((row[value] for row in rows), default=0) or 1
    return [{"label": row[label] or "(no outlet)", "value": row[value], "y": i * 22,
             "width": max(2, round(row[value] / top * width))} for i, row in enumerate(rows)]


def render(request: Request, template: str, data: dict, as_json: bool):
    if as_json:
        return JSONResponse(data)
    return TEMPLATES.TemplateResponse(request, template, {"data": data})


def tools_router(engine) -> APIRouter:
    router = APIRouter()

    @router.post("/api/check")
    def check_api(request: CheckRequest):
        """Is this quotation on record? Verdict (verbatim, shortened, altered, paraphrase, other-speaker,
        not-found), matches best first with the word diff, the earliest source and every outlet."""
        return run_check(engine, request.claim, request.speaker, request.limit)

    @router.get("/check{as_json:twin}", include_in_schema=False)
    def check_page(request: Request, as_json: bool,
                   claim: Optional[str] = Query(None, max_length=MAX_CLAIM_CHARS),
                   speaker: Optional[str] = Query(None, max_length=200)):
        if claim and claim.strip():
            data = run_check(engine, claim, speaker or None)
        else:
            data = {"claim": None, "speaker": speaker or None, "verdict": None, "matches": []}
        return render(request, "check.html", data, as_json)

    def stats_data(site, since, until, q, top) -> dict:
        filters = StatsFilters(site or None, since or None, until or None, q or None, top)
        with engine.connect() as connection:
            return stats(connection, filters)

    @router.get("/stats{as_json:twin}", include_in_schema=False)
    def stats_page(request: Request, as_json: bool, site: Optional[str] = Query(None, max_length=200),
                   since: Optional[str] = Query(None, pattern=DATE), until: Optional[str] = Query(None, pattern=DATE),
                   q: Optional[str] = Query(None, max_length=500), top: int = Query(20, ge=1, le=5000)):
        data = stats_data(site, since, until, q, top)
        if not as_json:
            weeks = {row["week"]: row["quotations"] for row in data["per_week"]}
            data = dict(data, charts={"outlets": hbars(data["outlets"], "outlet", "quotations"),
                                      "weeks": week_bars(weeks, width=900),
                                      "gender": hbars([{"g": g, "n": n} for g, n in data["gender"]["speakers"].items()],
                                                      "g", "n")},
                        query_string=str(request.url.query))
        return render(request, "stats.html", data, as_json)

    @router.get("/stats.csv", include_in_schema=False)
    def stats_csv(site: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, pattern=DATE),
                  until: Optional[str] = Query(None, pattern=DATE), q: Optional[str] = Query(None, max_length=500),
                  top: int = Query(20, ge=1, le=5000)):
        handle = io.StringIO()
        write_stats_csv(stats_data(site, since, until, q, top), handle)
        return Response(handle.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="onrecord-stats.csv"'})

    return router
