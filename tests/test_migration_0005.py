"""Migration 0005 (follows, webhook deliveries, gender evidence) on real SQLite and PostgreSQL: it stands on its
own, creates the tables the code reads, and backfills the evidence of quotations stored before it."""
import ast
import importlib

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from conftest import ROOT, SAMPLES, need

MIGRATION = ROOT / "src" / "onrecord" / "store" / "migrations" / "versions" / "0005_follow_and_stats.py"
TOOLS_TABLES = {"follows", "notify_deliveries", "notify_cursors", "gender_evidence"}
EVIDENCE = text("SELECT quotation_id, gender, kind, word, mention FROM gender_evidence ORDER BY id")


def test_migration_0005_imports_no_live_code():
    # a later change to store/gender.py or store/tools_schema.py must not change what this migration did
    imported = [node.module if isinstance(node, ast.ImportFrom) else alias.name
                for node in ast.walk(ast.parse(MIGRATION.read_text(encoding="utf-8")))
                if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names]
    assert not [name for name in imported if name.startswith("onrecord")]


def _table_of(difference) -> str | None:
    """The table an alembic autogenerate difference is about (its shapes vary with the kind of difference)."""
    if isinstance(difference, list):
        return _table_of(difference[0])
    for item in difference[1:]:
        if isinstance(item, str) and item in TOOLS_TABLES:
            return item
        table = getattr(item, "table", None)
        name = getattr(item, "name", None) if table is None else table.name
        if name in TOOLS_TABLES:
            return name
    return None


def test_migrations_create_the_tables_the_code_reads(db_url):
    from onrecord.store import open_engine
    from onrecord.store.schema import metadata

    importlib.import_module("onrecord.store.tools_schema")  # its tables join the shared metadata
    engine = open_engine(db_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert [d for d in differences if _table_of(d)] == []


def _downgraded(url: str, revision: str) -> None:
    from onrecord.store import open_engine
    from onrecord.store.database import _alembic_config

    engine = open_engine(url)
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), revision)
    engine.dispose()


def test_migration_0005_backfills_gender_evidence_for_an_older_archive(archive):
    from onrecord.store import open_engine

    archive.ingest("gaza.html", need(SAMPLES / "liveblog-gaza-plan.html").read_text(encoding="utf-8"))
    query = text("SELECT quotation_id, gender, kind, word FROM gender_evidence ORDER BY quotation_id, kind")
    with archive.connect() as connection:
        at_ingest = connection.execute(query).all()
    assert {row.word.lower() for row in at_ingest} >= {"she", "he"}
    archive.engine.dispose()
    _downgraded(archive.url, "0003")
    upgraded = open_engine(archive.url)  # an archive from before 0005, opened by this onrecord
    with upgraded.connect() as connection:
        assert connection.execute(query).all() == at_ingest
    upgraded.dispose()


# (mention, speaker name, rule) -> the evidence rows 0005 writes, as store/gender.py read them at that revision
OLDER_QUOTATIONS = [
    (("she", "Maria Zakharova", "direct-cue/pronoun-previous-speaker"), [("female", "pronoun", "she")]),
    ((" He ", "Tom Berg", "indirect/pronoun-subject"), [("male", "pronoun", "He")]),
    (("she", "Ada Quinn", "direct-cue/named"), []),  # a pronoun no pronoun sieve resolved
    (("she", "Ada Quinn", "pronoun-previous-speaker"), []),  # no family before the sieve
    (("Ms. Ardern", "Jacinda Ardern", "direct-cue/named"), [("female", "honorific", "Ms.")]),
    (("the minister", "Sir Keir Starmer", "direct-cue/named"), [("male", "honorific", "Sir")]),
    (("Mr", "Mr", "direct-cue/named"), []),  # a title alone names no one
    (("Mrs Thatcher", "Mr Denis Thatcher", "direct-cue/named"), [("female", "honorific", "Mrs")]),  # mention first
    (("her", "Dame Judi Dench", "direct/pronoun-previous"), [("female", "pronoun", "her"),
                                                             ("female", "honorific", "Dame")]),
    ((None, "Miss Marple", None), [("female", "honorific", "Miss")]),
    (("MR. Smith", None, "direct-cue/named"), [("male", "honorific", "MR.")]),
    (("Mister Smith", "Smith", "direct-cue/named"), []),
    ((None, None, None), []),
]


def test_migration_0005_reads_mentions_names_and_rules_as_the_code_did(db_url):
    from sqlalchemy import create_engine

    from onrecord.store import open_engine, resolve_url

    _downgraded(db_url, "0004")
    raw = create_engine(resolve_url(db_url))  # an archive at 0004: open_engine would upgrade it at once
    with raw.begin() as connection:
        connection.execute(text("INSERT INTO documents (id, source, content_hash, text, first_seen, last_fetched, "
                                "versions) VALUES ('d', 'd.html', 'h', 't', 'now', 'now', 1)"))
        for number, ((mention, name, rule), _) in enumerate(OLDER_QUOTATIONS, 1):
            connection.execute(text(
                'INSERT INTO quotations (id, record_id, quote_key, document_id, kind, text, start, "end", mention, '
                "speaker_name, rule, confidence, date, ingested_at) VALUES (:id, :key, :key, 'd', 'direct', 'w', 0, "
                "1, :mention, :name, :rule, 0.9, 'now', 'now')"),
                dict(id=number, key=f"k{number}", mention=mention, name=name, rule=rule))
    raw.dispose()
    upgraded = open_engine(db_url)
    with upgraded.connect() as connection:
        found = [tuple(row) for row in connection.execute(EVIDENCE)]
    upgraded.dispose()
    expected = [(number, *evidence, mention) for number, ((mention, _, _), rows) in enumerate(OLDER_QUOTATIONS, 1)
                for evidence in rows]
    assert found == expected
