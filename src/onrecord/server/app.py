"""The application: the JSON API, the pages, one body limit, and errors always as JSON 4xx."""
from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord import __version__
from onrecord.server.api import Extractor, api_router
from onrecord.server.feeds import feeds_router
from onrecord.server.pages import pages_router
from onrecord.server.tools import tools_router
from onrecord.store import open_engine

MAX_BODY_BYTES = 2 * 1024 * 1024


class BodyLimit:
    """Refuse a request body over MAX_BODY_BYTES before reading it (plain ASGI: no per-request overhead)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length", b"")
            if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
                response = error_response(413, f"request body larger than {MAX_BODY_BYTES // (1024 * 1024)} MB")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


def create_app(db: str | None = None, model: str | None = None, token: str | None = None) -> FastAPI:
    engine = open_engine(db)
    write_token = token if token is not None else os.environ.get("ONRECORD_TOKEN") or None
    app = FastAPI(title="onrecord", version=__version__,
                  description="Who said what: quotations, speakers, documents and statements from news pages.")
    app.state.engine = engine

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, error: StarletteHTTPException):
        return error_response(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request, error: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in error.errors())
        return error_response(400, problems or "invalid request")

    app.add_middleware(BodyLimit)
    app.include_router(api_router(engine, Extractor(model), write_token))
    app.include_router(tools_router(engine))
    app.include_router(feeds_router(engine))  # before the pages: /speakers/{ref} would take 12.atom
    app.include_router(pages_router(engine))
    return app


def app_from_environment() -> FastAPI:
    """The application for `onrecord serve --workers N`: each uvicorn worker process builds its own."""
    return create_app(os.environ.get("ONRECORD_SERVE_DB") or None, os.environ.get("ONRECORD_SERVE_MODEL") or None)
