"""Migration 0006 (document versions) on real SQLite and PostgreSQL: a store built at 0003 with the previous
schema, rows as the previous ingest wrote them, then opened with the new code (0004, 0005 and 0006 run)."""
from alembic import command
from sqlalchemy import create_engine, text

from onrecord.pipeline import extract_raw
from onrecord.records import RawSource
from onrecord.store import SearchFilters, ingest_extraction, open_engine, search
from onrecord.store.database import _alembic_config, resolve_url

NOW = "2025-10-01T08:00:00+00:00"
KEPT = "“We will rebuild the harbour before winter,” Mayor Ada Quinn said."
REPLACED_BEFORE = "Old lead.\n“The ferry runs again from Friday,” harbour master Lena Holt said."
REPLACED_NOW = "A much longer lead, written when the story was updated.\n“The ferry runs again from Friday,” " \
               "harbour master Lena Holt said.\n“Tickets go on sale today,” Holt added."


def _quotation(document_id, key, quoted, start, speaker_name="Ada Quinn"):
    return dict(record_id=key, quote_key=key, document_id=document_id, kind="direct", text=quoted, start=start,
                end=start + len(quoted), parts="[]", speaker_name=speaker_name, confidence=0.9, rule="direct-cue",
                date=NOW, ingested_at=NOW)


def _store_at_0003(url: str) -> None:
    engine = create_engine(resolve_url(url))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0003")
        for ident, body, versions in (("doc-kept", KEPT, 1), ("doc-updated", REPLACED_NOW, 2)):
            connection.execute(text(
                "INSERT INTO documents (id, source, content_hash, text, first_seen, last_fetched, versions) "
                "VALUES (:id, :source, :hash, :text, :now, :now, :versions)"),
                dict(id=ident, source=f"{ident}.txt", hash=ident * 4, text=body, now=NOW, versions=versions))
            connection.execute(text('INSERT INTO posts (document_id, post_key, idx, start, "end") '
                                    "VALUES (:id, 'k', 0, 0, :end)"), dict(id=ident, end=len(body)))
        ferry = "The ferry runs again from Friday"
        rows = [_quotation("doc-kept", "q-kept", "We will rebuild the harbour before winter", 1),
                # cut from the text before the update: its offsets no longer slice the stored text
                _quotation("doc-updated", "q-stale", ferry, REPLACED_BEFORE.index(ferry), "Lena Holt"),
                _quotation("doc-updated", "q-current", "Tickets go on sale today", REPLACED_NOW.index("Tickets"),
                           "Lena Holt")]
        for row in rows:
            columns = ", ".join(f'"{c}"' for c in row)
            connection.execute(text(f"INSERT INTO quotations ({columns}) VALUES "
                                    f"({', '.join(':' + c for c in row)})"), row)
    engine.dispose()


def test_a_store_at_0003_is_upgraded_and_keeps_everything(db_url, nlp):
    _store_at_0003(db_url)
    engine = open_engine(db_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
        versions = c.execute(text("SELECT document_id, number, text FROM document_versions ORDER BY 1")).all()
        assert [tuple(v) for v in versions] == [("doc-kept", 1, KEPT), ("doc-updated", 2, REPLACED_NOW)]
        pointed = dict(c.execute(text("SELECT quote_key, version FROM quotations")).all())
        assert pointed == {"q-kept": 1, "q-stale": None, "q-current": 2}
        assert c.execute(text("SELECT count(*) FROM posts WHERE version IS NULL")).scalar() == 0
        assert len(search(c, SearchFilters(query="harbour"))) == 1
    with engine.begin() as c:
        extraction = extract_raw(nlp, RawSource("new.txt", "“The bridge opens in May,” engineer Rosa Klein said.\n",
                                                False))
        outcome = ingest_extraction(c, extraction)
        assert (outcome.status, outcome.version) == ("new", 1)
    with engine.connect() as c:
        [found] = search(c, SearchFilters(query="bridge"))  # full-text search still follows new rows
        assert found["version"] == 1 and found["speaker"]["name"] == "Rosa Klein"
    engine.dispose()


def test_a_new_store_is_created_at_the_head_with_every_column(db_url):
    engine = open_engine(db_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0006"
        c.execute(text("SELECT version, superseded_in FROM quotations")).all()
        c.execute(text("SELECT version FROM posts")).all()
        c.execute(text("SELECT error FROM watch_items")).all()
    engine.dispose()
