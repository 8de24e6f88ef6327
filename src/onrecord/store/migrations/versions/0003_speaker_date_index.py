"""A speaker's quotations newest first straight from an index (speaker pages, --speaker searches).

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_quotations_speaker_date", "quotations", ["speaker_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_quotations_speaker_date", table_name="quotations")
