"""The pages: search, speakers, speaker, document, statement. Every page has a .json twin."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates

from onrecord.store import (SearchFilters, document_detail, search, speaker_by_id, statement_detail,
                            top_speakers)
from onrecord.web.highlight import pieces, speaker_colour, week_bars

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["speaker_colour"] = speaker_colour


def _split(ref: str) -> tuple[str, bool]:
    return (ref[:-5], True) if ref.endswith(".json") else (ref, False)


def _int(value: str, what: str) -> int:
    if not value.isdigit():
        raise HTTPException(404, f"no {what} {value}")
    return int(value)


def pages_router(engine) -> APIRouter:
    from onrecord.api.app import search_params

    router = APIRouter(include_in_schema=False)

    def render(request: Request, template: str, data: dict, as_json: bool):
        if as_json:
            return JSONResponse(data)
        return TEMPLATES.TemplateResponse(request, template, {"data": data})

    def search_data(filters: SearchFilters) -> dict:
        with engine.connect() as connection:
            results = search(connection, filters)
        page = filters.offset // filters.limit + 1
        return {"filters": {"q": filters.query, "speaker": filters.speaker, "kind": filters.kind,
                            "since": filters.since, "until": filters.until, "site": filters.site},
                "page": page, "per_page": filters.limit, "results": results,
                "next_page": page + 1 if len(results) == filters.limit else None}

    @router.get("/")
    def home(request: Request, filters: SearchFilters = Depends(search_params)):
        return render(request, "search.html", search_data(filters), False)

    @router.get("/search.json")
    def home_json(request: Request, filters: SearchFilters = Depends(search_params)):
        return render(request, "search.html", search_data(filters), True)

    @router.get("/speakers")
    def speakers_page(request: Request):
        with engine.connect() as connection:
            return render(request, "speakers.html", {"speakers": top_speakers(connection, 200)}, False)

    @router.get("/speakers.json")
    def speakers_json(request: Request):
        with engine.connect() as connection:
            return render(request, "speakers.html", {"speakers": top_speakers(connection, 200)}, True)

    @router.get("/speakers/{ref}")
    def speaker_page(request: Request, ref: str):
        ident, as_json = _split(ref)
        with engine.connect() as connection:
            data = speaker_by_id(connection, _int(ident, "speaker"), latest=20)
        if data is None:
            raise HTTPException(404, f"no speaker {ident}")
        if not as_json:
            data = dict(data, bars=week_bars(data["per_week"]))
        return render(request, "speaker.html", data, as_json)

    @router.get("/documents/{ref}")
    def document_page(request: Request, ref: str):
        ident, as_json = _split(ref)
        with engine.connect() as connection:
            data = document_detail(connection, ident)
        if data is None:
            raise HTTPException(404, f"no document {ident}")
        if not as_json:
            data = dict(data, pieces=pieces(data["text"], data["quotations"]))
        return render(request, "document.html", data, as_json)

    @router.get("/statements/{ref}")
    def statement_page(request: Request, ref: str):
        ident, as_json = _split(ref)
        with engine.connect() as connection:
            data = statement_detail(connection, _int(ident, "statement"))
        if data is None:
            raise HTTPException(404, f"no statement {ident}")
        return render(request, "statement.html", data, as_json)

    return router
