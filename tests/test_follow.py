"""Follow: `onrecord follow` keeps speakers and searches in the archive; `watch --notify` posts each new matching
statement to a real local webhook receiver once, signed, across a restart of watch."""
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, loopback_http, page, run_cli

SECRET = "webhook-secret-for-tests"


def story(i: int, site: str = "Loopback News") -> str:
    return page(f"http://127.0.0.1/{site.split()[0].lower()}/{i}", site, f"2025-10-0{i}T09:00:00Z", [
        f"“The harbour number {i} will reopen before winter, whatever it costs,” Mayor Ada Quinn said.",
        f"Quinn said the works on pier {i} would start in March.",
        f"“Trains to the coast will run every hour from the spring of year {i},” rail boss Tom Berg said."])


class Site:
    """A news site (a feed and its stories) and a webhook receiver, on one loopback server."""

    def __init__(self):
        self.items = ["1", "2"]
        self.posts = []
        self.refuse_next = 1  # the first post gets a 503: watch must retry it

    def feed(self, base: str) -> bytes:
        entries = "".join(f"<item><title>Story {i}</title><link>{base}/story/{i}.html</link><guid>{i}</guid></item>"
                          for i in self.items)
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>L</title>{entries}</channel></rss>'.encode()


@pytest.fixture
def site():
    state = Site()

    def get(path, headers):
        if path == "/robots.txt":
            return 200, b"User-agent: *\n", "text/plain"
        if path == "/feed.xml":
            return 200, state.feed(state.base), "application/rss+xml"
        if path.startswith("/story/"):
            name = path.split("/")[2].removesuffix(".html")
            # "1-copy": story 1's words carried by a second outlet, a new document of the same statements
            return 200, story(int(name[0]), "Copy Daily" if name.endswith("copy") else "Loopback News").encode()
        return 404, b"not found"

    def post(path, headers, body):
        if state.refuse_next:
            state.refuse_next -= 1
            state.posts.append({"refused": True})
            return 503, b"busy", "text/plain"
        state.posts.append({"body": body, "signature": headers["X-Onrecord-Signature"],
                            "delivery": headers["X-Onrecord-Delivery"]})
        return 204, b""

    with loopback_http(get, post) as base:
        state.base = base
        yield state


def _delivered(site) -> list[dict]:
    return [p for p in site.posts if not p.get("refused")]


