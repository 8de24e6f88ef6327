import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ONRECORD_SHARED", ROOT.parent / "shared"))
SAMPLES = SHARED / "samples"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from onrecord.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Records for a plain-text document, through the same pipeline the CLI uses."""
    from onrecord.pipeline import extract_raw
    from onrecord.records import RawSource

    def run(text: str) -> list[dict]:
        return extract_raw(nlp, RawSource("test.txt", text, False)).records()

    return run


@pytest.fixture(scope="session")
def sieve_order():
    """Records through a pipeline whose sieve lists are edited: sieve_order(quotations=lambda names: ...)."""
    from onrecord.pipeline import extract_raw, load_pipeline
    from onrecord.quotes.sieves import DEFAULT_ORDER
    from onrecord.records import RawSource

    nlp = load_pipeline()

    def with_order(**edits):
        order = {family: edit(list(DEFAULT_ORDER[family])) for family, edit in edits.items()}
        if "onrecord" in nlp.pipe_names:
            nlp.remove_pipe("onrecord")
        nlp.add_pipe("onrecord", config={"sieves": order}, last=True)
        return lambda text: extract_raw(nlp, RawSource("test.txt", text, False)).records()

    return with_order


def run_cli(*args, stdin: bytes | None = None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "onrecord", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, timeout=600)


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (shared data lives beside the repository)")
    return path


def calls_made(work, *args) -> int:
    """Python and C calls made while work(*args) runs: the same on every machine, unlike seconds."""
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work(*args)
    finally:
        sys.setprofile(None)
    return count


@contextmanager
def postgres_database():
    """A fresh, empty database on the real PostgreSQL that .ci/run starts (its URL), dropped afterwards."""
    admin_url = os.environ.get("ONRECORD_TEST_PG")
    if not admin_url:
        pytest.skip("ONRECORD_TEST_PG is not set (scripts/pg-test-cluster.sh starts a server)")
    import uuid

    import psycopg

    name = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty archive on real SQLite and on real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'archive.db'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def archive(db_url, nlp):
    """Ingest HTML or text straight through the real pipeline into the real database."""
    from onrecord.pipeline import extract_raw
    from onrecord.records import RawSource
    from onrecord.store import ingest_extraction, open_engine

    engine = open_engine(db_url)

    class Archive:
        url = db_url

        def __init__(self):
            self.engine = engine

        def ingest(self, source: str, content: str):
            raw = RawSource(source, content, content.lstrip().startswith("<"))
            extraction = extract_raw(nlp, raw)
            with engine.begin() as connection:
                return ingest_extraction(connection, extraction)

        def connect(self):
            return engine.connect()

    yield Archive()
    engine.dispose()


def page(url: str, site: str, published: str, paragraphs: list[str], posts: list[tuple[str, str, list[str]]] = ()):
    """A small real-looking news page: an article, or a live blog when posts are given."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    for time, title, texts in posts:
        body += (f'<section class="liveblog-post">\n<time datetime="{time}">{time[11:16]}</time>\n<h2>{title}</h2>\n'
                 + "".join(f"<p>{t}</p>\n" for t in texts) + "</section>\n")
    return (f'<html><head><title>{site} story</title><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{published}"><link rel="canonical" href="{url}">'
            f"</head><body>\n<article>\n<h1>{site} story</h1>\n{body}</article>\n</body></html>")


@contextmanager
def loopback_http(get, post=None):
    """A real HTTP server on 127.0.0.1 (a free port, its own thread) for the tests that fetch or post; yields
    its base URL. get(path, headers) and post(path, headers, body) answer (status, body[, content type
    [, extra headers]]); the content type is HTML unless given."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self.reply(*get(self.path, self.headers))

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            self.reply(*(post(self.path, self.headers, body) if post else (405, b"")))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
