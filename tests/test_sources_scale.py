"""Safe fetching, watch, WARC input and Ray batches, against a real HTTP server on loopback."""
import io
import os
import json
import re
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SAMPLES, loopback_http, need, page, run_cli

from onrecord.sources.fetch import Fetcher, FetchError

EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"


def story(i: int) -> str:
    return page(f"http://127.0.0.1/story/{i}", "Loopback News", f"2025-10-0{i}T09:00:00Z", [
        f"“The harbour number {i} will reopen before winter, whatever it costs,” Mayor Ada Quinn said.",
        f"Quinn said the works on pier {i} would start in March."])


def feed(items: list[int], base: str) -> str:
    entries = "".join(f"<item><title>Story {i}</title><link>{base}/story/{i}.html</link><guid>{i}</guid></item>"
                      for i in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title>{entries}</channel></rss>'


LIVE_OLD = [("2025-10-07T13:40:00Z", "Talks resume", [
    "“We are making progress on every file,” mediator Ana Lima told reporters in Cairo."])]
LIVE_NEW = [("2025-10-07T14:30:00Z", "Deal close", [
    "“We expect an announcement tonight,” Lima said at a press conference."])] + LIVE_OLD


class Site:
    def __init__(self):
        self.feed_items = [1, 2]
        self.live = LIVE_OLD
        self.hits = []


@pytest.fixture
def site():
    state = Site()

    def get(path, headers):
        state.hits.append(path)
        if path == "/robots.txt":
            return 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
        if path == "/feed.xml":
            etag = f'"{len(state.feed_items)}"'
            if headers.get("If-None-Match") == etag:
                return 304, b"", "text/html; charset=utf-8", [("ETag", etag)]
            return 200, feed(state.feed_items, state.base).encode(), "application/rss+xml", [("ETag", etag)]
        if path.startswith("/story/"):
            return 200, story(int(path.split("/")[2].split(".")[0])).encode()
        if path == "/live.html":
            return 200, page(state.base + "/live.html", "Loopback News", "2025-10-07T06:00:00Z", [],
                             state.live).encode()
        if path == "/slow.html":
            time.sleep(3)
            return 200, b"<p>late</p>"
        if path == "/big.html":
            return 200, b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"
        if path == "/loop":
            return 302, b"", "text/html; charset=utf-8", [("Location", "/loop")]
        if path == "/image.png":
            return 200, b"\x89PNG....", "image/png"
        if path == "/notxml.xml":
            return 200, b"this is <<< not xml at all", "application/rss+xml"
        if path.startswith("/private/"):
            return 200, story(1).encode()
        return 404, b"not found"

    with loopback_http(get) as base:
        state.base = base
        yield state


def _fetcher(**options):
    options = {"allow_private": True, "host_delay": 0.0, "retries": 0, **options}
    return Fetcher(**options)


def test_fetcher_guards(site):
    fetcher = _fetcher(timeout=1.0)
    with pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(site.base + "/slow.html")
    with pytest.raises(FetchError, match="larger than"):
        _fetcher(max_bytes=1024 * 1024).fetch(site.base + "/big.html")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch(site.base + "/loop")
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.fetch(site.base + "/private/secret.html")
    with pytest.raises(FetchError, match="not a page or feed"):
        fetcher.fetch(site.base + "/image.png")
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match="private address"):
        Fetcher(host_delay=0).fetch(site.base + "/story/1.html")
    first = fetcher.fetch(site.base + "/feed.xml")
    again = fetcher.fetch(site.base + "/feed.xml", etag=first.etag)
    assert first.status == 200 and again.not_modified
    fetcher.close()


def test_fetcher_is_polite_per_host(site):
    fetcher = _fetcher(host_delay=0.4)
    started = time.monotonic()
    for i in (1, 2, 3):
        fetcher.fetch(f"{site.base}/story/{i}.html")
    assert time.monotonic() - started >= 0.8
    assert site.hits.count("/robots.txt") == 1 and "USER" not in "".join(site.hits)


def _watch(site, db, *targets, extra=()):
    return run_cli("watch", *(site.base + t for t in targets), "--db", db, "--once", "--allow-private",
                   "--delay", "0", *extra)


def test_watch_feed_resumes_and_uses_etags(site, tmp_path):
    db = tmp_path / "watch.db"
    first = _watch(site, db, "/feed.xml")
    assert first.returncode == 0, first.stderr.decode()
    assert "2 new items, 4 quotations added" in first.stderr.decode()
    site.feed_items = [1, 2, 3]
    second = _watch(site, db, "/feed.xml")
    assert "1 new items, 2 quotations added" in second.stderr.decode()
    assert site.hits.count("/story/1.html") == 1 and site.hits.count("/story/3.html") == 1
    third = _watch(site, db, "/feed.xml")
    assert "not modified" in third.stderr.decode()
    found = run_cli("search", "--speaker", "Ada Quinn", "--format", "jsonl", "--limit", "100", "--db", db)
    assert len(found.stdout.decode().splitlines()) == 6


