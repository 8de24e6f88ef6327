"""Atom feeds to follow a speaker or a search in a feed reader: /speakers/ID.atom and /search.atom?q=&speaker=...

Entry ids are built from the document and the quotation's content key, never from offsets or row numbers,
so a live blog re-fetched with its quotations moved, or an archive rebuilt from the same pages, gives
the same ids and a reader shows nothing twice.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select

from onrecord import __version__
from onrecord.server.params import search_params, stored_id
from onrecord.store import SearchFilters, search, speaker_by_id
from onrecord.store.schema import quotations, speakers

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
ET.register_namespace("", ATOM)


def entry_id(document_id: str, quote_key: str) -> str:
    return f"urn:onrecord:quotation:{document_id}:{quote_key}"


def rfc3339(value: str | None) -> str:
    """Archive dates (a day, or a time with or without zone) as Atom's date-time, UTC when unzoned."""
    if not value:
        return "1970-01-01T00:00:00Z"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return "1970-01-01T00:00:00Z"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _quote_keys(connection, records: list[dict]) -> dict[tuple[str, str], str]:
    ids = [r["id"] for r in records]
    if not ids:
        return {}
    # document_id leads an index (the unique document/quote_key pair); record_id alone has none
    rows = connection.execute(select(quotations.c.document_id, quotations.c.record_id, quotations.c.quote_key)
                              .where(quotations.c.document_id.in_({r["doc"]["id"] for r in records}),
                                     quotations.c.record_id.in_(ids)))
    return {(row.document_id, row.record_id): row.quote_key for row in rows}


def _add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def atom_feed(base: str, self_url: str, page_url: str, title: str, records: list[dict], keys: dict) -> bytes:
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", self_url)
    _add(feed, "title", title)
    _add(feed, "updated", max((rfc3339(r["date"]) for r in records), default="1970-01-01T00:00:00Z"))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(feed, "generator", "onrecord", version=__version__)
    for record in records:
        _entry(feed, base, record, keys.get((record["doc"]["id"], record["id"]), record["id"]))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(feed, base: str, record: dict, quote_key: str) -> None:
    speaker = record["speaker"] or {}
    who = speaker.get("name") or speaker.get("mention") or "unknown speaker"
    doc = record["doc"]
    words = record["text"] if len(record["text"]) <= 90 else record["text"][:90].rsplit(" ", 1)[0] + "…"
    entry = _add(feed, "entry")
    _add(entry, "id", entry_id(doc["id"], quote_key))
    _add(entry, "title", f"{who}: “{words}”")
    _add(entry, "updated", rfc3339(record["date"]))
    _add(entry, "published", rfc3339(record["date"]))
    author = _add(entry, "author")
    _add(author, "name", who)
    _add(entry, "link", rel="alternate", type="text/html", href=f"{base}/documents/{doc['id']}#q-{record['id']}")
    if doc.get("url"):
        _add(entry, "link", rel="related", href=doc["url"])
    role = f", {speaker['role']}" if speaker.get("role") else ""
    source = doc.get("site") or doc.get("title") or doc.get("source")
    how = f"{record['kind']}, {record.get('cue') or 'no cue'}"
    _add(entry, "content", f"“{record['text']}” — {who}{role} ({how}), {source}, {(record['date'] or '')[:10]}",
         type="text")


def feeds_router(engine) -> APIRouter:
    """Include before the pages: /speakers/{ref} would take '12.atom' for a speaker id."""
    router = APIRouter(include_in_schema=False)

    def respond(request: Request, page_url: str, title: str, find) -> Response:
        base = str(request.base_url).rstrip("/")
        with engine.connect() as connection:
            records = find(connection)
            keys = _quote_keys(connection, records)
        body = atom_feed(base, str(request.url), base + page_url, title, records, keys)
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    @router.get("/speakers/{speaker_id:int}.atom")
    def speaker_feed(request: Request, speaker_id: int):
        # by id, not by name: one person, even when others share the surname
        if not stored_id(speaker_id):
            raise HTTPException(404, f"no speaker {speaker_id}")
        with engine.connect() as connection:
            name = connection.execute(select(speakers.c.name).where(speakers.c.id == speaker_id)).scalar()
        if name is None:
            raise HTTPException(404, f"no speaker {speaker_id}")
        return respond(request, f"/speakers/{speaker_id}", f"{name} on the record · onrecord",
                       lambda connection: speaker_by_id(connection, speaker_id, latest=FEED_ENTRIES)["latest"])

    @router.get("/search.atom")
    def search_feed(request: Request, filters: SearchFilters = Depends(search_params)):
        filters.limit, filters.offset = FEED_ENTRIES, 0
        described = " · ".join(f"{k}: {v}" for k, v in request.query_params.items()
                               if v and k not in ("page", "per_page"))
        return respond(request, f"/?{request.url.query}", f"Search {described or 'everything'} · onrecord",
                       lambda connection: search(connection, filters))

    return router
