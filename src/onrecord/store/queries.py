"""Reading the archive: search, speakers, export, all as records in the extraction format."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, text

from onrecord.formats import quotation_record, speaker_dict
from onrecord.store.fulltext import QUOTATIONS_FTS, WordMatch
from onrecord.store.gender import speaker_gender
from onrecord.store.keys import name_key
from onrecord.store.schema import documents, quotations, speaker_aliases, speaker_roles, speakers, statements


@dataclass
class SearchFilters:
    query: str | None = None
    speaker: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    site: str | None = None
    limit: int = 50
    offset: int = 0


def record_columns():
    """The columns to_record reads: a quotation and its document (join documents on document_id)."""
    return [quotations, documents.c.source, documents.c.url, documents.c.title, documents.c.site.label("doc_site"),
            documents.c.published]


def to_record(row) -> dict:
    """A stored quotation in the extraction record format (plus additive archive fields)."""
    speaker = None
    if row.speaker_name is not None or row.mention is not None:
        speaker = speaker_dict(row.speaker_name, row.mention, row.mention_start, row.mention_end, row.speaker_kind,
                               row.role, row.affiliation)
    post = None
    if row.post_index is not None:
        post = {"index": row.post_index, "title": row.post_title, "time": row.post_time, "id": row.post_ref}
    doc = {"id": row.document_id, "source": row.source, "url": row.url, "title": row.title, "site": row.doc_site,
           "published": row.published}
    record = quotation_record(id=row.record_id, doc=doc, post=post, kind=row.kind, text=row.text, start=row.start,
                              end=row.end, speaker=speaker, cue=row.cue, addressee=row.addressee,
                              confidence=row.confidence, rule=row.rule, parts=json.loads(row.parts or "[]"),
                              platform=row.platform)
    record.update(speaker_id=row.speaker_id, statement_id=row.statement_id, date=row.date, version=row.version)
    if row.superseded_in is not None:
        record["superseded_in"] = row.superseded_in
    return record


SHOWN = quotations.c.superseded_in.is_(None)
"""Quotations search shows: all but those a later version of their document corrected away (still exported)."""
NEWEST_PER_SPEAKER_UP_TO = 200
"""Up to this many speakers share a name, each one's newest quotations come from its own index walk; beyond,
one walk of the date index filtered by the name (SQLite allows 500 terms in a compound SELECT)."""
NEWEST_IDS_AT_MOST = 20_000
"""...and as long as the ids found stay well under SQLite's 32,766 bound parameters (deep pages)."""


def _holders(name: str):
    """The ids of every speaker with this name or alias, as a subquery (no list of ids to bind)."""
    return select(speaker_aliases.c.speaker_id).where(speaker_aliases.c.alias_key == name_key(name))


def speaker_ids(connection, name: str, limit: int | None = None) -> list[int]:
    rows = connection.execute(_holders(name).distinct().limit(limit))
    return [r[0] for r in rows]


def row_conditions(filters: SearchFilters) -> list:
    """Filters on the quotation row itself (kind, dates, site), and only what search shows."""
    conditions = [SHOWN]
    if filters.kind:
        conditions.append(quotations.c.kind == filters.kind)
    if filters.since:
        conditions.append(quotations.c.date >= filters.since)
    if filters.until:
        conditions.append(quotations.c.date < _day_after(filters.until))
    if filters.site:
        conditions.append(func.lower(quotations.c.site) == filters.site.lower())
    return conditions


def _speakers_newest(connection, ids: list[int], filters: SearchFilters, enough: int) -> list[int]:
    """Ids of each speaker's newest quotations, enough of each for the page: every branch walks the
    (speaker_id, date) index and stops, so a surname shared by many people stays fast. Plain SQL:
    building this as an expression costs more than running it."""
    where, params = [], {"enough": enough}
    for name, clause, value in (("kind", "kind = :kind", filters.kind), ("since", "date >= :since", filters.since),
                                ("until", "date < :until", _day_after(filters.until) if filters.until else None),
                                ("site", "lower(site) = :site", (filters.site or "").lower() or None)):
        if value:
            where.append(clause)
            params[name] = value
    extra = " AND superseded_in IS NULL" + "".join(f" AND {clause}" for clause in where)
    branches = [f"SELECT id FROM (SELECT id FROM quotations WHERE speaker_id = {int(speaker_id)}{extra} "
                f"ORDER BY date DESC, id DESC LIMIT :enough) AS branch_{n}" for n, speaker_id in enumerate(ids)]
    return [row[0] for row in connection.execute(text(" UNION ALL ".join(branches)), params)]


