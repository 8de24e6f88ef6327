"""The application: JSON API under /api, pages from onrecord.web, errors always as JSON 4xx."""
from __future__ import annotations

import hmac
import os
import threading
from typing import Optional

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord import __version__
from onrecord.store import (SearchFilters, document_detail, ingest_extraction, open_engine, search,
                            speaker_by_id, statement_detail, top_speakers)

MAX_BODY_BYTES = 2 * 1024 * 1024
PER_PAGE_MAX = 100


class ExtractRequest(BaseModel):
    text: Optional[str] = Field(None, description="Plain text; offsets index into it exactly.")
    html: Optional[str] = Field(None, description="An HTML page; offsets index into its clean text.")
    source: Optional[str] = Field(None, description="Where it came from (a URL or a name); kept in doc.source.")


class Extractor:
    """One spaCy pipeline per application, loaded on first use, shared by requests."""

    def __init__(self, model: str | None):
        self.model = model
        self._nlp = None
        self._lock = threading.Lock()

    def extract(self, request: ExtractRequest):
        from onrecord.clean.html import EmptyPage
        from onrecord.pipeline import extract_raw, load_pipeline
        from onrecord.records import RawSource

        if bool(request.text) == bool(request.html):
            raise HTTPException(400, "send exactly one of text or html, not empty")
        raw = RawSource(request.source or "api", request.text or request.html, request.html is not None)
        with self._lock:
            if self._nlp is None:
                self._nlp = load_pipeline(self.model)
            try:
                return extract_raw(self._nlp, raw)
            except EmptyPage as error:
                raise HTTPException(422, str(error)) from None


class BodyLimit:
    """Refuse a request body over MAX_BODY_BYTES before reading it (plain ASGI: no per-request overhead)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length", b"")
            if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
                response = _error(413, f"request body larger than {MAX_BODY_BYTES // (1024 * 1024)} MB")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


def _page_filters(q, speaker, kind, since, until, site, page, per_page) -> SearchFilters:
    """Empty form fields mean no filter."""
    return SearchFilters(q or None, speaker or None, kind or None, since or None, until or None, site or None,
                         per_page, (page - 1) * per_page)


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
    return _page_filters(q, speaker, kind, since, until, site, page, per_page)


def create_app(db: str | None = None, model: str | None = None, token: str | None = None) -> FastAPI:
    engine = open_engine(db)
    extractor = Extractor(model)
    write_token = token if token is not None else os.environ.get("ONRECORD_TOKEN") or None
    app = FastAPI(title="onrecord", version=__version__,
                  description="Who said what: quotations, speakers, documents and statements from news pages.")
    app.state.engine = engine

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, error: StarletteHTTPException):
        return _error(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request, error: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in error.errors())
        return _error(400, problems or "invalid request")

    app.add_middleware(BodyLimit)

    api = APIRouter(prefix="/api")

    @api.get("/health")
    def health():
        return {"status": "ok", "version": __version__}

    @api.get("/quotations")
    async def quotations(filters: SearchFilters = Depends(search_params)):
        # a local index lookup of a few milliseconds: cheaper on the event loop than a thread hop
        with engine.connect() as connection:
            results = search(connection, filters)
        page = filters.offset // filters.limit + 1
        # records are plain JSON already: skip FastAPI's generic encoder on the hottest endpoint
        return JSONResponse({"page": page, "per_page": filters.limit, "results": results,
                             "next_page": page + 1 if len(results) == filters.limit else None})

    @api.get("/speakers")
    def speakers(top: int = Query(50, ge=1, le=1000)):
        with engine.connect() as connection:
            return {"speakers": top_speakers(connection, top)}

    def one(what: str, lookup, ident):
        with engine.connect() as connection:
            found = lookup(connection, ident)
        if found is None:
            raise HTTPException(404, f"no {what} {ident}")
        return found

    @api.get("/speakers/{speaker_id}")
    def speaker(speaker_id: int):
        return one("speaker", lambda c, i: speaker_by_id(c, i, latest=20), speaker_id)

    @api.get("/documents/{document_id}")
    def document(document_id: str):
        return one("document", document_detail, document_id)

    @api.get("/statements/{statement_id}")
    def statement(statement_id: int):
        return one("statement", statement_detail, statement_id)

    @api.post("/extract")
    def extract(request: ExtractRequest):
        """Text or HTML in, quotation records out; nothing is stored."""
        extraction = extractor.extract(request)
        return {"quotations": extraction.records(), "text": extraction.document.text}

    def require_token(request: Request) -> None:
        if write_token is None:
            raise HTTPException(403, "writes are off: start the server with ONRECORD_TOKEN set")
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), write_token.encode()):
            raise HTTPException(401, "missing or wrong token (Authorization: Bearer TOKEN)")

    @api.post("/ingest", dependencies=[Depends(require_token)])
    def ingest(request: ExtractRequest):
        """Extract and store, as `onrecord ingest` does; needs the write token."""
        extraction = extractor.extract(request)
        with engine.begin() as connection:
            outcome = ingest_extraction(connection, extraction)
        return {"status": outcome.status, "quotations_added": outcome.quotes_added,
                "document_id": extraction.document.info.id}

    app.include_router(api)
    from onrecord.web import pages_router

    app.include_router(pages_router(engine))
    return app


def app_from_environment() -> FastAPI:
    """The application for `onrecord serve --workers N`: each uvicorn worker process builds its own."""
    return create_app(os.environ.get("ONRECORD_SERVE_DB") or None, os.environ.get("ONRECORD_SERVE_MODEL") or None)
