"""The pages: search, speakers, speaker, document, statement. Every page has a JSON twin at the same URL
plus .json, served by the same route: what a person sees, a script can fetch."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.convertors import Convertor, register_url_convertor

from onrecord.server.highlight import sections, speaker_colour, week_bars
from onrecord.server.params import page_url, paged, search_params, stored_id
from onrecord.store import (SearchFilters, document_detail, search, speaker_by_id, statement_detail,
                            top_speakers)

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["speaker_colour"] = speaker_colour
TEMPLATES.env.globals["page_url"] = page_url


class TwinConvertor(Convertor):
    """'' for the page, '.json' for its JSON twin: /speakers and /speakers.json are one route."""

    regex = r"(?:\.json)?"

    def convert(self, value: str) -> bool:
        return value == ".json"

    def to_string(self, value: bool) -> str:
        return ".json" if value else ""


register_url_convertor("twin", TwinConvertor())


def _split(ref: str) -> tuple[str, bool]:
    """'12.json' -> ('12', True): a path segment that ends the URL and may carry the twin's suffix."""
    return (ref[:-5], True) if ref.endswith(".json") else (ref, False)


def _int(value: str, what: str) -> int:
    """An id from the URL: ASCII digits that fit the database's integers ('²' and 10**20 are no id)."""
    if not stored_id(value):
        raise HTTPException(404, f"no {what} {value[:40]}")
    return int(value)


def pages_router(engine) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def render(request: Request, template: str, data: dict, as_json: bool):
        if as_json:
            return JSONResponse(data)
        return TEMPLATES.TemplateResponse(request, template, {"data": data})

    def search_page(request: Request, filters: SearchFilters, as_json: bool):
        with engine.connect() as connection:
            results = search(connection, filters)
        data = {"filters": {"q": filters.query, "speaker": filters.speaker, "kind": filters.kind,
                            "since": filters.since, "until": filters.until, "site": filters.site},
                **paged(filters, results)}
        return render(request, "search.html", data, as_json)

    @router.get("/")
    def home(request: Request, filters: SearchFilters = Depends(search_params)):
        return search_page(request, filters, False)

    @router.get("/search{as_json:twin}")
    def search_twin(request: Request, as_json: bool, filters: SearchFilters = Depends(search_params)):
        return search_page(request, filters, as_json)

    @router.get("/speakers{as_json:twin}")
    def speakers_page(request: Request, as_json: bool):
        with engine.connect() as connection:
            return render(request, "speakers.html", {"speakers": top_speakers(connection, 200)}, as_json)

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
            data = dict(data, sections=sections(data["text"], data["posts"], data["quotations"], data["title"]))
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