def search(connection, filters: SearchFilters) -> list[dict]:
    statement = select(*record_columns()).select_from(
        quotations.join(documents, documents.c.id == quotations.c.document_id))
    conditions = row_conditions(filters)
    order = [quotations.c.date.desc(), quotations.c.id.desc()]
    ids = speaker_ids(connection, filters.speaker, NEWEST_PER_SPEAKER_UP_TO + 1) if filters.speaker else None
    holders = None
    if ids is not None:
        holders = quotations.c.speaker_id == ids[0] if len(ids) == 1 else \
            quotations.c.speaker_id.in_(_holders(filters.speaker)) if ids else quotations.c.speaker_id == -1
    words = WordMatch.every_word(connection, filters.query)
    if words:
        if connection.dialect.name == "sqlite":
            # walk the FTS index newest first and stop at the page: no full list of matches, no sort
            statement = select(*record_columns()).select_from(
                QUOTATIONS_FTS.join(quotations, QUOTATIONS_FTS.c.rowid == quotations.c.id)
                .join(documents, documents.c.id == quotations.c.document_id))
            conditions.append(words.on_index())
            order = [QUOTATIONS_FTS.c.rowid.desc()]
        else:
            conditions.append(words.condition())
            order = [words.rank().desc()] + order
        if ids is not None:
            conditions.append(holders)
    elif ids is not None:
        enough = filters.offset + filters.limit
        if 1 < len(ids) <= NEWEST_PER_SPEAKER_UP_TO and len(ids) * enough <= NEWEST_IDS_AT_MOST:
            newest = _speakers_newest(connection, ids, filters, enough)
            conditions = [quotations.c.id.in_(newest or [-1])]
        else:
            conditions.append(holders)
    if conditions:
        statement = statement.where(and_(*conditions))
    statement = statement.order_by(*order).limit(filters.limit).offset(filters.offset)
    return [to_record(row) for row in connection.execute(statement)]


def _day_after(day: str) -> str:
    """--until 2025-10-07 includes that whole day: compare against the next string after it."""
    return day + "\uffff" if len(day) <= 10 else day


def top_speakers(connection, top: int = 20) -> list[dict]:
    count = func.count(quotations.c.id).label("quotes")
    rows = connection.execute(
        select(speakers.c.id, speakers.c.name, speakers.c.kind, speakers.c.first_seen, speakers.c.last_seen, count)
        .select_from(speakers.join(quotations, quotations.c.speaker_id == speakers.c.id)).where(SHOWN)
        .group_by(speakers.c.id).order_by(count.desc(), speakers.c.name).limit(top))
    return [dict(row._mapping) for row in rows]


def speaker_detail(connection, name: str, latest: int = 10) -> list[dict]:
    """Every speaker the name or alias points to, with aliases, roles, counts per week and latest quotes."""
    return [speaker_by_id(connection, speaker_id, latest) for speaker_id in speaker_ids(connection, name)]


def speaker_by_id(connection, speaker_id: int, latest: int = 10) -> dict | None:
    """One speaker with aliases, roles over time, quotations per week and the latest quotations."""
    row = connection.execute(select(speakers).where(speakers.c.id == speaker_id)).first()
    if row is None:
        return None
    aliases = [r.alias for r in connection.execute(
        select(speaker_aliases.c.alias).where(speaker_aliases.c.speaker_id == speaker_id)
        .order_by(speaker_aliases.c.id))]
    roles = [dict(r._mapping) for r in connection.execute(
        select(speaker_roles.c.role, speaker_roles.c.affiliation, speaker_roles.c.first_seen,
               speaker_roles.c.last_seen).where(speaker_roles.c.speaker_id == speaker_id)
        .order_by(speaker_roles.c.first_seen))]
    dates = [r[0] for r in connection.execute(select(quotations.c.date).where(
        and_(quotations.c.speaker_id == speaker_id, SHOWN)))]
    quotes = [
        to_record(r) for r in connection.execute(
            select(*record_columns())
            .select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
            .where(and_(quotations.c.speaker_id == speaker_id, SHOWN))
            .order_by(quotations.c.date.desc(), quotations.c.id.desc()).limit(latest))]
    return {"id": speaker_id, "name": row.name, "kind": row.kind, "first_seen": row.first_seen,
            "last_seen": row.last_seen, "aliases": aliases, "roles": roles,
            "quotes": len(dates), "per_week": per_week(dates), "latest": quotes,
            "gender": speaker_gender(connection, speaker_id)}


