"""The archive on real SQLite and PostgreSQL under hard cases: statements that differ in meaning, a surname shared
by hundreds of speakers, markup in stored text."""
import json

import pytest
from sqlalchemy import insert

from conftest import page, run_cli

from onrecord.store import SearchFilters, all_records, search
from onrecord.store.keys import name_key, text_key

MINISTER = "Finance Minister Omar Haddad"


def _jaccard(a: str, b: str) -> float:
    wa, wb = set(text_key(a).split()), set(text_key(b).split())
    return len(wa & wb) / len(wa | wb)


OPPOSITES = [
    ("We will raise taxes on working families next year", "We will not raise taxes on working families next year"),
    ("It is a lie that we will raise taxes on families", "It is not a lie that we will raise taxes on families"),
    ("It is a lie that we will raise taxes on families", "We will raise taxes on families"),
    ("We won't cut pensions for anyone who has worked forty years, paid every tax bill on time and raised a "
     "family here in this proud old industrial town by the river",
     "We will cut pensions for anyone who has worked forty years, paid every tax bill on time and raised a "
     "family here in this proud old industrial town by the river"),
    ("We will cut the deficit by 3 percent before the end of this decade, as we promised the voters in every town "
     "and village across the whole country",
     "We will cut the deficit by 5 percent before the end of this decade, as we promised the voters in every town "
     "and village across the whole country"),
    ("We will never let Russia decide the future of this country or the lives of our children and grandchildren, "
     "whatever price we have to pay for it",
     "We will never let China decide the future of this country or the lives of our children and grandchildren, "
     "whatever price we have to pay for it"),
]
SAME = [
    ("We will not accept any deal that leaves the border closed to aid convoys",
     "We will not accept any deal that leaves the border closed"),
    ("We will not accept any deal -- none -- that leaves the border closed to aid convoys",
     "We will not accept any deal, none, that leaves the border closed to aid convoys"),
]


def _ingest_pair(archive, first: str, second: str) -> list[dict]:
    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-10-01T08:00:00Z",
                                  [f"“{first},” {MINISTER} said on Monday."]))
    archive.ingest("b.html", page("https://b.example/2", "Outlet B", "2025-10-02T08:00:00Z",
                                  [f"“{second},” {MINISTER} said on Tuesday."]))
    with archive.connect() as c:
        records = list(all_records(c))
    assert sorted(r["text"] for r in records) == sorted([first, second])
    assert {r["speaker"]["name"] for r in records} == {"Omar Haddad"}
    return records


@pytest.mark.parametrize("first, second", OPPOSITES)
def test_statements_that_differ_in_negation_numbers_or_names_are_never_merged(archive, first, second):
    """Fault 14: "We will raise taxes ..." and "We will not raise taxes ..." were one statement."""
    short, long = sorted((text_key(first), text_key(second)), key=len)
    assert _jaccard(first, second) >= 0.9 or f" {short} " in f" {long} "  # what the old rule merged
    records = _ingest_pair(archive, first, second)
    assert len({r["statement_id"] for r in records}) == 2


@pytest.mark.parametrize("first, second", SAME)
def test_trimmed_or_repunctuated_quotations_stay_one_statement(archive, first, second):
    records = _ingest_pair(archive, first, second)
    assert len({r["statement_id"] for r in records}) == 1


def _many_smiths(engine, count: int) -> None:
    """count people called '<Given> Smith', each quoted once, written as ingest writes them."""
    from onrecord.store.schema import documents, quotations, speaker_aliases, speakers

    day = "2025-10-01T08:00:00+00:00"
    with engine.begin() as c:
        c.execute(insert(documents).values(id="smiths", source="smiths.txt", content_hash="x", text="x",
                                           first_seen=day, last_fetched=day, versions=1))
        for i in range(count):
            name = f"Person{i} Smith"
            speaker_id = c.execute(insert(speakers).values(name=name, name_key=name_key(name), kind="person",
                                                           first_seen=day, last_seen=day)).inserted_primary_key[0]
            c.execute(insert(speaker_aliases), [
                dict(speaker_id=speaker_id, alias=name, alias_key=name_key(name), is_surname=0),
                dict(speaker_id=speaker_id, alias="Smith", alias_key="smith", is_surname=1)])
            c.execute(insert(quotations).values(
                record_id=f"r{i}", quote_key=f"k{i}", document_id="smiths", kind="direct", text=f"Statement {i}",
                start=0, end=1, speaker_id=speaker_id, speaker_name=name, confidence=0.9, rule="direct-cue",
                date=f"2025-10-{1 + i % 28:02d}T08:00:{i % 60:02d}+00:00", ingested_at=day))


def test_a_surname_shared_by_600_speakers(archive):
    """Fault 11: more than ~500 speakers sharing a surname raised "too many terms in compound SELECT"."""
    _many_smiths(archive.engine, 600)
    with archive.connect() as c:
        page_one = search(c, SearchFilters(speaker="Smith", limit=50))
        page_two = search(c, SearchFilters(speaker="Smith", limit=50, offset=50))
        assert len(page_one) == len(page_two) == 50
        assert not {r["id"] for r in page_one} & {r["id"] for r in page_two}
        dates = [r["date"] for r in page_one + page_two]
        assert dates == sorted(dates, reverse=True)
        assert len(search(c, SearchFilters(speaker="Smith", query="statement", limit=100))) == 100
    found = run_cli("search", "--speaker", "Smith", "--format", "jsonl", "--limit", "20", "--db", archive.url)
    assert found.returncode == 0, found.stderr.decode()[-1500:]
    assert len(found.stdout.decode().splitlines()) == 20


def test_stored_markup_is_printed_as_text_by_search_and_speaker(tmp_path):
    """Fault 9: once stored, a quotation containing [/] crashed `search` and `speaker`."""
    story = tmp_path / "story.txt"
    story.write_text("“Close the [/] tag and [bold red]shout[/bold red],” Mayor Ada Quinn said.\n",
                     encoding="utf-8")
    db = tmp_path / "markup.db"
    assert run_cli("ingest", story, "--db", db).returncode == 0
    [record] = [json.loads(line) for line in run_cli("export", "--db", db).stdout.decode().splitlines()]
    for command in (["search", "tag"], ["speaker", record["speaker"]["name"]], ["speakers"]):
        result = run_cli(*command, "--db", db)
        stderr = result.stderr.decode()
        assert result.returncode == 0 and "Traceback" not in stderr, stderr
        if command[0] != "speakers":  # table cells wrap, so look for the words markup would have eaten
            assert {"[/]", "[bold", "red]shout[/bold"} <= set(result.stdout.decode().split())
