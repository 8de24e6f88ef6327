"""The application: the JSON API, the pages, one body limit, and errors always as JSON 4xx."""
from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord import __version__
from onrecord.server.api import Extractor, api_router
from onrecord.server.feeds import feeds_router
from onrecord.server.pages import pages_router
from onrecord.server.tools import tools_router
from onrecord.store import open_engine
from onrecord.store.database import store_problem

MAX_BODY_BYTES = 2 * 1024 * 1024


class BodyTooLarge(StarletteHTTPException):
    def __init__(self):
        super().__init__(413, f"request body larger than {MAX_BODY_BYTES // (1024 * 1024)} MB")


class BodyLimit:
    """Refuse a request body over MAX_BODY_BYTES: at once when Content-Length says so, else while it streams
    in (chunked transfer has no length), before more than the limit is read (plain ASGI: no per-request cost)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            await error_response(413, BodyTooLarge().detail)(scope, receive, send)
            return
        received = 0
        started = False

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:
                    raise BodyTooLarge()
            return message

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge as error:
            if not started:
                await error_response(413, error.detail)(scope, receive, send)


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


def create_app(db: str | None = None, model: str | None = None, token: str | None = None) -> FastAPI:
    engine = open_engine(db, read_only_ok=True)
    write_token = token if token is not None else os.environ.get("ONRECORD_TOKEN") or None
    app = FastAPI(title="onrecord", version=__version__,
                  description="Who said what: quotations, speakers, documents and statements from news pages.")
    app.state.engine = engine

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, error: StarletteHTTPException):
        return error_response(error.status_code, str(error.detail))

    @app.exception_handler(DBAPIError)
    async def database_error(_request, error: DBAPIError):
        return error_response(503, f"the archive cannot be read: {store_problem(error)}")

    @app.exception_handler(Exception)
    async def unexpected_error(_request, error: Exception):
        return error_response(500, f"internal error ({type(error).__name__}); the server log has the details")

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
