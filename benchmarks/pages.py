"""Real pages through the real pipeline: body text, titles, dates, live-blog posts, chrome and speed.

    .venv/bin/python benchmarks/pages.py [--corpus ../shared/data/realnews-dev] [--rounds 3] [--only 01 02] [--verbose]
                                         [--json FILE]

Over the pages of a corpus laid out as realnews-dev is (pages/, expected/, SOURCES.tsv):
- body text: mean token F1 of our document text against the source projects' expected bodies
  (bags of lower-cased words; the expected bodies come from other extractors and carry their own slips);
- title: exact match (spaces collapsed) with the expected title;
- published: the same instant to the minute as the expected date (a date given without a zone is
  compared with our wall-clock time);
- live blogs: posts against the page's own count (SOURCES.tsv liveblog_posts), headlines and times
  against the page's JSON-LD liveBlogUpdate entries where it has them;
- chrome lines: lines of our text that read like site chrome (the phrase list below is the
  benchmark's yardstick, not a rule of the extractor, which works on page structure);
- quotations per page and seconds per page: HTML stage alone and the whole extraction, the fastest of
  --rounds rounds for every page (the VM is shared; the fastest round is the least disturbed).
Everything prints; nothing here is asserted.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "realnews-dev"

CHROME_LINE = re.compile(
    r"^(read more|more\s?:|related( stories| articles| content)?:?$|see also|also read|recommended|sign up|"
    r"subscribe|follow (us|[\w.]+) on|share( this| article)?$|click here|advertisement$|loading|watch:|"
    r"listen( now)?:|download the|comments$|end of article|start a conversation|reprints|trending on|"
    r"full (coverage|article)$|updated:? [\d.:]+\s*[ap]m$|\W*email:)|"
    r"newsletter|trust principles|our standards:|all rights reserved|©|getty images|\(photo|^photos?:|"
    r"^image:|^credit:|pic\.twitter\.com|\(@\w+\) \w+ \d{1,2}, \d{4}|&mdash;|get in touch|"
    r"thanks for reading|join the conversation|(may|can) be reached at|facebook\s?twitter|"
    r"before you go|^more [A-Z ]{3,}$",
    re.I,
)
"""What a reader would call chrome if it turned up in the story text."""


@dataclass
class Expected:
    title: str | None = None
    published: str | None = None
    body: str | None = None


@dataclass
class PageResult:
    name: str
    kind: str
    clean_seconds: float
    total_seconds: float
    quotations: int
    text: str
    title: str | None
    published: str | None
    posts: list = field(default_factory=list)
    f1: float | None = None
    title_ok: bool | None = None
    published_ok: bool | None = None
    chrome: list[str] = field(default_factory=list)


# --- expected outputs, in the formats the source projects keep them -------------------------------

def _single_entry(data: dict) -> dict:
    """fundus keeps one page's entry under a parser-version key ("V1"); the benchmark keeps one under a hash."""
    if len(data) == 1:
        only = next(iter(data.values()))
        if isinstance(only, dict):
            return only.get("content", only) if "meta" in only else only
    return data


def _fundus_body(body: dict) -> str:
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n".join(lines)


def _from_json(path: Path) -> Expected:
    data = _single_entry(json.loads(path.read_text(encoding="utf-8")))
    body = data.get("body")
    body = _fundus_body(body) if isinstance(body, dict) else data.get("articleBody")
    published = data.get("publishing_date") or data.get("publishedTime") or data.get("publishedDate")
    return Expected(title=data.get("title"), published=published, body=body)


def _from_snapshot(path: Path) -> Expected:
    """metascraper's AVA snapshot: `title: '...'` and `date: '...'` lines."""
    text = path.read_text(encoding="utf-8")

    def value(key: str) -> str | None:
        found = re.search(rf"^\s+{key}: '(.*)',$", text, re.M)
        return found.group(1).replace("\\'", "'") if found else None

    return Expected(title=value("title"), published=value("date"))


def expected_for(corpus: Path, name: str) -> Expected:
    if not name:
        return Expected()
    path = corpus / "expected" / name
    if path.suffix == ".json":
        return _from_json(path)
    if path.suffix == ".md":
        return _from_snapshot(path)
    return Expected(body=path.read_text(encoding="utf-8"))


# --- measures --------------------------------------------------------------------------------------