def test_watch_live_blog_adds_only_new_posts(site, tmp_path):
    db = tmp_path / "live.db"
    assert "new; 0 new items, 1 quotations added" in _watch(site, db, "/live.html").stderr.decode()
    site.live = LIVE_NEW
    assert "updated; 0 new items, 1 quotations added" in _watch(site, db, "/live.html").stderr.decode()
    assert "unchanged; 0 new items, 0 quotations added" in _watch(site, db, "/live.html").stderr.decode()


def test_watch_bad_feed_and_bad_target(site, tmp_path):
    db = tmp_path / "bad.db"
    result = _watch(site, db, "/notxml.xml", "/live.html")
    stderr = result.stderr.decode()
    assert "not a feed" in stderr and "1 quotations added" in stderr and "Traceback" not in stderr
    bad = run_cli("watch", "ftp://example.org/feed", "--db", db, "--once")
    assert bad.returncode == 2 and "not an http(s) URL" in bad.stderr.decode()
    refused = run_cli("watch", site.base + "/live.html", "--db", db, "--once")
    assert "private address" in refused.stderr.decode()


def test_watch_stops_cleanly_on_sigterm(site, tmp_path):
    process = subprocess.Popen([sys.executable, "-m", "onrecord", "watch", site.base + "/live.html", "--every", "1s",
                                "--db", str(tmp_path / "sig.db"), "--allow-private", "--delay", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and site.hits.count("/live.html") < 2:
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr.decode()
    assert stderr.decode().strip().endswith("stopped") and "Traceback" not in stderr.decode()


def _warc(path, pages, truncate=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2025-10-08T10:00:00Z"})
        writer.write_record(record)
    request = writer.create_warc_record("https://wire.example/a", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
    writer.write_record(request)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 200] if truncate else data)
    return path


WARC_PAGES = [
    ("https://wire.example/a", "text/html; charset=utf-8", story(4).encode()),
    ("https://wire.example/logo.png", "image/png", b"\x89PNG...."),
    ("https://wire.example/b", "text/html", story(5).encode()),
]


def test_warc_input_reads_html_responses_only(tmp_path):
    archive = _warc(tmp_path / "news.warc.gz", WARC_PAGES)
    result = run_cli("extract", archive, "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {r["doc"]["url"] for r in records} == {"https://wire.example/a", "https://wire.example/b"}
    assert all(r["doc"]["source"] == str(archive) for r in records)
    assert {r["speaker"]["name"] for r in records} == {"Ada Quinn"} and len(records) == 4


def test_truncated_warc_reports_and_the_rest_continues(tmp_path):
    broken = _warc(tmp_path / "broken.warc.gz", WARC_PAGES, truncate=True)
    result = run_cli("extract", broken, EXAMPLE, "--format", "jsonl")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "broken.warc.gz: truncated or damaged WARC" in stderr and "Traceback" not in stderr
    sources = {json.loads(line)["doc"]["source"] for line in result.stdout.decode().splitlines()}
    assert str(EXAMPLE) in sources


def test_batch_on_local_ray_matches_extract(tmp_path):
    from onrecord.batch.runner import read_quotations

    archive = _warc(tmp_path / "news.warc.gz", WARC_PAGES)
    # A relative path names the same file as in extract's run: one document, one id.
    inputs = [str(need(SAMPLES / "liveblog-gaza-plan.html")), os.path.relpath(EXAMPLE, ROOT), str(archive),
              str(need(SAMPLES / "liveblog-gaza-plan.txt")), str(tmp_path / "missing.html")]
    out = tmp_path / "out"
    batch = run_cli("batch", *inputs, "--out", out, "--workers", "2")
    assert batch.returncode == 1, batch.stderr.decode()[-2000:]
    assert re.search(r"documents: \d+; quotations: \d+; errors: 1 .* extraction [\d.]+s \([\d.]+ documents/s\)",
                     " ".join(batch.stderr.decode().split())), batch.stderr.decode()[-2000:]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["source"] for e in errors] == [inputs[-1]]
    extracted = run_cli("extract", *inputs[:-1], "--format", "jsonl")
    expected = sorted((json.loads(line) for line in extracted.stdout.decode().splitlines()), key=lambda r: r["id"])
    got = sorted(read_quotations(out), key=lambda r: r["id"])
    assert got == expected and len(got) > 40
    assert (out / "quotations" / "date=2025-10-07").is_dir() and (out / "documents").is_dir()
