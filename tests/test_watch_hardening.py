"""`onrecord watch` against real HTTP servers and a real process: one bad item never stops the rest, and SIGTERM
ends a fetch that drips one byte at a time within seconds."""
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import ROOT, page, run_cli
from test_fetch_guard import Server, _drip, send_page

XHTML = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
         '<title>Ferry news</title></head><body><article><h1>Ferry news</h1>'
         '<p>“The ferry runs again from Friday,” harbour master Lena Holt told reporters.</p>'
         '<p>Holt said tickets would go on sale on Thursday morning.</p></article></body></html>')


def _story(i: int, base: str) -> str:
    return page(f"{base}/story/{i}", "Loopback News", f"2025-10-0{i}T09:00:00Z", [
        f"“The harbour number {i} will reopen before winter, whatever it costs,” Mayor Ada Quinn said."])


def _feed(base: str, items: list[str]) -> bytes:
    entries = "".join(f"<item><title>{i}</title><link>{base}{i}</link><guid>{i}</guid></item>" for i in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'.encode()


def _site():
    def handle(handler):
        base = f"http://127.0.0.1:{handler.server.server_port}"
        path = handler.path
        if path == "/robots.txt":
            return send_page(handler, b"", "text/plain")
        if path == "/first.xml":
            return send_page(handler, _feed(base, ["/xhtml", "/huge", "/story/1"]), "application/rss+xml")
        if path == "/second.xml":
            return send_page(handler, _feed(base, ["/story/2"]), "application/rss+xml")
        if path == "/xhtml":
            return send_page(handler, XHTML.encode(), "application/xhtml+xml; charset=idna")
        if path == "/huge":  # 6 million characters of text: over the 5,000,000-character cap
            return send_page(handler, b"word " * 1_200_000, "text/plain; charset=utf-8")
        if path.startswith("/story/"):
            return send_page(handler, _story(int(path.rsplit("/", 1)[1]), base).encode())
        handler.send_error(404)
    return Server(handle)


def test_a_bad_item_is_marked_with_its_error_and_the_other_feeds_are_polled(tmp_path):
    """Fault 4: an XHTML item with an encoding declaration (charset=idna) raised at watch.py:114; the item was
    never marked seen, so every later run stopped there and the other feeds were never polled."""
    site = _site()
    base = f"http://127.0.0.1:{site.port}"
    db = tmp_path / "watch.db"
    try:
        first = run_cli("watch", base + "/first.xml", base + "/second.xml", "--db", db, "--once", "--allow-private",
                        "--delay", "0")
        stderr = first.stderr.decode()
        assert first.returncode == 0 and "Traceback" not in stderr, stderr
        assert f"{base}/first.xml: feed; 3 new items, 3 quotations added" in stderr
        assert f"{base}/second.xml: feed; 1 new items, 1 quotations added" in stderr
        assert f"{base}/huge: error: text of 6,000,000 characters is over the 5,000,000" in stderr
        again = run_cli("watch", base + "/first.xml", base + "/second.xml", "--db", db, "--once",
                        "--allow-private", "--delay", "0").stderr.decode()
        assert "first.xml: feed; 0 new items" in again and "second.xml: feed; 0 new items" in again
        assert site.hits.count("/huge") == 1 and site.hits.count("/xhtml") == 1
    finally:
        site.close()
    connection = sqlite3.connect(db)
    errors = dict(connection.execute("SELECT item_url, error FROM watch_items").fetchall())
    connection.close()
    assert errors[base + "/xhtml"] is None and errors[base + "/story/2"] is None
    assert "5,000,000" in errors[base + "/huge"]
    speakers = run_cli("search", "--format", "jsonl", "--db", db).stdout.decode()
    assert "Lena Holt" in speakers and "Ada Quinn" in speakers


def test_sigterm_ends_a_dripping_fetch_within_five_seconds(tmp_path):
    """Fault 4: a page that drips one byte every 5 s kept watch running 45 s after SIGTERM."""
    dripping = Server(lambda handler: _drip(handler, body=b"<p>" + b"x" * 5000 + b"</p>", every=1.0))
    process = subprocess.Popen([sys.executable, "-m", "onrecord", "watch", f"http://127.0.0.1:{dripping.port}/live",
                                "--every", "1s", "--db", str(tmp_path / "drip.db"), "--allow-private", "--delay", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 120
        while time.time() < deadline and "/live" not in dripping.hits:
            time.sleep(0.2)
        time.sleep(2)  # a couple of bytes into the page
        assert process.poll() is None
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
        assert time.monotonic() - sent < 5, "watch took longer than 5 s to stop"
        assert process.returncode == 0 and stderr.decode().strip().endswith("stopped"), stderr.decode()
        assert "Traceback" not in stderr.decode()
    finally:
        if process.poll() is None:
            process.kill()
        dripping.close()