def _watch_until(site, db, deliveries: int):
    """Run watch (not --once) until the receiver holds this many deliveries, then stop it with SIGTERM."""
    env = dict(os.environ, ONRECORD_WEBHOOK_SECRET=SECRET)
    process = subprocess.Popen([sys.executable, "-m", "onrecord", "watch", site.base + "/feed.xml", "--every", "1s",
                                "--db", str(db), "--allow-private", "--delay", "0", "--notify", site.base + "/hook"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 240
    while time.time() < deadline and len(_delivered(site)) < deliveries and process.poll() is None:
        time.sleep(0.2)
    time.sleep(2.5)  # two more polling rounds: nothing more may arrive
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0 and "Traceback" not in stderr.decode(), stderr.decode()
    return stderr.decode()


def test_webhook_gets_each_new_quotation_once_across_a_restart(site, db_url):
    db = db_url
    assert run_cli("follow", "add", "--speaker", "Ada Quinn", "--db", db).returncode == 0
    assert run_cli("follow", "add", "--query", "pier", "--db", db).returncode == 0
    listed = run_cli("follow", "list", "--db", db).stdout.decode()
    assert "speaker Ada Quinn" in listed and "query 'pier'" in listed

    first = _watch_until(site, db, 4)
    assert "quotations posted" in first
    site.items = ["1", "2", "3", "1-copy"]
    _watch_until(site, db, 6)

    delivered = _delivered(site)
    bodies = [json.loads(p["body"]) for p in delivered]
    for post in delivered:  # the receiver checks each signature with the shared secret
        expected = "sha256=" + hmac.new(SECRET.encode(), post["body"], hashlib.sha256).hexdigest()
        assert hmac.compare_digest(post["signature"], expected)
    texts = sorted(body["quotation"]["text"] for body in bodies)
    assert texts == sorted([f"The harbour number {i} will reopen before winter, whatever it costs" for i in (1, 2, 3)]
                           + [f"the works on pier {i} would start in March" for i in (1, 2, 3)])
    assert len({p["delivery"] for p in delivered}) == 6 and site.posts[0] == {"refused": True}
    assert all(body["quotation"]["speaker"]["name"] == "Ada Quinn" for body in bodies)
    pier = [b for b in bodies if "pier" in b["quotation"]["text"]]
    assert all({f["speaker"] or f["query"] for f in b["follows"]} == {"Ada Quinn", "pier"} for b in pier)
    assert not any("Copy Daily" == b["quotation"]["doc"]["site"] for b in bodies)  # same statements, not news


def test_a_follow_only_sees_what_comes_after_it(site, tmp_path, db_url):
    db = db_url
    env_run = dict(os.environ, ONRECORD_WEBHOOK_SECRET=SECRET)
    ingest = run_cli("ingest", *_pages(tmp_path, [1]), "--db", db)
    assert ingest.returncode == 0, ingest.stderr.decode()
    assert run_cli("follow", "add", "--speaker", "Quinn", "--query", "harbour", "--db", db).returncode == 0
    site.refuse_next = 0
    site.items = ["2"]
    result = subprocess.run([sys.executable, "-m", "onrecord", "watch", site.base + "/feed.xml", "--once",
                             "--db", str(db), "--allow-private", "--delay", "0", "--notify", site.base + "/hook"],
                            cwd=ROOT, env=env_run, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    [body] = [json.loads(p["body"]) for p in _delivered(site)]
    assert body["quotation"]["text"].startswith("The harbour number 2 ")


def _pages(folder, numbers):
    paths = []
    for i in numbers:
        path = folder / f"story-{i}.html"
        path.write_text(story(i), encoding="utf-8")
        paths.append(path)
    return paths


def test_follow_commands_and_bad_input(tmp_path):
    db = tmp_path / "f.db"
    added = run_cli("follow", "add", "--speaker", "Maria Zakharova", "--db", db)
    assert added.returncode == 0 and added.stdout.decode().startswith("follow 1: speaker Maria Zakharova")
    for args, code, fragment in ((["add", "--speaker", "MARIA  ZAKHAROVA"], 2, "already followed"),
                                 (["add"], 2, "give --speaker"),
                                 (["add", "--query", "!!!"], 2, "no words"),
                                 (["remove", "7"], 1, "no follow 7")):
        result = run_cli("follow", *args, "--db", db)
        stderr = result.stderr.decode()
        assert result.returncode == code and fragment in stderr and "Traceback" not in stderr, stderr
        assert len(stderr.strip().splitlines()) == 1
    assert run_cli("follow", "remove", "1", "--db", db).stdout.decode().strip() == "follow 1 removed"
    assert run_cli("follow", "list", "--db", db).stdout.decode() == ""


@pytest.mark.parametrize("notify, fragment", [
    ("http://127.0.0.1:9/hook", "ONRECORD_WEBHOOK_SECRET"),  # no secret
    ("ftp://x/hook", "not an http(s) URL"),
    ("http://[::1/hook", "not a URL"),  # crashed the watch loop with a traceback
    ("http://", "no host"),  # was posted to, and retried five times, on every round
    ("https:///hook", "no host"),
    ("http://127.0.0.1:99999/hook", "port 99999"),
    ("http://bad host/[/hook]", "no spaces"),  # and the brackets are printed, not read as markup
])
def test_a_bad_webhook_is_one_line_before_anything_runs(tmp_path, notify, fragment):
    env = {k: v for k, v in os.environ.items() if k != "ONRECORD_WEBHOOK_SECRET"}
    if fragment != "ONRECORD_WEBHOOK_SECRET":
        env["ONRECORD_WEBHOOK_SECRET"] = "s"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "onrecord", "watch", "http://127.0.0.1:9/feed", "--once",
                             "--db", str(tmp_path / "n.db"), "--notify", "https://hooks.example/ok",
                             "--notify", notify],
                            cwd=ROOT, env=env, capture_output=True, timeout=120)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    about_the_url = stderr.startswith(f"error: --notify {notify}: ")
    assert fragment in stderr and (about_the_url or fragment == "ONRECORD_WEBHOOK_SECRET")
    assert time.monotonic() - started < 30 and not (tmp_path / "n.db").exists()  # before the archive and the model


def test_the_notifier_refuses_a_bad_webhook(tmp_path):
    from onrecord.notify import Notifier
    from onrecord.store import open_engine

    engine = open_engine(str(tmp_path / "n.db"))
    with pytest.raises(ValueError, match="no host"):
        Notifier(engine, ["https://hooks.example/ok", "http://"], "s", print)
    engine.dispose()
