"""Tools on the archive: followed speakers and searches, webhook deliveries, gender evidence (with a backfill
from the quotations already stored), and SQLite's word frequencies for quote check.

Self-contained: the tables and the evidence rules are written here as they were at this revision, so a later
change to store/tools_schema.py or store/gender.py changes what a new migration does, never what this one did.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# quote check picks a claim's rarest words: fts5vocab reads their document counts off the FTS index itself
SQLITE_VOCABULARY = "CREATE VIRTUAL TABLE quotations_fts_vocab USING fts5vocab(quotations_fts, 'col')"

# gender evidence as store/gender.py read it at this revision: a pronoun the attribution resolved to the speaker
# (the mention is the pronoun and the rule's sieve, after its first '/', starts with 'pronoun-'), or an honorific
# opening the mention, else the name, when it is followed by more words
PRONOUNS = {"she": "female", "her": "female", "hers": "female", "herself": "female",
            "he": "male", "him": "male", "his": "male", "himself": "male"}
HONORIFICS = {"ms": "female", "mrs": "female", "miss": "female", "dame": "female", "mr": "male", "sir": "male"}


def _create_tables() -> None:
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_key", sa.String(300), nullable=False),
        sa.Column("query", sa.Text),
        sa.Column("query_key", sa.String(500), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("after_quotation_id", sa.Integer, nullable=False),
        sa.UniqueConstraint("speaker_key", "query_key", name="uq_follows_speaker_query"),
    )
    op.create_table(
        "notify_deliveries",
        sa.Column("webhook", sa.String(2000), primary_key=True),
        sa.Column("statement_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("quotation_id", sa.Integer, nullable=False),
        sa.Column("delivered_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "notify_cursors",
        sa.Column("webhook", sa.String(2000), primary_key=True),
        sa.Column("last_quotation_id", sa.Integer, nullable=False),
    )
    op.create_table(
        "gender_evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("quotation_id", sa.Integer, sa.ForeignKey("quotations.id", ondelete="CASCADE"), nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("word", sa.Text, nullable=False),
        sa.Column("mention", sa.Text),
    )
    op.create_index("ix_gender_evidence_quotation", "gender_evidence", ["quotation_id"])


def _case(expression: str, genders: dict[str, str]) -> str:
    return "CASE " + expression + "".join(f" WHEN '{word}' THEN '{gender}'" for word, gender in genders.items()) \
        + " END"


def _listed(expression: str, genders: dict[str, str]) -> str:
    return f"{expression} IN ({', '.join(repr(word) for word in genders)})"


def _honorific(column: str, find: str) -> tuple[str, str, str]:
    """(the first word, its honorific key, 'it opens the text and more words follow') in SQL for a column."""
    trimmed = f"trim(coalesce({column}, ''))"
    space = f"{find}({trimmed}, ' ')"
    # CASE, not AND, keeps PostgreSQL from cutting a negative length out of a one-word text
    first = f"CASE WHEN {space} > 0 THEN substr({trimmed}, 1, {space} - 1) ELSE '' END"
    key = f"lower(rtrim({first}, '.'))"
    return first, key, f"({space} > 0 AND {_listed(key, HONORIFICS)})"


def backfill_sql(dialect: str) -> str:
    """One INSERT of the evidence for every quotation stored before this revision, in quotation order
    (a pronoun's before an honorific's, as ingest writes them)."""
    find = "instr" if dialect == "sqlite" else "strpos"
    pronoun = "lower(trim(coalesce(mention, '')))"
    slash = f"{find}(coalesce(rule, ''), '/')"
    sieve_is_pronoun = f"({slash} > 0 AND substr(rule, {slash} + 1, 8) = 'pronoun-')"
    mention_first, mention_key, mention_has = _honorific("mention", find)
    name_first, name_key, name_has = _honorific("speaker_name", find)
    return (
        "INSERT INTO gender_evidence (quotation_id, gender, kind, word, mention) "
        "SELECT quotation_id, gender, kind, word, mention FROM ("
        f"SELECT id AS quotation_id, {_case(pronoun, PRONOUNS)} AS gender, 'pronoun' AS kind, trim(mention) AS word, "
        f"mention, 0 AS place FROM quotations WHERE {_listed(pronoun, PRONOUNS)} AND {sieve_is_pronoun} "
        f"UNION ALL SELECT id, {_case(mention_key, HONORIFICS)}, 'honorific', {mention_first}, mention, 1 "
        f"FROM quotations WHERE {mention_has} "
        f"UNION ALL SELECT id, {_case(name_key, HONORIFICS)}, 'honorific', {name_first}, mention, 1 "
        f"FROM quotations WHERE NOT {mention_has} AND {name_has}"
        ") AS evidence ORDER BY quotation_id, place")


def upgrade() -> None:
    bind = op.get_bind()
    _create_tables()
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_VOCABULARY)
    op.execute(backfill_sql(bind.dialect.name))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotations_fts_vocab")
    for name in ("gender_evidence", "notify_cursors", "notify_deliveries", "follows"):
        op.drop_table(name)
