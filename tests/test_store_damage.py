"""The archive under damage, through the real CLI and server: a corrupt page in the middle of the SQLite file
and a read-only mount. One clear line (with the .recover hint), never a traceback, never a quiet short export."""
import json
import os
import shutil
import sqlite3
import subprocess
import uuid

import httpx
import pytest

from conftest import ROOT, run_cli
from test_web import TOKEN, _start

EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"
COPIES = 3000


def _one_line(result, *fragments):
    stderr = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and all(f in lines[0] for f in fragments), stderr
    return lines[0]


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """The example live blog ingested, its quotations copied until the quotations table spans many pages."""
    db = tmp_path_factory.mktemp("damage") / "big.db"
    assert run_cli("ingest", EXAMPLE, "--db", db).returncode == 0
    connection = sqlite3.connect(db)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(quotations)") if row[1] != "id"]
    copied = ", ".join("quote_key || '-' || n.value" if c == "quote_key" else c for c in columns)
    connection.execute(f"INSERT INTO quotations ({', '.join(columns)}) SELECT {copied} FROM quotations, "
                       f"(WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < "
                       f"{COPIES // 13}) SELECT value FROM n) AS n")
    connection.commit()
    total = connection.execute("SELECT count(*) FROM quotations").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return db, total


def _corrupt_a_quotations_page(source, target):
    """Garbage over the middle leaf page of the quotations table and of its speaker index."""
    shutil.copy(source, target)
    connection = sqlite3.connect(target)
    middles = []
    for name in ("quotations", "ix_quotations_speaker"):
        try:
            pages = [row[0] for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (name,))]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find the quotations' pages")
        middles.append(pages[len(pages) // 2])
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    with open(target, "r+b") as handle:
        for middle in middles:
            handle.seek((middle - 1) * page_size)
            handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_a_corrupt_page_gives_one_line_with_the_recover_hint(big_store, tmp_path):
    """Fault 12: `speakers` printed a traceback (database disk image is malformed)."""
    db, _ = big_store
    damaged = tmp_path / "damaged.db"
    _corrupt_a_quotations_page(db, damaged)
    line = _one_line(run_cli("speakers", "--db", damaged), "damaged", f"sqlite3 {damaged} .recover")
    assert "malformed" in line


def test_export_of_a_damaged_archive_says_where_it_stopped(big_store, tmp_path):
    """Fault 12: export wrote part of the data, then crashed."""
    db, total = big_store
    damaged = tmp_path / "damaged.db"
    _corrupt_a_quotations_page(db, damaged)
    out = tmp_path / "out.jsonl"
    result = run_cli("export", "--out", out, "--db", damaged)
    line = _one_line(result, "export stopped after", "damaged")
    written = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(written) < total
    assert f"export stopped after {len(written)} quotations" in line
    assert f"the last with id {json.loads(written[-1])['id']}" in line


def test_the_server_answers_json_503_on_a_damaged_archive(big_store, tmp_path):
    db, _ = big_store
    damaged = tmp_path / "damaged.db"
    _corrupt_a_quotations_page(db, damaged)
    process, base = _start(damaged)
    try:
        response = httpx.get(base + "/api/speakers", timeout=30)
        assert response.status_code == 503 and "damaged" in response.json()["error"]
        page = httpx.get(base + "/speakers", timeout=30)
        assert page.status_code == 503 and page.json()["error"]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder whose files cannot be written: a read-only bind mount when we are root (as on a read-only
    volume), else plain permissions."""
    source = tmp_path / "archive"
    source.mkdir()
    if os.geteuid() != 0:
        yield source, lambda: (source.chmod(0o555), [p.chmod(0o444) for p in source.iterdir()])
        source.chmod(0o755)
        return
    mounted = tmp_path / f"ro-{uuid.uuid4().hex[:8]}"
    mounted.mkdir()

    def make_read_only():
        for command in (["mount", "--bind", str(source), str(mounted)],
                        ["mount", "-o", "remount,ro,bind", str(mounted)]):
            if subprocess.run(command, capture_output=True).returncode != 0:
                pytest.skip("cannot make a read-only bind mount here")

    yield mounted, make_read_only, source
    subprocess.run(["umount", str(mounted)], capture_output=True)


def test_a_read_only_archive_is_searched_exported_and_served(read_only_folder, tmp_path):
    """Fault 13: on a read-only mount even search and serve failed (WAL mode needs to write)."""
    folder, make_read_only, *source = read_only_folder
    writable = (source[0] if source else folder) / "archive.db"
    assert run_cli("ingest", EXAMPLE, "--db", writable).returncode == 0
    make_read_only()
    db = folder / "archive.db"
    with pytest.raises(OSError):
        (folder / "probe").write_text("x")
    found = run_cli("search", "--speaker", "Solberg", "--format", "jsonl", "--db", db)
    assert found.returncode == 0, found.stderr.decode()
    assert {json.loads(line)["speaker"]["name"] for line in found.stdout.decode().splitlines()} == {"Ingrid Solberg"}
    exported = run_cli("export", "--db", db)
    assert exported.returncode == 0 and len(exported.stdout.decode().splitlines()) == 14
    assert "Amara Okafor" in run_cli("speakers", "--db", db).stdout.decode()
    _one_line(run_cli("ingest", EXAMPLE, "--db", db), "read-only")
    process, base = _start(db, TOKEN)
    try:
        assert httpx.get(base + "/api/quotations", params={"q": "fund"}).json()["results"]
        refused = httpx.post(base + "/api/ingest", json={"text": "“Yes,” Ada Quinn said."}, timeout=60,
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 503 and "read-only" in refused.json()["error"]
    finally:
        process.terminate()
        process.wait(timeout=10)
