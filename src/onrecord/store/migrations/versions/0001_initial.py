"""The first archive schema: documents, posts, speakers, statements, quotations, full-text search.

Revision ID: 0001
Revises:
"""
from alembic import op

from onrecord.store.schema import (documents, posts, quotations, speaker_aliases, speaker_roles, speakers,
                                   statements)

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
