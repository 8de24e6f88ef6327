"""The API and pages on a real server (uvicorn) under hostile requests: every answer is JSON with a 4xx or 5xx,
never a plain 500; bodies are capped while they stream in; the next-page link keeps the query."""
import socket
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from conftest import run_cli
from test_web import TOKEN, _start

STORY = "“The bridge opens in May,” engineer Rosa Klein said on Monday.\n"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hardening")
    stories = []
    for i in range(12):
        path = folder / f"story-{i}.txt"
        path.write_text(f"“Bridge number {i} opens in May,” engineer Rosa Klein said on Monday.\n", encoding="utf-8")
        stories.append(path)
    db = folder / "api.db"
    assert run_cli("ingest", *stories, "--db", db).returncode == 0
    process, base = _start(db, TOKEN)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("path", [
    "/api/speakers/99999999999999999999", "/api/statements/99999999999999999999",
    "/speakers/99999999999999999999", "/speakers/99999999999999999999.json",
    "/statements/99999999999999999999", "/statements/99999999999999999999.json",
    "/speakers/%C2%B2", "/speakers/%C2%B2.json", "/statements/%C2%B2", "/statements/%C2%B2.json",
    "/api/speakers/-1", "/api/speakers/9223372036854775808",
])
def test_ids_out_of_range_or_not_ascii_are_json_4xx(api, path):
    """Fault 10: an id over 2**63 gave a plain-text 500 (OverflowError); '²' gave 500 (int('²'))."""
    response = httpx.get(api + path)
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert response.json()["error"]


def _chunked_post(base: str, path: str, total: int, step: int = 64 * 1024) -> tuple[int, bytes]:
    """Send a chunked body (no Content-Length) of up to total bytes and stop sending at the first answer."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n").encode())
        chunk = b'{"text": "' + b"a" * step
        sent = 0
        sock.settimeout(0.01)
        answer = b""
        while sent < total:
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
            chunk = b"a" * step
            try:
                answer = sock.recv(65536)
                if answer:
                    break
            except (TimeoutError, BlockingIOError):
                continue
        sock.settimeout(30)
        while b"\r\n\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
        head, _, body = answer.partition(b"\r\n\r\n")
        status = int(head.split()[1])
        return status, sent


def test_a_chunked_body_is_capped_while_it_streams(api):
    """Fault 3: a 40 MB chunked POST was read whole (only Content-Length was checked), then a 500."""
    status, sent = _chunked_post(api, "/api/extract", 40 * 1024 * 1024)
    assert status == 413
    assert sent < 8 * 1024 * 1024, f"the server read {sent} bytes before answering"


def test_a_chunked_body_under_the_cap_is_read(api):
    body = httpx.post(api + "/api/extract", content=iter([b'{"text": ', b'"' + STORY.strip().replace('"', '\\"').encode()
                                                          + b'"}']), headers={"content-type": "application/json"},
                      timeout=60)
    assert body.status_code == 200, body.text
    assert body.json()["quotations"][0]["speaker"]["name"] == "Rosa Klein"


def test_api_extract_of_a_text_over_spacys_max_length(api):
    """Fault 2 over the API: 1.2M characters gave a 500 (E088)."""
    text = STORY + " " * 1_200_000 + "\n" + STORY
    response = httpx.post(api + "/api/extract", json={"text": text}, timeout=120)
    assert response.status_code == 200, response.text
    records = response.json()["quotations"]
    assert len(records) == 2 and all(text[r["start"]:r["end"]] == r["text"] for r in records)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = {}
        self._href = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")

    def handle_data(self, data):
        if self._href and data.strip():
            self.links[data.strip()] = self._href
            self._href = None


def test_next_page_link_keeps_per_page_and_the_filters(api):
    """Fault 16: with per_page=10 the next-page link became /?per_0&&page=2."""
    page = httpx.get(api + "/", params={"per_page": 10, "speaker": "Rosa Klein", "page": 1})
    links = _Links()
    links.feed(page.text)
    query = parse_qs(urlsplit(links.links["Next page"]).query)
    assert query == {"per_page": ["10"], "speaker": ["Rosa Klein"], "page": ["2"]}
    second = httpx.get(api + links.links["Next page"])
    assert second.status_code == 200 and second.text.count('class="quote"') == 2


def test_api_ingest_without_a_source_never_replaces_another_document(api):
    """Fault 1: a second POST /api/ingest without a source replaced the first text under the same id."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    first = httpx.post(api + "/api/ingest", json={"text": STORY}, headers=headers, timeout=60).json()
    other = "“The tunnel opens in June,” engineer Marta Vogel said on Tuesday.\n"
    second = httpx.post(api + "/api/ingest", json={"text": other}, headers=headers, timeout=60).json()
    assert first["status"] == second["status"] == "new" and first["document_id"] != second["document_id"]
    for ingested, text in ((first, STORY), (second, other)):
        document = httpx.get(f"{api}/api/documents/{ingested['document_id']}").json()
        assert document["text"] == text
        for quote in document["quotations"]:
            assert document["text"][quote["start"]:quote["end"]] == quote["text"]


def test_an_api_source_named_like_a_stored_file_is_another_document(api, tmp_path):
    """Fault 1: the API caller's source name was the document's identity, so it could replace a stored file."""
    stored = next(r for r in httpx.get(api + "/api/quotations", params={"per_page": 100}).json()["results"]
                  if r["doc"]["source"].endswith("story-3.txt"))
    headers = {"Authorization": f"Bearer {TOKEN}"}
    forged = "“The bridge will never open,” engineer Rosa Klein said on Monday.\n"
    answer = httpx.post(api + "/api/ingest", json={"text": forged, "source": stored["doc"]["source"]},
                        headers=headers, timeout=60).json()
    assert answer["status"] == "new" and answer["document_id"] != stored["doc"]["id"]
    document = httpx.get(f"{api}/api/documents/{stored['doc']['id']}").json()
    assert "Bridge number 3 opens in May" in document["text"]
    assert document["text"][stored["start"]:stored["end"]] == stored["text"]
