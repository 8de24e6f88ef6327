"""Who gets quoted, on an archive with more speakers than a statement may bind parameters (PostgreSQL: 65,535;
SQLite: 32,766): the gender of every speaker comes from one query, with no list of their ids."""
import json

from sqlalchemy import text

from conftest import run_cli

SPEAKERS = 70_000
NUMBERS = f"WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < {SPEAKERS}) "
# rows written straight with SQL: ingesting 70,000 quotations through the pipeline would take an hour
ROWS = [
    "INSERT INTO documents (id, source, url, title, site, published, content_hash, text, first_seen, last_fetched, "
    "versions) VALUES ('d1', 'many.html', 'https://many.example/1', 'Many voices', 'Many Voices', "
    "'2025-10-01T08:00:00Z', 'h', 'many voices', '2025-10-01', '2025-10-01', 1)",
    NUMBERS + "INSERT INTO speakers (id, name, name_key, kind, first_seen, last_seen) "
    "SELECT g, 'Speaker ' || g, 'speaker ' || g, 'person', '2025-10-01', '2025-10-01' FROM n",
    NUMBERS + 'INSERT INTO quotations (id, record_id, quote_key, document_id, kind, text, start, "end", speaker_id, '
    "speaker_name, mention, rule, confidence, date, site, ingested_at) SELECT g, 'r' || g, 'k' || g, 'd1', 'direct', "
    "'words number ' || g, 0, 1, g, 'Speaker ' || g, 'she', 'direct-cue/pronoun-previous-speaker', 0.9, "
    "'2025-10-01T08:00:00Z', 'Many Voices', '2025-10-01' FROM n",
    # every other speaker shown a woman by a resolved 'she'; the rest shown nothing
    "INSERT INTO gender_evidence (quotation_id, gender, kind, word, mention) "
    "SELECT id, 'female', 'pronoun', 'she', 'she' FROM quotations WHERE id % 2 = 0",
]


def test_stats_with_more_speakers_than_a_statement_can_bind(db_url):
    from onrecord.store import open_engine
    from onrecord.store.stats import StatsFilters, stats

    engine = open_engine(db_url)
    with engine.begin() as connection:
        for statement in ROWS:
            connection.execute(text(statement))
    with engine.connect() as connection:
        data = stats(connection, StatsFilters(top=5))
        sited = stats(connection, StatsFilters(site="many voices", query="words", top=5))
    engine.dispose()
    half = SPEAKERS // 2
    assert data["totals"] == {"quotations": SPEAKERS, "speakers": SPEAKERS, "outlets": 1}
    assert data["gender"]["speakers"] == {"female": half, "male": 0, "unknown": half}
    assert data["gender"]["women_share_of_speakers_with_known_gender"] == 1.0
    assert len(data["gender"]["speakers_with_evidence"]) == half
    assert sited["gender"] == data["gender"]

    result = run_cli("stats", "--format", "json", "--top", "3", "--db", db_url)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert json.loads(result.stdout)["gender"]["speakers"] == data["gender"]["speakers"]
