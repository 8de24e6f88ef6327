"""Stable post identity and embedded posts: posts.ref (the page's own post id, or a hash of the post's time,
headline and first words), quotations.post_ref (the record's post.id) and quotations.platform.

0001 creates its tables from the current schema module, so an archive created by this version has the
columns already; they are added only where they are missing.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEW_COLUMNS = [("posts", "ref", sa.Text), ("quotations", "post_ref", sa.Text), ("quotations", "platform", sa.String(40))]


def _missing(table: str, column: str) -> bool:
    return column not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    for table, column, kind in NEW_COLUMNS:
        if _missing(table, column):
            op.add_column(table, sa.Column(column, kind))


def downgrade() -> None:
    for table, column, _kind in reversed(NEW_COLUMNS):
        op.drop_column(table, column)
