"""Document identity and versions on real SQLite and PostgreSQL, through the real CLI and a real HTTP server:
nothing stored is overwritten, every quotation's offsets slice the text of the version it names."""
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select, text

from conftest import SAMPLES, need, page, run_cli

from onrecord.store import SearchFilters, all_records, search
from onrecord.store.schema import document_versions

VICTIM_URL = "https://victim.example/2025/10/harbour"
VICTIM = page(VICTIM_URL, "Victim Times", "2025-10-01T08:00:00Z", [
    "“We will rebuild the harbour before winter,” Mayor Ada Quinn said on Monday.",
    "Quinn said the works would start in March."])
FORGED = page(VICTIM_URL, "Victim Times", "2025-10-02T08:00:00Z", [
    "“We will sell the harbour to the highest bidder,” Mayor Ada Quinn said on Monday.",
    "Quinn said the sale would close in March."])


def _records(result):
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def _warc(path, uri, html):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return path


@pytest.fixture
def site():
    """A real HTTP server on loopback: /forged.html claims the victim's canonical URL, /story.html?... names
    its own canonical URL on the same site."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            body = pages.get(self.path.split("?")[0], "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    pages["/forged.html"] = FORGED
    pages["/story.html"] = page(base + "/story.html", "Loopback News", "2025-10-03T08:00:00Z", [
        "“The ferry runs again from Friday,” harbour master Lena Holt told reporters."])
    yield base
    server.shutdown()


def test_a_canonical_link_to_another_site_never_replaces_that_sites_document(site, tmp_path):
    """Fault 1: a page whose canonical link named another outlet's URL replaced that outlet's document."""
    db = tmp_path / "identity.db"
    victim = _warc(tmp_path / "victim.warc.gz", VICTIM_URL, VICTIM)
    assert run_cli("ingest", victim, "--db", db).returncode == 0
    forged = run_cli("ingest", site + "/forged.html", "--db", db, "--allow-private")
    assert forged.returncode == 0, forged.stderr.decode()
    assert "1 new, 0 updated" in forged.stderr.decode()
    records = _records(run_cli("export", "--db", db))
    by_text = {r["text"]: r for r in records}
    real = by_text["We will rebuild the harbour before winter"]
    invented = by_text["We will sell the harbour to the highest bidder"]
    assert real["doc"]["url"] == VICTIM_URL and invented["doc"]["url"] == site + "/forged.html"
    assert real["doc"]["id"] != invented["doc"]["id"]


def test_a_canonical_link_on_the_same_site_names_the_document(site, tmp_path):
    db = tmp_path / "same-site.db"
    first = run_cli("ingest", site + "/story.html?utm_source=feed", "--db", db, "--allow-private")
    second = run_cli("ingest", site + "/story.html?utm_source=mail", "--db", db, "--allow-private")
    assert first.returncode == second.returncode == 0
    assert "0 new, 0 updated, 1 unchanged" in second.stderr.decode()
    [record] = _records(run_cli("export", "--db", db))
    assert record["doc"]["url"] == site + "/story.html"


def test_one_file_under_three_names_is_one_document(tmp_path):
    """Fault 1: a.txt, ./a.txt and its absolute path were three documents."""
    story = tmp_path / "a.txt"
    story.write_text("“We will rebuild the harbour before winter,” Mayor Ada Quinn said.\n", encoding="utf-8")
    db = tmp_path / "names.db"
    for name in ("a.txt", "./a.txt", str(story)):
        assert run_cli("ingest", name, "--db", db, cwd=tmp_path).returncode == 0
    assert len(_records(run_cli("export", "--db", db))) == 1
    ids = {r["doc"]["id"] for name in ("a.txt", "./a.txt", str(story))
           for r in _records(run_cli("extract", name, cwd=tmp_path))}
    assert len(ids) == 1


def _version_texts(connection) -> dict:
    rows = connection.execute(select(document_versions.c.document_id, document_versions.c.number,
                                     document_versions.c.text))
    return {(r.document_id, r.number): r.text for r in rows}


def _assert_offsets_slice_their_version(connection):
    texts = _version_texts(connection)
    records = list(all_records(connection))
    for record in records:
        assert texts[(record["doc"]["id"], record["version"])][record["start"]:record["end"]] == record["text"]
    return records


def test_a_changed_text_is_a_new_version_and_the_old_quotation_is_kept(archive):
    """Fault 1: an update replaced the stored text; the stored quotation then sliced the wrong characters."""
    first = archive.ingest("story.txt", "Intro line for the story.\n“We will raise taxes on working families next "
                                        "year,” Finance Minister Omar Haddad said.\n")
    second = archive.ingest("story.txt", "A longer intro line, added when the story was corrected.\n“We will not "
                                         "raise taxes on working families next year,” Finance Minister Omar Haddad "
                                         "said.\n")
    assert (first.status, first.version, second.status, second.version) == ("new", 1, "updated", 2)
    with archive.connect() as c:
        records = _assert_offsets_slice_their_version(c)
        assert {(r["version"], r.get("superseded_in")) for r in records} == {(1, 2), (2, None)}
        shown = search(c, SearchFilters(speaker="Omar Haddad"))
        assert [r["text"] for r in shown] == ["We will not raise taxes on working families next year"]
        assert c.execute(text("SELECT count(*) FROM document_versions")).scalar() == 2


def test_quote_check_and_stats_leave_out_what_a_correction_took_back(archive):
    """Quote check and stats read the record as search shows it: a quotation that a later version of its
    story corrected away is neither a match nor a count (both counted it before)."""
    from onrecord.store.check import check
    from onrecord.store.stats import StatsFilters, stats

    archive.ingest("story.txt", "Intro line for the story.\n“We will raise taxes on working families next year "
                                "and again the year after,” Finance Minister Omar Haddad said.\n")
    archive.ingest("story.txt", "A longer intro line, added when the story was corrected.\n“We will freeze "
                                "pensions for everyone from March,” Finance Minister Omar Haddad said.\n")
    with archive.connect() as c:
        answer = check(c, "We will raise taxes on working families next year and again the year after")
        assert answer["verdict"] == "not-found"
        counted = stats(c, StatsFilters())
        assert counted["totals"]["quotations"] == 1
        assert check(c, "We will freeze pensions for everyone from March")["verdict"] == "verbatim"


def test_a_live_blog_whose_oldest_post_scrolled_off_keeps_it(archive):
    """The real sample live blog, then the same page without its oldest post: that post's quotations stay in
    search (cut from version 1), the others move to version 2; nothing is hidden, nothing lost."""
    html = need(SAMPLES / "liveblog-gaza-plan.html").read_text(encoding="utf-8")
    oldest = html.rindex('<section class="liveblog-post"')
    newer = html[:oldest] + html[html.index("</section>", oldest) + len("</section>"):]
    first = archive.ingest("gaza.html", html)
    second = archive.ingest("gaza.html", newer)
    assert (first.status, second.status, second.version, second.quotes_added) == ("new", "updated", 2, 0)
    with archive.connect() as c:
        records = _assert_offsets_slice_their_version(c)
        shown = search(c, SearchFilters(limit=200))
        assert len(shown) == len(records) == first.quotes_added
        versions = {r["post"]["id"]: r["version"] for r in records}
        assert len(set(versions.values())) == 2 and versions["post-1312"] == 1
