"""The archive's full-text word match, written once for search, stats, follows and quote check.

SQLite keeps an FTS5 index (quotations_fts, over a quotation's text and its speaker's name, kept in step by
triggers); PostgreSQL a generated tsvector (quotations.search, the same two, English stems). A match is
every word of a group; with several groups (quote check's rounds: any five of seven words), every word of
any one group. Words are taken literally: quotes and operators in a user's query are words, not syntax.
"""
from __future__ import annotations

import re

from sqlalchemy import and_, column, func, literal_column, select, table

from onrecord.store.schema import quotations

QUOTATIONS_FTS = table("quotations_fts", column("rowid"))
"""SQLite's FTS5 index over quotations (text, speaker_name), kept in step by triggers."""
SEARCH_VECTOR = literal_column("quotations.search")
"""PostgreSQL's generated tsvector over quotations (text, speaker_name); not in the schema module, which
both dialects share."""
WORD = re.compile(r"\w+")


def fts_query(words: str) -> str:
    """Words as an FTS5 query: every word must appear; quotes and operators are taken literally."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in WORD.findall(words))


class WordMatch:
    """Quotations holding every word of one of the groups (each group a string of words), through the
    dialect's full-text index; text_only leaves the speaker's name out (SQLite's index holds it too)."""

    def __init__(self, dialect: str, groups: list[str], text_only: bool = False):
        self.dialect = dialect
        self.groups = [group for group in groups if WORD.search(group)]
        self.text_only = text_only

    @classmethod
    def every_word(cls, connection, words: str | None) -> WordMatch | None:
        """Search's match: every word of what the user typed; None when it holds no word."""
        found = cls(connection.dialect.name, [words or ""])
        return found if found.groups else None

    def fts5(self) -> str:
        expression = " OR ".join(f"({fts_query(group)})" for group in self.groups)
        return "{text} : (" + expression + ")" if self.text_only else expression

    def tsquery(self):
        """PostgreSQL's tsquery: plainto_tsquery (every word, stemmed, stopwords dropped) per group, OR'ed."""
        queries = [func.plainto_tsquery("english", group) for group in self.groups]
        combined = queries[0]
        for query in queries[1:]:
            combined = combined.op("||")(query)
        return combined

    def rank(self):
        """PostgreSQL's relevance of a quotation to the words (search's order)."""
        return func.ts_rank(SEARCH_VECTOR, self.tsquery())

    def on_index(self):
        """The condition on SQLite's FTS table itself, for a query that walks it (search, quote check)."""
        return literal_column("quotations_fts").op("MATCH")(self.fts5())

    def condition(self, after_id: int | None = None, up_to_id: int | None = None):
        """A condition on quotations; on SQLite, after_id and up_to_id bound the index walk too (a follow
        reads only the quotations stored since it last looked)."""
        if not self.groups:
            return quotations.c.id.is_(None)  # no words: nothing matches
        if self.dialect != "sqlite":
            return SEARCH_VECTOR.op("@@")(self.tsquery())
        walk = [self.on_index()]
        if after_id is not None:
            walk.append(QUOTATIONS_FTS.c.rowid > after_id)
        if up_to_id is not None:
            walk.append(QUOTATIONS_FTS.c.rowid <= up_to_id)
        return quotations.c.id.in_(select(QUOTATIONS_FTS.c.rowid).where(and_(*walk)))

    def ids(self, connection, limit: int) -> list[int]:
        """Ids of matching quotations, at most limit, in no particular order (ranking costs more than reading)."""
        if not self.groups:
            return []
        if self.dialect == "sqlite":
            statement = select(QUOTATIONS_FTS.c.rowid).where(self.on_index())
        else:
            statement = select(quotations.c.id).where(self.condition())
        return [row[0] for row in connection.execute(statement.limit(limit))]

