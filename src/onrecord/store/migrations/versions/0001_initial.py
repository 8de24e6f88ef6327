"""The first archive schema: documents, posts, speakers, statements, quotations, full-text search.

Revision ID: 0001
Revises:
"""
from alembic import op
from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

# The tables as they were at 0001, frozen here: onrecord.store.schema describes the newest schema, and later
# migrations add to these (0006 adds columns that must not exist yet when it runs).
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
    UniqueConstraint("document_id", "post_key", name="uq_posts_document_key"),
)

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
    UniqueConstraint("document_id", "quote_key", name="uq_quotations_document_key"),
    Index("ix_quotations_speaker", "speaker_id"),
    Index("ix_quotations_date", "date"),
    Index("ix_quotations_statement", "statement_id"),
)

TABLES = [documents, posts, speakers, speaker_aliases, speaker_roles, statements, quotations]

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE quotations_fts USING fts5(text, speaker_name, content='quotations', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotations_fts_insert AFTER INSERT ON quotations BEGIN "
    "INSERT INTO quotations_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name); END",
    "CREATE TRIGGER quotations_fts_delete AFTER DELETE ON quotations BEGIN "
    "INSERT INTO quotations_fts(quotations_fts, rowid, text, speaker_name) "
    "VALUES ('delete', old.id, old.text, old.speaker_name); END",
    "CREATE TRIGGER quotations_fts_update AFTER UPDATE OF text, speaker_name ON quotations BEGIN "
    "INSERT INTO quotations_fts(quotations_fts, rowid, text, speaker_name) "
    "VALUES ('delete', old.id, old.text, old.speaker_name); "
    "INSERT INTO quotations_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name); END",
]
POSTGRES_FTS = [
    "ALTER TABLE quotations ADD COLUMN search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(text, '') || ' ' || coalesce(speaker_name, ''))) STORED",
    "CREATE INDEX ix_quotations_search ON quotations USING GIN (search)",
]


def upgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        table.create(bind)
    for statement in SQLITE_FTS if bind.dialect.name == "sqlite" else POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotations_fts")
    for table in reversed(TABLES):
        table.drop(bind)
