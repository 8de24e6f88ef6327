"""Webhooks for followed speakers and searches: `onrecord watch --notify URL` posts each new matching
quotation once.

The body is JSON; `X-Onrecord-Signature: sha256=HEX` is the HMAC-SHA256 of the exact body bytes with the
secret in $ONRECORD_WEBHOOK_SECRET. A failed post (network error, 429, 5xx) is retried with backoff; what
is still undelivered stays pending for the next round, and a restart picks it up (deliveries and the
scan position are in the archive). Each statement reaches a webhook once: the same words carried by a
second outlet are not news. A delivery is recorded as soon as the receiver answers 2xx; a process killed
between that answer and the record may post it again, so `X-Onrecord-Delivery` names it for receivers
that must be exact.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Callable

import httpx
from sqlalchemy import and_, insert, select, update

from onrecord import __version__
from onrecord.store.follow import Follow, list_follows, matching_quotations, newest_quotation_id
from onrecord.store.ingest import now_iso
from onrecord.store.queries import record_columns, to_record
from onrecord.store.schema import documents, quotations
from onrecord.store.tools_schema import notify_cursors, notify_deliveries

SECRET_VARIABLE = "ONRECORD_WEBHOOK_SECRET"
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}
LOOKBACK = 1000
"""Ids re-scanned behind the cursor each round: on PostgreSQL a transaction that began earlier can commit
a lower id later; the delivery table keeps the re-scan from posting anything twice."""


def webhook_problem(url: str) -> str | None:
    """Why a webhook URL cannot be posted to, in a few words, or None: checked once at the start, so a
    malformed URL is one error line, never a traceback in the loop or five retries of a post that cannot go."""
    if any(character.isspace() for character in url):
        return "a URL has no spaces"
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        return f"not a URL ({error})"
    if parsed.scheme not in ("http", "https"):
        return "not an http(s) URL"
    if not parsed.host:
        return "no host in the URL"
    if parsed.port is not None and not 0 < parsed.port < 65536:
        return f"port {parsed.port} is out of range"
    return None


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class Notifier:
    def __init__(self, engine, webhooks: list[str], secret: str, report: Callable[[str], None],
                 stop: threading.Event | None = None, retries: int = 4, backoff: float = 0.5, timeout: float = 10.0):
        for webhook in webhooks:
            if webhook_problem(webhook):
                raise ValueError(f"{webhook}: {webhook_problem(webhook)}")
        self.engine = engine
        self.webhooks = webhooks
        self.secret = secret
        self.report = report
        self.stop = stop or threading.Event()
        self.retries = retries
        self.backoff = backoff
        self.client = httpx.Client(timeout=timeout, follow_redirects=False,
                                   headers={"User-Agent": f"onrecord/{__version__} (webhook)"})

    def close(self) -> None:
        self.client.close()

    def deliver(self) -> None:
        """Post every new quotation that matches a follow to every webhook, each at most once."""
        for webhook in self.webhooks:
            if self.stop.is_set():
                return
            self._deliver_to(webhook)

    def _deliver_to(self, webhook: str) -> None:
        with self.engine.connect() as connection:
            follows = list_follows(connection)
            cursor = self._cursor(connection, webhook)
            newest = newest_quotation_id(connection)
            due = self._due(connection, follows, max(0, cursor - LOOKBACK), newest)
        sent = 0
        for quotation_id, matched in sorted(due.items()):
            if self.stop.is_set() or not self._send_one(webhook, quotation_id, matched):
                self._save_cursor(webhook, quotation_id - 1 if not self.stop.is_set() else cursor)
                return
            sent += 1
        self._save_cursor(webhook, newest)
        if sent:
            self.report(f"{webhook}: {sent} quotations posted")

    def _due(self, connection, follows: list[Follow], after_id: int, newest: int) -> dict[int, list[Follow]]:
        due: dict[int, list[Follow]] = {}
        for follow in follows:
            for quotation_id in matching_quotations(connection, follow, after_id, newest):
                due.setdefault(quotation_id, []).append(follow)
        return due

    def _send_one(self, webhook: str, quotation_id: int, matched: list[Follow]) -> bool:
        """True when delivered now or before (same statement); False when the webhook failed every try."""
        with self.engine.connect() as connection:
            row = connection.execute(select(*record_columns()).select_from(
                quotations.join(documents, documents.c.id == quotations.c.document_id))
                .where(quotations.c.id == quotation_id)).first()
            if row is None or self._delivered(connection, webhook, row.statement_id):
                return True
        delivery = f"{row.document_id}:{row.quote_key}"
        body = json.dumps({"event": "quotation", "delivery": delivery, "sent_at": now_iso(),
                           "follows": [f.as_dict() for f in matched], "quotation": to_record(row)},
                          ensure_ascii=False).encode("utf-8")
        if not self._post(webhook, body, delivery):
            return False
        with self.engine.begin() as connection:
            if not self._delivered(connection, webhook, row.statement_id):
                connection.execute(insert(notify_deliveries).values(
                    webhook=webhook, statement_id=row.statement_id, quotation_id=quotation_id, delivered_at=now_iso()))
        return True

    def _post(self, webhook: str, body: bytes, delivery: str) -> bool:
        headers = {"Content-Type": "application/json", "X-Onrecord-Signature": sign(self.secret, body),
                   "X-Onrecord-Delivery": delivery}
        for attempt in range(self.retries + 1):
            try:
                response = self.client.post(webhook, content=body, headers=headers)
                if 200 <= response.status_code < 300:
                    return True
                problem = f"HTTP {response.status_code}"
                if response.status_code not in RETRY_STATUSES:
                    self.report(f"{webhook}: {problem}; not retried, left pending")
                    return False
            except httpx.HTTPError as error:
                problem = str(error) or type(error).__name__
            if attempt < self.retries and self.stop.wait(self.backoff * 2 ** attempt):
                return False
        self.report(f"{webhook}: {problem} after {self.retries + 1} tries; left pending for the next round")
        return False

    @staticmethod
    def _delivered(connection, webhook: str, statement_id: int) -> bool:
        found = connection.execute(select(notify_deliveries.c.quotation_id).where(and_(
            notify_deliveries.c.webhook == webhook, notify_deliveries.c.statement_id == statement_id))).first()
        return found is not None

    @staticmethod
    def _cursor(connection, webhook: str) -> int:
        value = connection.execute(select(notify_cursors.c.last_quotation_id)
                                   .where(notify_cursors.c.webhook == webhook)).scalar()
        return value or 0

    def _save_cursor(self, webhook: str, value: int) -> None:
        with self.engine.begin() as connection:
            exists = connection.execute(select(notify_cursors.c.webhook)
                                        .where(notify_cursors.c.webhook == webhook)).first()
            if exists:
                connection.execute(update(notify_cursors).where(notify_cursors.c.webhook == webhook)
                                   .values(last_quotation_id=value))
            else:
                connection.execute(insert(notify_cursors).values(webhook=webhook, last_quotation_id=value))