def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(ours: str, expected: str) -> float:
    got, want = words(ours), words(expected)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _collapse(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _instant(value: str | None):
    from dateutil import parser

    if not value:
        return None
    try:
        return parser.isoparse(value)
    except ValueError:
        try:
            return parser.parse(value)
        except (ValueError, OverflowError):
            return None


def same_minute(ours: str | None, expected: str | None) -> bool:
    got, want = _instant(ours), _instant(expected)
    if got is None or want is None:
        return False
    if want.tzinfo is None or got.tzinfo is None:
        return got.replace(tzinfo=None, second=0, microsecond=0) == want.replace(tzinfo=None, second=0, microsecond=0)
    return got.astimezone(timezone.utc).replace(second=0, microsecond=0) == \
        want.astimezone(timezone.utc).replace(second=0, microsecond=0)


def chrome_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()
            if line.strip() and len(line.split()) <= 40 and CHROME_LINE.search(line.strip())]


def page_updates(html: str) -> list[dict]:
    """The page's own JSON-LD liveBlogUpdate entries: the reference for post headlines and times."""
    import lxml.html

    updates = []
    for script in lxml.html.fromstring(html).xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                found = item.get("liveBlogUpdate")
                updates += found if isinstance(found, list) else [found] if isinstance(found, dict) else []
                stack += [v for k, v in item.items() if k == "@graph"]
    return updates


# --- running ---------------------------------------------------------------------------------------

def _post_dicts(document) -> list[dict]:
    return [{"title": p.title, "time": p.time, "id": getattr(p, "id", None)} for p in document.posts]


def run_page(nlp, path: Path, rounds: int) -> tuple[float, float, object, int]:
    from onrecord.clean import build_document
    from onrecord.pipeline import extract_documents
    from onrecord.records import RawSource

    content = path.read_text(encoding="utf-8")
    best_clean = best_total = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        document = build_document(RawSource(path.name, content, True))
        cleaned = time.perf_counter()
        extraction = next(extract_documents(nlp, [document]))
        finished = time.perf_counter()
        best_clean, best_total = min(best_clean, cleaned - started), min(best_total, finished - started)
    return best_clean, best_total, extraction.document, len(extraction.quotations)