def per_week(dates: list[str]) -> dict[str, int]:
    from datetime import date

    weeks: dict[str, int] = {}
    for value in dates:
        try:
            year, week, _ = date.fromisoformat(value[:10]).isocalendar()
        except ValueError:
            continue
        label = f"{year}-W{week:02d}"
        weeks[label] = weeks.get(label, 0) + 1
    return dict(sorted(weeks.items()))


def all_records(connection, batch: int = 1000):
    last = 0
    while True:
        rows = connection.execute(
            select(*record_columns())
            .select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
            .where(quotations.c.id > last).order_by(quotations.c.id).limit(batch)).all()
        if not rows:
            return
        for row in rows:
            yield to_record(row)
        last = rows[-1].id


def statement_appearances(connection, statement_id: int) -> list[dict]:
    rows = connection.execute(
        select(*record_columns()).select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
        .where(and_(quotations.c.statement_id == statement_id, SHOWN)).order_by(quotations.c.date, quotations.c.id))
    return [to_record(r) for r in rows]


def counts(connection) -> dict[str, int]:
    return {name: connection.execute(select(func.count()).select_from(table)).scalar()
            for name, table in (("documents", documents), ("quotations", quotations),
                                ("speakers", speakers), ("statements", statements))}


def document_detail(connection, document_id: str) -> dict | None:
    """A stored document: metadata, the latest version's text, its posts and quotations (offsets into that text),
    the list of versions, and the quotations last seen in earlier versions (each with its version number)."""
    from onrecord.store.schema import posts
    from onrecord.store.versions import version_list

    row = connection.execute(select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        return None
    post_rows = connection.execute(select(posts.c.idx, posts.c.title, posts.c.time, posts.c.start, posts.c.end,
                                          posts.c.ref)
                                   .where(and_(posts.c.document_id == document_id, or_(
                                       posts.c.version == row.versions, posts.c.version.is_(None))))
                                   .order_by(posts.c.start)).all()
    quotes = [to_record(r) for r in connection.execute(
        select(*record_columns()).select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
        .where(quotations.c.document_id == document_id).order_by(quotations.c.start))]
    return {"id": row.id, "source": row.source, "url": row.url, "title": row.title, "site": row.site,
            "published": row.published, "author": row.author, "versions": row.versions,
            "first_seen": row.first_seen, "last_fetched": row.last_fetched, "text": row.text,
            "posts": [{"index": p.idx, "title": p.title, "time": p.time, "id": p.ref, "start": p.start, "end": p.end}
                      for p in post_rows],
            "quotations": [q for q in quotes if q["version"] == row.versions],
            "earlier_quotations": [q for q in quotes if q["version"] != row.versions],
            "version_list": version_list(connection, document_id)}


def version_quotations(connection, document_id: str, number: int) -> list[dict]:
    """The quotations whose offsets index this version's text (those last seen in it)."""
    return [to_record(r) for r in connection.execute(
        select(*record_columns()).select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
        .where(and_(quotations.c.document_id == document_id, quotations.c.version == number))
        .order_by(quotations.c.start))]


def statement_detail(connection, statement_id: int) -> dict | None:
    row = connection.execute(select(statements).where(statements.c.id == statement_id)).first()
    if row is None:
        return None
    appearances = statement_appearances(connection, statement_id)
    speaker = connection.execute(select(speakers.c.name).where(speakers.c.id == row.speaker_id)).scalar()
    return {"id": row.id, "text": row.text, "speaker_id": row.speaker_id, "speaker": speaker,
            "first_seen": row.first_seen, "first_document_id": row.first_document_id,
            "appearances": appearances}
