"""The archive's tables, defined once for SQLite and PostgreSQL (SQLAlchemy Core)."""
from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("site", Text),
    Column("published", String(40)),
    Column("author", Text),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("last_fetched", String(40), nullable=False),
    Column("versions", Integer, nullable=False, default=1),
)
# documents.text and content_hash are the latest version's; every version, the latest included, is in
# document_versions (migration 0006).

document_versions = Table(
    "document_versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("published", String(40)),
    Column("fetched_at", String(40), nullable=False),
    UniqueConstraint("document_id", "number", name="uq_document_versions_number"),
)

posts = Table(
    "posts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("post_key", String(40), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("title", Text),
    Column("time", String(40)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("ref", Text),
    Column("version", Integer),
    UniqueConstraint("document_id", "post_key", name="uq_posts_document_key"),
)
# posts.ref (the post's own id) and quotations.post_ref and .platform come with migration 0004.
# posts.version: the document version whose text start and end index (null: stored before 0006).

speakers = Table(
    "speakers", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("name_key", String(300), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
)

speaker_aliases = Table(
    "speaker_aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("speaker_id", Integer, ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("alias_key", String(300), nullable=False),
    Column("is_surname", Integer, nullable=False, default=0),
    UniqueConstraint("speaker_id", "alias_key", name="uq_alias_speaker_key"),
    Index("ix_alias_key", "alias_key"),
)

speaker_roles = Table(
    "speaker_roles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("speaker_id", Integer, ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text),
    Column("affiliation", Text),
    Column("role_key", String(400), nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
    UniqueConstraint("speaker_id", "role_key", name="uq_role_speaker_key"),
)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("speaker_id", Integer, ForeignKey("speakers.id", ondelete="SET NULL")),
    Column("norm_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("first_document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Index("ix_statements_speaker", "speaker_id"),
)

quotations = Table(
    "quotations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_id", String(32), nullable=False),
    Column("quote_key", String(64), nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="SET NULL")),
    Column("post_index", Integer),
    Column("post_title", Text),
    Column("post_time", String(40)),
    Column("post_ref", Text),
    Column("kind", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("parts", Text),
    Column("speaker_id", Integer, ForeignKey("speakers.id", ondelete="SET NULL")),
    Column("speaker_name", Text),
    Column("mention", Text),
    Column("mention_start", Integer),
    Column("mention_end", Integer),
    Column("speaker_kind", String(20)),
    Column("role", Text),
    Column("affiliation", Text),
    Column("cue", Text),
    Column("addressee", Text),
    Column("confidence", Float, nullable=False),
    Column("rule", Text),
    Column("statement_id", Integer, ForeignKey("statements.id", ondelete="SET NULL")),
    Column("date", String(40), nullable=False),
    Column("site", Text),
    Column("ingested_at", String(40), nullable=False),
    Column("platform", String(40)),
    Column("version", Integer),
    Column("superseded_in", Integer),
    UniqueConstraint("document_id", "quote_key", name="uq_quotations_document_key"),
    Index("ix_quotations_speaker", "speaker_id"),
    Index("ix_quotations_date", "date"),
    Index("ix_quotations_statement", "statement_id"),
)
# ix_quotations_speaker_date (speaker_id, date) comes with migration 0003.
# quotations.version: the document version whose text start and end slice (the latest it was seen in; null:
# stored before 0006 from a text no longer kept). superseded_in: the version in which the quotation's post no
# longer had it (a corrected article); such a quotation is kept and exported, not shown in search (0006).

watch_targets = Table(
    "watch_targets", metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_checked", String(40)),
    Column("last_status", Text),
)

watch_items = Table(
    "watch_items", metadata,
    Column("target_url", String(2000), primary_key=True),
    Column("item_url", String(2000), primary_key=True),
    Column("seen_at", String(40), nullable=False),
    Column("error", Text),
)
# watch_items.error: why the item gave no document (it is not tried again), null when it was stored (0006).