def rows_of(corpus: Path) -> list[dict]:
    """SOURCES.tsv: one row per page (file, kind, liveblog_posts, expected_file, ...)."""
    with (corpus / "SOURCES.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def measure(corpus: Path, rounds: int, only: list[str]) -> list[PageResult]:
    from onrecord.pipeline import load_pipeline

    nlp = load_pipeline()
    results = []
    for row in rows_of(corpus):
        if only and not any(row["file"].startswith(prefix) for prefix in only):
            continue
        path = corpus / "pages" / row["file"]
        try:
            clean, total, document, quotations = run_page(nlp, path, rounds)
        except Exception as error:  # a page that fails is a figure too
            print(f"{row['file']}: failed: {error}", file=sys.stderr)
            continue
        expected = expected_for(corpus, row["expected_file"])
        result = PageResult(row["file"], row["kind"], clean, total, quotations, document.text,
                            document.info.title, document.info.published, _post_dicts(document))
        if expected.body:
            result.f1 = token_f1(document.text, expected.body)
        if expected.title:
            result.title_ok = _collapse(document.info.title) == _collapse(expected.title)
        if expected.published:
            result.published_ok = same_minute(document.info.published, expected.published)
        result.chrome = chrome_lines(document.text)
        result.expected = expected
        result.liveblog_posts = int(row["liveblog_posts"]) if row["liveblog_posts"] else None
        result.updates = page_updates(path.read_text(encoding="utf-8")) if row["kind"] == "liveblog" else []
        results.append(result)
    return results


def liveblog_report(result: PageResult) -> str:
    posts, wanted = result.posts, result.liveblog_posts or 0
    within = wanted and abs(len(posts) - wanted) <= 0.1 * wanted
    line = f"  posts {len(posts)} / {wanted} ({'within' if within else 'OUTSIDE'} ±10%)"
    updates = [u for u in result.updates if isinstance(u, dict)]
    if updates:
        headlines = [_collapse(u.get("headline")) for u in updates if u.get("headline")]
        ours = {_collapse(p["title"]) for p in posts if p["title"]}
        got = sum(1 for h in headlines if h in ours or any(h and h in t or t and t in h for t in ours))
        times = [u.get("datePublished") for u in updates if u.get("datePublished")]
        ours_times = [p["time"] for p in posts if p["time"]]
        timed = sum(1 for t in times if any(same_minute(o, t) for o in ours_times))
        line += (f"; headlines {got}/{len(headlines)} of the page's JSON-LD headlines"
                 f"; times to the minute {timed}/{len(times)} of its JSON-LD times")
    else:
        titled = sum(1 for p in posts if p["title"])
        timed = sum(1 for p in posts if p["time"] and re.search(r"T\d\d:\d\d", p["time"]))
        line += f"; with a headline {titled}/{len(posts)}; with a time to the minute {timed}/{len(posts)}"
    zoned = sum(1 for p in posts if p["time"] and re.search(r"(Z|[+-]\d\d:\d\d)$", p["time"]))
    ids = len({p["id"] for p in posts if p["id"]})
    return line + f"; times with a zone {zoned}/{len(posts)}; distinct ids {ids}/{len(posts)}"


def report(results: list[PageResult], verbose: bool) -> None:
    for r in results:
        marks = []
        if r.f1 is not None:
            marks.append(f"F1 {r.f1:.3f}")
        if r.title_ok is not None:
            marks.append("title ok" if r.title_ok else f"title {r.title!r} != {r.expected.title!r}")
        if r.published_ok is not None:
            marks.append("published ok" if r.published_ok else
                         f"published {r.published} != {r.expected.published}")
        print(f"{r.name[:48]:48} {r.clean_seconds:6.3f}s {r.total_seconds:6.3f}s {r.quotations:4d}q "
              f"chrome {len(r.chrome)}  {'; '.join(marks)}")
        if r.kind == "liveblog":
            print(liveblog_report(r))
        if verbose:
            for line in r.chrome:
                print(f"    chrome: {line[:120]}")
    bodies = [r.f1 for r in results if r.f1 is not None]
    titles = [r.title_ok for r in results if r.title_ok is not None]
    dates = [r.published_ok for r in results if r.published_ok is not None]
    print()
    print(f"pages: {len(results)}")
    if bodies:
        worst = min(results, key=lambda r: r.f1 if r.f1 is not None else 2)
        print(f"body token F1 (pages with expected bodies): mean {statistics.mean(bodies):.3f} over {len(bodies)} "
              f"pages; lowest {worst.f1:.3f} ({worst.name}); pages under 0.5: {sum(f < 0.5 for f in bodies)}")
    if titles:
        print(f"title exact match: {sum(titles)}/{len(titles)} = {sum(titles) / len(titles):.3f}")
    if dates:
        print(f"published to the minute: {sum(dates)}/{len(dates)} = {sum(dates) / len(dates):.3f}")
    quotations = [r.quotations for r in results]
    print(f"quotations per page: mean {statistics.mean(quotations):.1f} (total {sum(quotations)})")
    print(f"chrome lines found: {sum(len(r.chrome) for r in results)} "
          f"on {sum(1 for r in results if r.chrome)} pages")
    clean = [r.clean_seconds for r in results]
    total = [r.total_seconds for r in results]
    print(f"seconds per page (fastest round each): HTML stage mean {statistics.mean(clean):.3f}, "
          f"whole extraction mean {statistics.mean(total):.3f}, total {sum(total):.1f}s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[], help="file-name prefixes, e.g. 01 02")
    parser.add_argument("--verbose", action="store_true", help="print every chrome line found")
    parser.add_argument("--json", type=Path, help="also write each page's figures here (to compare two runs)")
    args = parser.parse_args(argv)
    if not (args.corpus / "SOURCES.tsv").is_file():
        print(f"{args.corpus}: no SOURCES.tsv (a corpus laid out as realnews-dev)", file=sys.stderr)
        return 1
    results = measure(args.corpus, args.rounds, args.only)
    report(results, args.verbose)
    if args.json:
        rows = [{"page": r.name, "html_seconds": r.clean_seconds, "seconds": r.total_seconds,
                 "quotations": r.quotations, "f1": r.f1, "title_ok": r.title_ok, "published_ok": r.published_ok,
                 "chrome": r.chrome, "posts": len(r.posts)} for r in results]
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
