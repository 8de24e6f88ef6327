"""The JSON API under /api: search, speakers, documents, statements, extract and (with a token) ingest."""
from __future__ import annotations

import hashlib
import hmac
import threading
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from onrecord import __version__
from onrecord.server.params import paged, search_params, stored_id
from onrecord.store import (SearchFilters, document_detail, ingest_extraction, search, speaker_by_id,
                            statement_detail, top_speakers)
from onrecord.store.queries import version_quotations
from onrecord.store.versions import version_detail


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
        from onrecord.pipeline import TextTooLong, extract_raw, load_pipeline
        from onrecord.records import RawSource

        if bool(request.text) == bool(request.html):
            raise HTTPException(400, "send exactly one of text or html, not empty")
        content = request.text or request.html
        raw = RawSource(request.source or "api", content, request.html is not None,
                        identity=api_identity(request.source, content))
        with self._lock:
            if self._nlp is None:
                self._nlp = load_pipeline(self.model)
            try:
                return extract_raw(self._nlp, raw)
            except (EmptyPage, TextTooLong) as error:
                raise HTTPException(422, str(error)) from None


def api_identity(source: str | None, content: str) -> str:
    """What a document sent to the API is: its name there, apart from files and fetched URLs of the same
    name; with no name, its content, so that a call without a source never touches another document."""
    if source:
        return f"api:{source}"
    return "sha256:" + hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def api_router(engine, extractor: Extractor, write_token: str | None) -> APIRouter:
    api = APIRouter(prefix="/api")

    @api.get("/health")
    def health():
        return {"status": "ok", "version": __version__}

    @api.get("/quotations")
    async def quotations(filters: SearchFilters = Depends(search_params)):
        # a local index lookup of a few milliseconds: cheaper on the event loop than a thread hop
        with engine.connect() as connection:
            results = search(connection, filters)
        # records are plain JSON already: skip FastAPI's generic encoder on the hottest endpoint
        return JSONResponse(paged(filters, results))

    @api.get("/speakers")
    def speakers(top: int = Query(50, ge=1, le=1000)):
        with engine.connect() as connection:
            return {"speakers": top_speakers(connection, top)}

    def one(what: str, lookup, ident):
        if isinstance(ident, int) and not stored_id(ident):
            raise HTTPException(404, f"no {what} {ident}")
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

    @api.get("/documents/{document_id}/versions/{number}")
    def document_version(document_id: str, number: int):
        """One version of a document: its text and the quotations whose offsets index it."""
        def lookup(connection, ident):
            found = version_detail(connection, document_id, ident)
            return found and dict(found, quotations=version_quotations(connection, document_id, ident))
        return one(f"version of document {document_id} numbered", lookup, number)

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
                "document_id": extraction.document.info.id, "version": outcome.version}

    return api
