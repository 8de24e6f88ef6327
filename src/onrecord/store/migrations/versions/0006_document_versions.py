"""Document versions: every distinct text a document had is kept, and each quotation and post names the version
whose text its offsets index; a watch item that gave no document keeps its error.

Existing stores: each document's current text becomes its version (numbered as documents.versions counted).
A quotation whose offsets still slice that text points at it; one that no longer does (it was cut from a text
that an update replaced, before versions were kept) keeps its words and gets no version.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

documents = sa.table("documents", sa.column("id"), sa.column("versions"), sa.column("content_hash"),
                     sa.column("text"), sa.column("title"), sa.column("published"), sa.column("last_fetched"))
document_versions = sa.table("document_versions", sa.column("document_id"), sa.column("number"),
                             sa.column("content_hash"), sa.column("text"), sa.column("title"),
                             sa.column("published"), sa.column("fetched_at"))
quotations = sa.table("quotations", sa.column("document_id"), sa.column("text"), sa.column("start"),
                      sa.column("end"), sa.column("version"))
posts = sa.table("posts", sa.column("document_id"), sa.column("version"))

ADDED = (("quotations", "version"), ("quotations", "superseded_in"), ("posts", "version"), ("watch_items", "error"))


def upgrade() -> None:
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("fetched_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("document_id", "number", name="uq_document_versions_number"),
    )
    # plain ADD COLUMN, never a batch table copy: that would drop the FTS triggers on quotations
    for table, column in ADDED:
        op.add_column(table, sa.Column(column, sa.Text if column == "error" else sa.Integer))
    op.execute(document_versions.insert().from_select(
        ["document_id", "number", "content_hash", "text", "title", "published", "fetched_at"],
        sa.select(documents.c.id, documents.c.versions, documents.c.content_hash, documents.c.text,
                  documents.c.title, documents.c.published, documents.c.last_fetched)))
    version_of = sa.select(documents.c.versions).where(documents.c.id == posts.c.document_id).scalar_subquery()
    op.execute(posts.update().values(version=version_of))
    still_slices = sa.func.substr(documents.c.text, quotations.c.start + 1,
                                  quotations.c.end - quotations.c.start) == quotations.c.text
    version_of = sa.select(documents.c.versions).where(
        sa.and_(documents.c.id == quotations.c.document_id, still_slices)).scalar_subquery()
    op.execute(quotations.update().values(version=version_of))


def downgrade() -> None:
    for table, column in reversed(ADDED):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_table("document_versions")
