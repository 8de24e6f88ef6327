"""Watch state: feeds and pages polled by `onrecord watch`, and the feed items already taken.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_targets",
        sa.Column("url", sa.String(2000), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_checked", sa.String(40)),
        sa.Column("last_status", sa.Text),
    )
    op.create_table(
        "watch_items",
        sa.Column("target_url", sa.String(2000), primary_key=True),
        sa.Column("item_url", sa.String(2000), primary_key=True),
        sa.Column("seen_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("watch_items")
    op.drop_table("watch_targets")
