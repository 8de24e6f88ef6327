"""Property-based fuzzing (Hypothesis): generated and mutated text, HTML, bytes, feed items, WARC records and API
requests through the real pipeline, a real SQLite archive and a real server. Whatever comes in: no traceback;
either one line of error, or records whose offsets slice the text; nothing stored on error.

The default profile ("ci", fixed seed) runs inside `make test` in well under a minute; for a long hunt:
    ONRECORD_FUZZ=long .venv/bin/pytest -q tests/test_fuzz.py     (random seeds, 25x the examples)
"""
import io
import os
import uuid
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from conftest import ROOT, page

from onrecord.pipeline import PageError, document_or_error, extract_documents
from onrecord.records import RawSource

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("long", deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("long" if os.environ.get("ONRECORD_FUZZ") == "long" else "ci")
SCALE = 25 if os.environ.get("ONRECORD_FUZZ") == "long" else 1


def examples(n: int) -> settings:
    return settings(max_examples=n * SCALE)


WORDS = ["“", "”", '"', "‘", "’", "«", "»", "'", "\n", "\n\n", " ", ",", ".", ":", "—", "said", "told", "says",
         "according to", "Mayor", "Ada", "Quinn", "she", "he", "they", "We", "will", "not", "rebuild", "the",
         "harbour", "[/]", "[bold]", "<b>", "&amp;", "\u200b", "\ufeff", "\x00", "é", "👍", "\u202e", "\r\n"]
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=120).map("".join),
)
EXAMPLE_HTML = (ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html").read_text(encoding="utf-8")
BASES = [EXAMPLE_HTML[:6000], page("https://a.example/1", "Outlet", "2025-10-01T08:00:00Z", [
    "“We will rebuild the harbour before winter,” Mayor Ada Quinn said.", "Quinn said the works start in March."])]
SNIPPETS = ['<?xml version="1.0" encoding="utf-8"?>', "<p>", "</p>", "<article>", "<script>", "<![CDATA[", "“", "”",
            '<section class="liveblog-post"><time datetime="2025-13-45">', "<h2>", "</section>", "&#0;", "&#xD800;",
            "<link rel=canonical href='javascript:alert(1)'>", '<meta charset="idna">', "\x00", "<!--", "<svg>"]


@st.composite
def mutated_html(draw) -> str:
    html = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(html)))
        kind = draw(st.sampled_from(["cut", "insert", "duplicate"]))
        if kind == "cut":
            html = html[:at] + html[at + draw(st.integers(1, 400)):]
        elif kind == "insert":
            html = html[:at] + draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=40))) + html[at:]
        else:
            html = html[:at] + html[max(0, at - 300):at] + html[at:]
    return html


def check_records(document_text: str, records: list[dict]) -> None:
    for record in records:
        assert document_text[record["start"]:record["end"]] == record["text"]
        for part in record["parts"]:
            assert record["start"] <= part["start"] <= part["end"] <= record["end"]
        speaker = record["speaker"] or {}
        if speaker.get("start") is not None:
            assert 0 <= speaker["start"] <= speaker["end"] <= len(document_text)


def extract_or_error(nlp, raw: RawSource):
    """What extract and ingest do with one page: a document and its records, or one line of error."""
    document = document_or_error(raw)
    if isinstance(document, PageError):
        assert document.message and "\n" not in document.message
        return None
    errors = []
    [*extractions] = extract_documents(nlp, [document], on_error=errors.append)
    if errors:
        assert "\n" not in errors[0].message
        return None
    [extraction] = extractions
    check_records(document.text, extraction.records())
    return extraction


@examples(60)
@given(TEXTS)
def test_text_gives_records_that_slice_it_or_one_error(nlp, content):
    extraction = extract_or_error(nlp, RawSource("fuzz.txt", content, False))
    if extraction is not None:
        assert extraction.document.text == content  # plain text is kept exactly as given


@examples(40)
@given(mutated_html())
def test_mutated_html_gives_records_that_slice_its_text_or_one_error(nlp, html):
    extract_or_error(nlp, RawSource("fuzz.html", html, True))


@examples(150)
@given(st.binary(max_size=400), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]))
def test_any_bytes_decode_or_give_one_source_error(data, mark):
    from onrecord.sources import SourceError, decode

    try:
        decoded = decode(mark + data, "fuzz.bin")
    except SourceError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(decoded, str)


@pytest.fixture(scope="module")
def archive_engine(tmp_path_factory):
    from onrecord.store import open_engine

    engine = open_engine(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))
    yield engine
    engine.dispose()


def _counts(engine) -> tuple[int, int]:
    with engine.connect() as c:
        return (c.execute(text("SELECT count(*) FROM documents")).scalar(),
                c.execute(text("SELECT count(*) FROM quotations")).scalar())


