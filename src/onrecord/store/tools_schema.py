"""Tables for the tools built on the archive (migration 0005): followed speakers and searches, the
webhook deliveries already made, and the text's own evidence of a speaker's gender."""
from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from onrecord.store.schema import metadata

follows = Table(
    "follows", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("speaker", Text),
    Column("speaker_key", String(300), nullable=False, default=""),
    Column("query", Text),
    Column("query_key", String(500), nullable=False, default=""),
    Column("created_at", String(40), nullable=False),
    Column("after_quotation_id", Integer, nullable=False, default=0),
    UniqueConstraint("speaker_key", "query_key", name="uq_follows_speaker_query"),
)
"""after_quotation_id: the newest quotation when the follow was added; only later ones are news."""

notify_deliveries = Table(
    "notify_deliveries", metadata,
    Column("webhook", String(2000), primary_key=True),
    Column("statement_id", Integer, primary_key=True),
    Column("quotation_id", Integer, nullable=False),
    Column("delivered_at", String(40), nullable=False),
)
"""One row per statement a webhook has received (2xx): the same words are never posted twice."""

notify_cursors = Table(
    "notify_cursors", metadata,
    Column("webhook", String(2000), primary_key=True),
    Column("last_quotation_id", Integer, nullable=False),
)

gender_evidence = Table(
    "gender_evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("quotation_id", Integer, ForeignKey("quotations.id", ondelete="CASCADE"), nullable=False),
    Column("gender", String(10), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("word", Text, nullable=False),
    Column("mention", Text),
    Index("ix_gender_evidence_quotation", "quotation_id"),
)
"""gender is 'female' or 'male'; kind is 'pronoun' (the speaker's mention is a pronoun that a pronoun sieve
resolved to them) or 'honorific' (Ms, Mrs, Mr... in the mention or name); word is that pronoun or title."""
