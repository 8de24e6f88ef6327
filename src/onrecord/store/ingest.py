"""Writing to the archive: one transaction per document, idempotent, speakers merged, statements deduplicated."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import and_, func, insert, select, update

from onrecord.store.dedup import same_statement
from onrecord.store.gender import record_evidence
from onrecord.store.keys import PRONOUNS, name_key, quote_key, role_key, text_key
from onrecord.store.schema import quotations, speaker_aliases, speaker_roles, speakers, statements
from onrecord.store.versions import store_posts, store_version, supersede_missing


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class IngestOutcome:
    status: str  # "new", "updated" (a new version) or "unchanged"
    quotes_added: int
    version: int = 1


LONE_SURNAME_KINDS = ("person", "organization", "unknown")
"""A one-word speaker of these kinds may be a surname (small models often tag an unfamiliar surname as an
organisation); a place ("Jordan said") never joins a person."""


class SpeakerResolver:
    """Cross-document merge: full names match exactly (titles stripped); a lone surname joins the one
    person who carries it, never a guess between two; two different full names never merge."""

    def __init__(self, connection, seen: str):
        self.connection = connection
        self.seen = seen

    def resolve(self, speaker: dict | None) -> int | None:
        if not speaker or not speaker.get("name"):
            return None
        name, kind = speaker["name"], speaker.get("kind") or "unknown"
        key = name_key(name)
        if not key:
            return None
        words = key.split()
        if kind in LONE_SURNAME_KINDS and len(words) == 1:
            holders = self._surname_holders(words[0])
            if len(holders) == 1:
                speaker_id = holders[0]
                self._touch(speaker_id)
                return speaker_id
        speaker_id = self._find(key)
        if speaker_id is None:
            speaker_id = self._create(name, key, kind)
            if kind == "person" and len(words) >= 2:
                self._absorb_lone_surname(speaker_id, words[-1])
        else:
            self._touch(speaker_id)
        mention = speaker.get("mention") or ""
        if mention and mention.lower() not in PRONOUNS and name_key(mention) != key:
            self._alias(speaker_id, mention, name_key(mention), False)
        self._role(speaker_id, speaker.get("role"), speaker.get("affiliation"))
        return speaker_id

    def _find(self, key: str) -> int | None:
        return self.connection.execute(select(speakers.c.id).where(speakers.c.name_key == key)).scalar()

    def _surname_holders(self, surname: str) -> list[int]:
        rows = self.connection.execute(
            select(speaker_aliases.c.speaker_id).distinct()
            .where(and_(speaker_aliases.c.alias_key == surname, speaker_aliases.c.is_surname == 1)))
        return [r[0] for r in rows]

    def _create(self, name: str, key: str, kind: str) -> int:
        speaker_id = self.connection.execute(insert(speakers).values(
            name=name, name_key=key, kind=kind, first_seen=self.seen, last_seen=self.seen)).inserted_primary_key[0]
        self._alias(speaker_id, name, key, False)
        words = key.split()
        if kind == "person" and len(words) >= 2:
            self._alias(speaker_id, name.split()[-1], words[-1], True)
        return speaker_id

    def _absorb_lone_surname(self, speaker_id: int, surname: str) -> None:
        """A surname-only speaker stored before any full name joins this person when they are the only
        one with that surname."""
        if len(self._surname_holders(surname)) != 1:
            return
        lone = self._find(surname)
        if lone is None or lone == speaker_id:
            return
        lone_kind = self.connection.execute(select(speakers.c.kind).where(speakers.c.id == lone)).scalar()
        if lone_kind not in LONE_SURNAME_KINDS:
            return
        for table in (quotations, statements, speaker_roles):
            self.connection.execute(update(table).where(table.c.speaker_id == lone).values(speaker_id=speaker_id))
        for row in self.connection.execute(select(speaker_aliases).where(speaker_aliases.c.speaker_id == lone)).all():
            self._alias(speaker_id, row.alias, row.alias_key, bool(row.is_surname))
        self.connection.execute(speaker_aliases.delete().where(speaker_aliases.c.speaker_id == lone))
        self.connection.execute(speakers.delete().where(speakers.c.id == lone))

    def _touch(self, speaker_id: int) -> None:
        self.connection.execute(update(speakers).where(speakers.c.id == speaker_id).values(
            last_seen=func.max(speakers.c.last_seen, self.seen) if self.connection.dialect.name == "sqlite"
            else func.greatest(speakers.c.last_seen, self.seen)))

    def _alias(self, speaker_id: int, alias: str, key: str, is_surname: bool) -> None:
        if not key:
            return
        exists = self.connection.execute(select(speaker_aliases.c.id).where(and_(
            speaker_aliases.c.speaker_id == speaker_id, speaker_aliases.c.alias_key == key))).scalar()
        if exists is None:
            self.connection.execute(insert(speaker_aliases).values(
                speaker_id=speaker_id, alias=alias, alias_key=key, is_surname=int(is_surname)))

    def _role(self, speaker_id: int, role: str | None, affiliation: str | None) -> None:
        if not role and not affiliation:
            return
        key = role_key(role, affiliation)
        row = self.connection.execute(select(speaker_roles.c.id, speaker_roles.c.first_seen,
                                             speaker_roles.c.last_seen).where(and_(
            speaker_roles.c.speaker_id == speaker_id, speaker_roles.c.role_key == key))).first()
        if row is None:
            self.connection.execute(insert(speaker_roles).values(
                speaker_id=speaker_id, role=role, affiliation=affiliation, role_key=key,
                first_seen=self.seen, last_seen=self.seen))
        else:
            self.connection.execute(update(speaker_roles).where(speaker_roles.c.id == row.id).values(
                first_seen=min(row.first_seen, self.seen), last_seen=max(row.last_seen, self.seen)))


def _statement(connection, speaker_id, text: str, seen: str, document_id: str) -> int:
    """The same words by the same speaker are one statement, wherever they appear (trimmed or re-punctuated,
    never with another negation, number or name: store.dedup); first seen kept."""
    norm = text_key(text)
    if speaker_id is None:
        match = connection.execute(select(statements.c.id, statements.c.first_seen).where(
            and_(statements.c.speaker_id.is_(None), statements.c.norm_text == norm))).first()
    else:
        candidates = connection.execute(select(statements.c.id, statements.c.first_seen, statements.c.norm_text,
                                               statements.c.text)
                                        .where(statements.c.speaker_id == speaker_id)
                                        .order_by(statements.c.id.desc()).limit(2000)).all()
        match = next((c for c in candidates if c.norm_text == norm), None) or \
            next((c for c in candidates if same_statement(c.norm_text, norm, c.text, text)), None)
    if match is None:
        return connection.execute(insert(statements).values(
            speaker_id=speaker_id, norm_text=norm, text=text, first_seen=seen,
            first_document_id=document_id)).inserted_primary_key[0]
    if seen < match.first_seen:
        connection.execute(update(statements).where(statements.c.id == match.id).values(
            first_seen=seen, first_document_id=document_id))
    return match.id


def ingest_extraction(connection, extraction) -> IngestOutcome:
    """Store one extracted document; call inside a transaction (engine.begin()). A changed text is a new
    version (store.versions): nothing stored before is replaced or lost."""
    document = extraction.document
    info = document.info
    records = extraction.records()
    fetched = now_iso()
    version = store_version(connection, document, fetched)
    if version.status == "unchanged":
        return IngestOutcome("unchanged", 0, version.number)
    post_ids = store_posts(connection, document, version.number)
    resolver = SpeakerResolver(connection, info.published or fetched)
    stored = {} if version.status == "new" else dict(connection.execute(
        select(quotations.c.quote_key, quotations.c.id).where(quotations.c.document_id == info.id)).all())
    added = 0
    for record in records:
        key = quote_key((record["speaker"] or {}).get("name"), record["kind"], record["text"])
        post = record["post"] or {}
        speaker = record["speaker"] or {}
        position = dict(record_id=record["id"], start=record["start"], end=record["end"],
                        post_id=post_ids.get(post.get("index")), post_index=post.get("index"),
                        post_title=post.get("title"), post_time=post.get("time"), post_ref=post.get("id"),
                        mention_start=speaker.get("start"), mention_end=speaker.get("end"),
                        parts=json.dumps(record.get("parts") or []), version=version.number, superseded_in=None)
        found = stored.get(key)
        if found is not None:
            connection.execute(update(quotations).where(quotations.c.id == found).values(**position))
            continue
        speaker_id = resolver.resolve(record["speaker"])
        seen = post.get("time") or info.published or fetched
        statement_id = _statement(connection, speaker_id, record["text"], seen, info.id)
        quotation_id = connection.execute(insert(quotations).values(
            quote_key=key, document_id=info.id, kind=record["kind"], text=record["text"],
            speaker_id=speaker_id, speaker_name=speaker.get("name"), mention=speaker.get("mention"),
            speaker_kind=speaker.get("kind"), role=speaker.get("role"), affiliation=speaker.get("affiliation"),
            cue=record["cue"], addressee=record["addressee"], confidence=record["confidence"],
            rule=record["rule"], statement_id=statement_id, date=seen, site=info.site, ingested_at=fetched,
            platform=record.get("platform"),
            **position)).inserted_primary_key[0]
        record_evidence(connection, quotation_id, speaker.get("mention"), speaker.get("name"), record["rule"])
        stored[key] = -1
        added += 1
    if version.status == "updated":
        supersede_missing(connection, info.id, version.number)
    return IngestOutcome(version.status, added, version.number)
