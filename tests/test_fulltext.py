"""One full-text word match (store/fulltext.py) for search, stats, follows and quote check: written once, and
the same quotations found by each, on real SQLite and real PostgreSQL."""
import ast
import re

from conftest import ROOT, page

from onrecord.store import SearchFilters, search

SOURCE = ROOT / "src" / "onrecord"
# what writing a full-text match by hand looks like, in either dialect
HAND_WRITTEN_MATCH = re.compile(r"quotations_fts MATCH|\"MATCH\"|plainto_tsquery|to_tsquery|@@")


def test_the_word_match_is_written_once():
    found = [f"{path.relative_to(SOURCE)}: {line.strip()}"
             for path in SOURCE.rglob("*.py") if path.name != "fulltext.py" and "migrations" not in path.parts
             for line in path.read_text(encoding="utf-8").splitlines() if HAND_WRITTEN_MATCH.search(line)]
    assert found == []


def test_no_module_imports_the_archive_queries_or_the_command_lines_private_names():
    shared = ("onrecord.store.queries", "onrecord.cli", "onrecord.cli_common", "onrecord.commands")
    private = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(shared):
                private += [f"{path.relative_to(SOURCE)}: {node.module}.{a.name}" for a in node.names
                            if a.name.startswith("_")]
    assert private == []


PARAGRAPHS = [
    "“The harbour will reopen before winter, whatever it costs,” Mayor Ada Quinn said.",
    "“The pier on the north side needs new piles before the harbour can take ferries,” engineer Tom Berg said.",
    "Quinn said the works on the pier would start in March.",
    "“Trains to the coast will run every hour from the spring,” rail boss Lena Harbour said.",
]


def test_search_stats_follows_and_check_find_the_same_quotations(archive):
    from sqlalchemy import func, select

    from onrecord.store.check import candidate_rounds
    from onrecord.store.follow import Follow, matching_quotations
    from onrecord.store.schema import quotations
    from onrecord.store.stats import StatsFilters, stats

    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-10-01T08:00:00Z", PARAGRAPHS))
    with archive.connect() as connection:
        newest = connection.execute(select(func.max(quotations.c.id))).scalar()
        ids = {row[0]: row[1] for row in connection.execute(select(quotations.c.id, quotations.c.text))}

        def by_search(words: str) -> set[int]:
            texts = {r["text"] for r in search(connection, SearchFilters(query=words, limit=100))}
            return {i for i, t in ids.items() if t in texts}

        def by_follow(words: str) -> set[int]:
            return set(matching_quotations(connection, Follow(1, None, words, "", 0), 0, newest))

        for words, expected in (("harbour", 3), ("pier harbour", 1), ("PIER", 2), ('"pier" OR -x', 0),
                                ("piles", 1), ("ferries harbour pier", 1)):
            found = by_search(words)
            assert len(found) == expected, (words, found)
            assert by_follow(words) == found, words
            assert stats(connection, StatsFilters(query=words))["totals"]["quotations"] == expected, words
        # quote check's candidates: the quotations whose words hold it (on SQLite not those whose speaker's name
        # does, as Lena Harbour's; PostgreSQL's one vector holds both, and the alignment reads only the words)
        [candidates] = list(candidate_rounds(connection, ["harbour"]))
        said = {i for i, t in ids.items() if "harbour" in t.lower()}
        assert len(said) == 2 and said <= set(candidates) <= by_search("harbour")
