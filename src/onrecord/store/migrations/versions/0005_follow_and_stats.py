"""Tools on the archive: followed speakers and searches, webhook deliveries, gender evidence (with a backfill
from the quotations already stored), and SQLite's word frequencies for quote check.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

from onrecord.store.gender import backfill
from onrecord.store.tools_schema import follows, gender_evidence, notify_cursors, notify_deliveries

TABLES = [follows, notify_deliveries, notify_cursors, gender_evidence]

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# quote check picks a claim's rarest words: fts5vocab reads their document counts off the FTS index itself
SQLITE_VOCABULARY = "CREATE VIRTUAL TABLE quotations_fts_vocab USING fts5vocab(quotations_fts, 'col')"


def upgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        table.create(bind)
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_VOCABULARY)
    backfill(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotations_fts_vocab")
    for table in reversed(TABLES):
        table.drop(bind)
