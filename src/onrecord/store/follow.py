"""Followed speakers and searches, kept in the archive, and the new quotations that match them."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select

from onrecord.store.ingest import now_iso
from onrecord.store.keys import name_key, text_key
from onrecord.store.fulltext import WordMatch
from onrecord.store.queries import speaker_ids
from onrecord.store.schema import quotations
from onrecord.store.tools_schema import follows


class FollowError(ValueError):
    """A follow that cannot be added or removed; the message is one line."""


@dataclass
class Follow:
    id: int
    speaker: str | None
    query: str | None
    created_at: str
    after_quotation_id: int

    def describe(self) -> str:
        parts = [f"speaker {self.speaker}"] if self.speaker else []
        parts += [f"query {self.query!r}"] if self.query else []
        return " and ".join(parts)

    def as_dict(self) -> dict:
        return {"id": self.id, "speaker": self.speaker, "query": self.query, "created_at": self.created_at}


def newest_quotation_id(connection) -> int:
    return connection.execute(select(func.coalesce(func.max(quotations.c.id), 0))).scalar()


def add_follow(connection, speaker: str | None, query: str | None) -> Follow:
    """Follow a speaker (any alias), a search, or a search within one speaker's words; from now on."""
    speaker = (speaker or "").strip() or None
    query = (query or "").strip() or None
    if not speaker and not query:
        raise FollowError("give --speaker NAME, --query WORDS or both")
    keys = {"speaker_key": name_key(speaker) if speaker else "", "query_key": text_key(query) if query else ""}
    if speaker and not keys["speaker_key"]:
        raise FollowError(f"{speaker!r}: not a name")
    if query and not keys["query_key"]:
        raise FollowError(f"{query!r}: no words to search for")
    same = and_(*(follows.c[k] == v for k, v in keys.items()))
    existing = connection.execute(select(follows.c.id).where(same)).scalar()
    if existing is not None:
        raise FollowError(f"already followed (follow {existing})")
    values = dict(speaker=speaker, query=query, created_at=now_iso(),
                  after_quotation_id=newest_quotation_id(connection), **keys)
    follow_id = connection.execute(insert(follows).values(**values)).inserted_primary_key[0]
    return Follow(follow_id, speaker, query, values["created_at"], values["after_quotation_id"])


def list_follows(connection) -> list[Follow]:
    rows = connection.execute(select(follows).order_by(follows.c.id)).all()
    return [Follow(r.id, r.speaker, r.query, r.created_at, r.after_quotation_id) for r in rows]


def remove_follow(connection, follow_id: int) -> None:
    if connection.execute(delete(follows).where(follows.c.id == follow_id)).rowcount == 0:
        raise FollowError(f"no follow {follow_id} (onrecord follow list shows them)")


def matching_quotations(connection, follow: Follow, after_id: int, up_to_id: int) -> list[int]:
    """Ids of quotations in (after_id, up_to_id] by the followed speaker and/or with every searched word."""
    lower = max(after_id, follow.after_quotation_id)
    if lower >= up_to_id:
        return []
    conditions = [quotations.c.id > lower, quotations.c.id <= up_to_id]
    if follow.speaker:
        conditions.append(quotations.c.speaker_id.in_(speaker_ids(connection, follow.speaker) or [-1]))
    if follow.query:
        words = WordMatch(connection.dialect.name, [follow.query])
        conditions.append(words.condition(after_id=lower, up_to_id=up_to_id))
    return [row[0] for row in connection.execute(select(quotations.c.id).where(and_(*conditions))
                                                 .order_by(quotations.c.id))]
