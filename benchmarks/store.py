"""Archive benchmark: ingest rate (documents/s, extraction excluded), search latency and quote-check latency
(median, p95) with N stored quotations, on SQLite and, when --postgres URL is given, PostgreSQL.

Quote check is timed on claims made from stored quotations, a fifth each: verbatim, two words changed, a
middle part cut, the right words with another speaker named, and a sentence that is not on record; the
share of right verdicts is printed beside the times.

    .venv/bin/python benchmarks/store.py [--quotations 100000] [--postgres postgresql://...]
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from onrecord.pipeline import Extraction
from onrecord.records import Document, DocumentInfo, Post, Quotation, Speaker, stable_id
from onrecord.store import SearchFilters, ingest_extraction, open_engine, search
from onrecord.store.check import check

WORDS = ("ceasefire harbour budget election pension border talks vote deal court climate fund tariff "
         "hospital school strike police housing energy water grain ports council treaty rebels army "
         "inflation jobs taxes drought flood vaccine migrants summit embassy sanctions").split()
GIVEN = "Ada Ben Carla Dmitri Elena Farid Grace Hugo Ines Jonas Kemal Lena Marco Nadia Omar Petra".split()
FAMILY = "Quinn Lima Haddad Berg Okafor Moreau Fischer Costa Lund Reyes Park Brandt Klein Alves Wells".split()


def synthetic_extraction(index: int, per_document: int, rng: random.Random) -> Extraction:
    sentences, quotes = [], []
    text = ""
    for q in range(per_document):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        sentence = f"“We will talk about the {words},” {name} said."
        start = len(text) + 1
        quotes.append(Quotation("direct", sentence[1:sentence.index("”")], start, start + sentence.index("”") - 1,
                                Speaker(name, name, len(text) + sentence.index(name),
                                        len(text) + sentence.index(name) + len(name), "person", "minister", None),
                                "said", None, 0.9, "direct-cue/named"))
        text += sentence + "\n"
        sentences.append(sentence)
    info = DocumentInfo(id=stable_id("bench", index), source=f"bench/{index}.html",
                        url=f"https://bench.example/{index}", title=f"Story {index}", site=f"Site {index % 50}",
                        published=f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T08:00:00Z")
    return Extraction(Document(info, text, [Post(0, info.title, info.published, 0, len(text))]), quotes)


def run(url: str, quotations: int, per_document: int = 10, queries: int = 200, ingest: bool = True) -> None:
    rng = random.Random(7)
    engine = open_engine(url)
    documents = quotations // per_document
    started = time.perf_counter()
    for index in range(documents if ingest else 0):
        with engine.begin() as connection:
            ingest_extraction(connection, synthetic_extraction(index, per_document, rng))
    ingest_seconds = max(time.perf_counter() - started, 1e-9)
    timings = []
    with engine.connect() as connection:
        for i in range(queries):
            filters = SearchFilters(query=" ".join(rng.sample(WORDS, 2)), limit=20)
            if i % 4 == 1:
                filters.speaker = rng.choice(FAMILY)
            if i % 4 == 2:
                filters = SearchFilters(speaker=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", limit=20)
            if i % 4 == 3:
                filters.since = "2025-06-01"
            t = time.perf_counter()
            search(connection, filters)
            timings.append((time.perf_counter() - t) * 1000)
    with engine.connect() as connection:
        check_timings, right, by_kind = time_checks(connection, rng, queries)
    timings.sort()
    name = engine.dialect.name
    ingested = (f"ingest {documents / ingest_seconds:.0f} documents/s ({quotations / ingest_seconds:.0f} "
                f"quotations/s)" if ingest else "ingest not run (--search-only)")
    print(f"{name:10} {quotations} quotations in {documents} documents: {ingested}; search median "
          f"{statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms over {queries} "
          f"queries; "
          f"check median {statistics.median(check_timings):.1f} ms, p95 "
          f"{check_timings[int(len(check_timings) * 0.95)]:.1f} ms over {len(check_timings)} claims "
          f"({right}/{len(check_timings)} right verdicts; median by kind: "
          + ", ".join(f"{kind} {ms:.0f} ms" for kind, ms in by_kind.items()) + ")")
    engine.dispose()


def claims(connection, rng: random.Random, count: int) -> list[tuple[str, str | None, str]]:
    """(claim, claimed speaker, the verdict it should get), made from stored quotations."""
    rows = connection.exec_driver_sql("SELECT text, speaker_name FROM quotations ORDER BY id").all()
    made = []
    for i in range(count):
        said, speaker = rows[rng.randrange(len(rows))]
        words = said.split()
        kind = ("verbatim", "altered", "shortened", "other-speaker", "not-found")[i % 5]
        if kind == "altered":
            for position in rng.sample(range(5, len(words)), 2):  # words the index holds: no shortcut
                words[position] = rng.choice([w for w in WORDS if w != words[position]])
        elif kind == "shortened":
            words = words[:5] + words[8:]
        elif kind == "other-speaker":
            speaker = next(f"{g} {f}" for g, f in zip(rng.sample(GIVEN, 16), rng.sample(FAMILY, 15))
                           if f"{g} {f}" != speaker)
        elif kind == "not-found":
            words = "Every orchard on the island will be harvested by hand before the first frost".split()
        made.append((" ".join(words), speaker, kind))
    return made


def time_checks(connection, rng: random.Random, count: int) -> tuple[list[float], int, dict[str, float]]:
    """All timings (ms, sorted), how many verdicts were right, and the median per kind of claim."""
    timings, right, by_kind = [], 0, {}
    for claim, speaker, expected in claims(connection, rng, count):
        started = time.perf_counter()
        answer = check(connection, claim, speaker)
        timings.append((time.perf_counter() - started) * 1000)
        by_kind.setdefault(expected, []).append(timings[-1])
        right += answer["verdict"] == expected
    return sorted(timings), right, {kind: statistics.median(values) for kind, values in by_kind.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotations", type=int, default=100_000)
    parser.add_argument("--postgres", help="an empty PostgreSQL database URL to benchmark as well")
    parser.add_argument("--sqlite", help="keep the SQLite archive at this path (e.g. for benchmarks/load.sh)")
    parser.add_argument("--search-only", action="store_true",
                        help="time searches and checks on the archives named (--sqlite FILE, --postgres URL), "
                             "no ingest")
    args = parser.parse_args()
    if args.sqlite:
        run(f"sqlite:///{Path(args.sqlite).resolve()}", args.quotations, ingest=not args.search_only)
    elif not args.search_only:
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{Path(folder) / 'bench.db'}", args.quotations)
    if args.postgres:
        run(args.postgres, args.quotations, ingest=not args.search_only)


if __name__ == "__main__":
    main()