@examples(25)
@given(st.one_of(mutated_html().map(str.encode), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       st.sampled_from(["text/html; charset=utf-8", "text/html; charset=idna", "application/xhtml+xml",
                        "text/plain; charset=rot13", "text/html; charset=utf-16", "text/plain"]))
def test_a_watched_item_is_stored_whole_or_marked_with_its_error(nlp, archive_engine, body, content_type):
    """Watch's path for a feed item: the archive gains a document whose offsets slice its version's text, or
    nothing but the item marked with one line of error."""
    from onrecord.sources.fetch import Fetched
    from onrecord.store.schema import watch_items
    from onrecord.watch import Watcher

    before = _counts(archive_engine)
    lines = []
    watcher = Watcher(archive_engine, nlp, fetcher=None, report=lines.append)
    item = f"https://fuzz.example/{uuid.uuid4().hex}"
    result = watcher._ingest(item, Fetched(item, 200, body, content_type), item=("https://fuzz.example/feed", item))
    with archive_engine.connect() as c:
        error = c.execute(select(watch_items.c.error).where(watch_items.c.item_url == item)).scalar()
        stored = c.execute(text("SELECT v.text, q.start, q.\"end\", q.text FROM quotations q JOIN document_versions v "
                                "ON v.document_id = q.document_id AND v.number = q.version")).all()
    if result.status.startswith("error"):
        assert _counts(archive_engine) == before and error and "\n" not in error
    else:
        assert error is None and result.status in ("new", "updated", "unchanged")
    assert all(version_text[start:end] == quoted for version_text, start, end, quoted in stored)


def _warc_bytes(gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for i, html in enumerate(BASES):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://w.example/{i}", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))
    return buffer.getvalue()


WARCS = [_warc_bytes(True), _warc_bytes(False)]


@examples(80)
@given(st.sampled_from(WARCS), st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), max_size=4),
       st.floats(0, 1))
def test_mutated_warcs_give_pages_or_one_source_error(tmp_path_factory, data, flips, keep):
    from onrecord.sources import SourceError, iter_sources

    data = bytearray(data[:max(1, int(len(data) * keep))] if keep < 0.95 else data)
    for where, replacement in flips:
        at = int(where * (len(data) - 1))
        data[at:at + len(replacement)] = replacement
    path = tmp_path_factory.mktemp("warc") / "fuzz.warc.gz"
    path.write_bytes(bytes(data))
    try:
        for raw in iter_sources(str(path)):
            assert isinstance(raw.content, str) and raw.url
    except SourceError as error:
        assert "\n" not in str(error)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from conftest import run_cli
    from test_web import TOKEN, _start

    db = tmp_path_factory.mktemp("fuzz-server") / "api.db"
    assert run_cli("ingest", ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html",
                   "--db", db).returncode == 0
    process, base = _start(db, TOKEN)
    yield base, TOKEN
    process.terminate()
    process.wait(timeout=10)


def _json_answer(response) -> None:
    assert response.status_code < 500 or response.status_code == 503, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert response.json()["error"]


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
                           lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                                              children, max_size=3),
                           max_leaves=8)


@examples(25)
@given(st.one_of(st.fixed_dictionaries({"text": TEXTS}), st.fixed_dictionaries({"html": mutated_html()}),
                 st.dictionaries(st.sampled_from(["text", "html", "source", "x"]), JSON_VALUES, max_size=3)),
       st.booleans())
def test_api_extract_and_ingest_answer_json(server, body, ingest):
    base, token = server
    headers = {"Authorization": f"Bearer {token}"}
    response = httpx.post(base + ("/api/ingest" if ingest else "/api/extract"), json=body, headers=headers,
                          timeout=120)
    _json_answer(response)
    if response.status_code == 200 and not ingest:
        check_records(response.json()["text"], response.json()["quotations"])


PATH_PARTS = st.one_of(st.sampled_from(["api", "speakers", "documents", "statements", "search", "quotations",
                                        "versions", "1", "0", "-1", "99999999999999999999", "²", ".json", "%00",
                                        "..", "%C2%B2", "1.json", "docs"]), st.text(max_size=12))


@examples(60)
@given(st.lists(PATH_PARTS, min_size=1, max_size=4),
       st.dictionaries(st.sampled_from(["q", "speaker", "kind", "since", "until", "site", "page", "per_page"]),
                       st.text(max_size=30), max_size=4))
def test_any_get_answers_a_page_or_json(server, parts, params):
    base, _ = server
    path = "/" + "/".join(quote(part, safe="%.") for part in parts)
    response = httpx.get(base + path, params=params, timeout=60)
    _json_answer(response)


def test_the_fuzzed_archive_is_consistent(archive_engine):
    """After the watched items: every document has its latest version; nothing dangles."""
    from onrecord.store.schema import document_versions, documents

    with archive_engine.connect() as c:
        latest = c.execute(select(func.count()).select_from(documents.join(
            document_versions, (document_versions.c.document_id == documents.c.id)
            & (document_versions.c.number == documents.c.versions)))).scalar()
        assert latest == c.execute(select(func.count()).select_from(documents)).scalar()
