"""`onrecord watch`: feeds and live-blog pages polled on a schedule, new items ingested.

State lives in the archive (watch_targets, watch_items), so a restart resumes where it stopped:
a feed item is marked seen in the same transaction that stores its document.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import feedparser
from sqlalchemy import insert, select, update

from onrecord.pipeline import PageError, document_or_error, extract_documents
from onrecord.records import RawSource
from onrecord.sources.fetch import Fetched, Fetcher, FetchError
from onrecord.store import ingest_extraction
from onrecord.store.ingest import now_iso
from onrecord.store.schema import watch_items, watch_targets

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


def parse_interval(text: str) -> float:
    """'90', '30s', '5m', '1h' -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text or "")
    if not match:
        raise ValueError(f"{text!r}: not an interval (use 30s, 5m, 1h)")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


@dataclass
class PollResult:
    url: str
    status: str
    new_items: int = 0
    quotations_added: int = 0


class Stopped(Exception):
    """Raised by the SIGTERM/SIGINT handler while the watcher fetches or extracts (nothing is being stored)."""


class Watcher:
    """Polls its targets; one bad target or item is reported and never stops the others. stop_now() (from a
    signal handler) ends a fetch or an extraction at once and a storing transaction after it commits."""

    def __init__(self, engine, nlp, fetcher: Fetcher, report: Callable[[str], None],
                 after_poll: Callable[[], None] | None = None):
        self.engine = engine
        self.nlp = nlp
        self.fetcher = fetcher
        self.report = report
        self.after_poll = after_poll or (lambda: None)
        """Called after each target is polled (webhooks for what it stored: onrecord.notify)."""
        self.stop = threading.Event()
        self._interruptible = False

    def stop_now(self) -> None:
        self.stop.set()
        if self._interruptible:
            raise Stopped()

    @contextmanager
    def _may_stop(self):
        """Fetching or extracting: a stop request may end it here, since nothing is being stored."""
        if self.stop.is_set():
            raise Stopped()
        self._interruptible = True
        try:
            yield
        finally:
            self._interruptible = False

    def run(self, targets: list[str], every: float, once: bool = False) -> None:
        try:
            while not self.stop.is_set():
                for url in targets:
                    if self.stop.is_set():
                        break
                    result = self._poll_or_error(url)
                    self.report(f"{result.url}: {result.status}; {result.new_items} new items, "
                                f"{result.quotations_added} quotations added")
                    self._after_poll_or_error()
                if once:
                    return
                self.stop.wait(every)
        except Stopped:
            return

    def _poll_or_error(self, url: str) -> PollResult:
        try:
            return self.poll(url)
        except Stopped:
            raise
        except Exception as error:  # noqa: BLE001 (one target never stops the others)
            return PollResult(url, f"error: {_one_line(error)}")

    def _after_poll_or_error(self) -> None:
        try:
            self.after_poll()
        except Stopped:
            raise
        except Exception as error:  # noqa: BLE001 (a webhook that fails never stops the polling)
            self.report(f"after poll: error: {_one_line(error)}")

    def poll(self, url: str) -> PollResult:
        state = self._state(url)
        try:
            with self._may_stop():
                fetched = self.fetcher.fetch(url, state.get("etag"), state.get("last_modified"))
        except FetchError as error:
            self._save_state(url, state, status=str(error))
            return PollResult(url, f"error: {error}")
        if fetched.not_modified:
            self._save_state(url, state, status="not modified")
            return PollResult(url, "not modified")
        if self._is_feed(fetched):
            result = self._poll_feed(url, fetched)
        else:
            result = self._ingest(url, fetched, item=None)
        self._save_state(url, {"etag": fetched.etag, "last_modified": fetched.last_modified}, status=result.status)
        return result

    @staticmethod
    def _is_feed(fetched: Fetched) -> bool:
        if any(fetched.content_type.startswith(t) for t in FEED_TYPES):
            return True
        head = fetched.content[:300].lstrip().lower()
        return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")

    def _poll_feed(self, url: str, fetched: Fetched) -> PollResult:
        feed = feedparser.parse(fetched.content)
        if feed.bozo and not feed.entries:
            return PollResult(url, "error: not a feed (not XML or not RSS/Atom)")
        links = list(dict.fromkeys(entry.get("link") for entry in feed.entries if entry.get("link")))
        seen = self._seen(url)
        result = PollResult(url, "feed")
        for link in links:
            if self.stop.is_set():
                break
            if link in seen:
                continue
            try:
                with self._may_stop():
                    page = self.fetcher.fetch(link)
            except FetchError as error:
                self.report(f"{link}: error: {error}")  # not marked: a failed fetch is tried again next time
                continue
            try:
                item = self._ingest(link, page, item=(url, link))
            except Stopped:
                raise
            except Exception as error:  # noqa: BLE001 (say so, and go on with the next item)
                self.report(f"{link}: error: {_one_line(error)}")
                continue
            result.new_items += 1
            result.quotations_added += item.quotations_added
        return result

    def _ingest(self, url: str, fetched: Fetched, item: tuple[str, str] | None) -> PollResult:
        """Extract and store a page; a page that gives no document is marked seen with its error."""
        text = fetched.text()
        raw = RawSource(url, text, "html" in fetched.content_type or text.lstrip().startswith("<"), fetched.url)
        with self._may_stop():
            document = document_or_error(raw)
            if isinstance(document, PageError):
                return self._failed(url, item, document.message)
            try:
                extraction = next(extract_documents(self.nlp, [document]))
            except Exception as error:  # noqa: BLE001
                return self._failed(url, item, f"{url}: cannot extract ({_one_line(error)})")
        with self.engine.begin() as connection:
            outcome = ingest_extraction(connection, extraction)
            if item is not None:
                connection.execute(insert(watch_items).values(target_url=item[0], item_url=item[1], seen_at=now_iso()))
        return PollResult(url, outcome.status, 0, outcome.quotes_added)

    def _failed(self, url: str, item, message: str) -> PollResult:
        """A feed item that gives no document is marked seen with its error (trying again would fail again)."""
        message = message.removeprefix(f"{url}: ")
        if item is not None:
            with self.engine.begin() as connection:
                connection.execute(insert(watch_items).values(target_url=item[0], item_url=item[1],
                                                              seen_at=now_iso(), error=message[:1000]))
            self.report(f"{url}: error: {message}")
        return PollResult(url, f"error: {message}")

    def _state(self, url: str) -> dict:
        with self.engine.connect() as connection:
            row = connection.execute(select(watch_targets).where(watch_targets.c.url == url)).first()
        return dict(row._mapping) if row else {}

    def _seen(self, url: str) -> set[str]:
        with self.engine.connect() as connection:
            return {r[0] for r in connection.execute(select(watch_items.c.item_url)
                                                     .where(watch_items.c.target_url == url))}

    def _save_state(self, url: str, state: dict, status: str) -> None:
        values = {"etag": state.get("etag"), "last_modified": state.get("last_modified"),
                  "last_checked": now_iso(), "last_status": status[:500]}
        with self.engine.begin() as connection:
            exists = connection.execute(select(watch_targets.c.url).where(watch_targets.c.url == url)).first()
            if exists:
                connection.execute(update(watch_targets).where(watch_targets.c.url == url).values(**values))
            else:
                connection.execute(insert(watch_targets).values(url=url, **values))


def _one_line(error: Exception) -> str:
    text = (str(error).strip().splitlines() or [""])[0][:300]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
