"""The HTML cleaner on large synthetic pages: seconds per page as the page grows, to see the growth rate.

    .venv/bin/python benchmarks/clean_scale.py [--sizes 500 1000 2000 4000] [--only article liveblog]

- article: n paragraphs, each followed by a short bare <div> (the chrome pass's insert rule looks at
  every such div and what comes before it);
- liveblog: n posts, each an <article> with headline, time and words, listed in JSON-LD liveBlogUpdate
  entries with anchored urls (every update is located in the page and paired with its block);
- liveblog-shared-url: the same, every update carrying the page's own url;
- liveblog-by-headline, liveblog-by-words: blocks that show no time, found by their headline, or by their
  first words alone.
Linear work doubles the seconds when n doubles; the 'x' column is that ratio. Nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import time

from onrecord.clean import build_document
from onrecord.records import RawSource

PAGE_URL = "https://example.com/live"


def words(i: int) -> str:
    return f"Post {i} says the minister Jane Doe{i} answered questions on the budget vote for twenty minutes."


def article(n: int) -> str:
    blocks = "".join(f"<p>{words(i)}</p><div>Read the minister's full answer number {i} here</div>" for i in range(n))
    return f"<html><head><title>Budget</title></head><body><h1>Budget</h1><article>{blocks}</article></body></html>"


def liveblog(n: int, url_of, shown: str = "time") -> str:
    """Each post's block shows its time (`shown` = "time"), only its headline ("headline": times are in
    the JSON-LD alone), or only its words ("words")."""
    updates, blocks = [], []
    for i in range(n):
        stamp = f"2024-03-05T{23 - i // 60 % 24:02d}:{59 - i % 60:02d}:00Z"
        headline = f"Update number {i} about the budget vote"
        updates.append({"@type": "BlogPosting", "headline": headline, "datePublished": stamp,
                        "articleBody": words(i), "url": url_of(i)})
        time_line = f'<time datetime="{stamp}">{stamp[11:16]}</time>' if shown == "time" else ""
        heading = f"<h2>{headline}</h2>" if shown != "words" else ""
        blocks.append(f'<article id="p{i}">{heading}{time_line}<p>{words(i)}</p></article>')
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Budget live",
            "url": PAGE_URL, "datePublished": "2024-03-05T08:00:00Z", "liveBlogUpdate": updates}
    return (f'<html><head><title>Budget live</title><link rel="canonical" href="{PAGE_URL}">'
            f'<script type="application/ld+json">{json.dumps(data)}</script></head><body><h1>Budget live</h1>'
            f'<main><div class="stream">{"".join(blocks)}</div></main></body></html>')


PAGES = {
    "article": article,
    "liveblog": lambda n: liveblog(n, lambda i: f"{PAGE_URL}#p{i}"),
    "liveblog-shared-url": lambda n: liveblog(n, lambda i: PAGE_URL),
    "liveblog-by-headline": lambda n: liveblog(n, lambda i: PAGE_URL, shown="headline"),
    "liveblog-by-words": lambda n: liveblog(n, lambda i: PAGE_URL, shown="words"),
}


def seconds(page: str) -> tuple[float, int]:
    start = time.perf_counter()
    document = build_document(RawSource("page.html", page, True))
    return time.perf_counter() - start, len(document.posts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 1000, 2000, 4000])
    parser.add_argument("--only", nargs="*", default=list(PAGES), choices=list(PAGES))
    args = parser.parse_args()
    print(f"{'page':22} {'n':>6} {'posts':>6} {'seconds':>9} {'x':>6}")
    for name in args.only:
        previous = None
        for n in args.sizes:
            took, posts = seconds(PAGES[name](n))
            ratio = f"{took / previous:6.1f}" if previous else ""
            print(f"{name:22} {n:6d} {posts:6d} {took:9.2f} {ratio:>6}", flush=True)
            previous = took


if __name__ == "__main__":
    main()
