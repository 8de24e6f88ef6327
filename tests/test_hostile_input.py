"""Long, odd and hostile input through the real CLI: one clear line for the bad source, the rest processed."""
import json
import os

import pytest

from conftest import run_cli

GOOD = "“We will rebuild the harbour before winter,” Mayor Ada Quinn said.\n"


def _records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def _one_error_line(result, *fragments):
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and all(f in lines[0] for f in fragments), stderr


def test_text_over_spacys_max_length_is_chunked_and_good_sources_still_come_out(tmp_path):
    """Fault 2: 1.2M characters used to end everything with spaCy's E088, good.txt's records included."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    late = "“The second harbour opens in spring,” port director Lena Holt told reporters.\n"
    big = tmp_path / "big.txt"
    big.write_text(GOOD + "\n" + " " * 1_200_000 + "\n" + late, encoding="utf-8")
    result = run_cli("extract", good, big)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    records = _records(result)
    text = big.read_text(encoding="utf-8")
    by_source = {}
    for record in records:
        by_source.setdefault(record["doc"]["source"], []).append(record)
    assert [r["speaker"]["name"] for r in by_source[str(good)]] == ["Ada Quinn"]
    found = by_source[str(big)]
    assert [r["speaker"]["name"] for r in found] == ["Ada Quinn", "Lena Holt"]
    for record in found:  # offsets are offsets into the whole document, not into a chunk
        assert text[record["start"]:record["end"]] == record["text"]
    assert found[1]["start"] > 1_200_000
    stored = run_cli("ingest", good, big, "--db", tmp_path / "big.db")  # ingest stored nothing at all
    assert stored.returncode == 0 and "2 new" in stored.stderr.decode() and "quotations added: 3" in \
        stored.stderr.decode(), stored.stderr.decode()[-2000:]


def test_text_over_the_cap_is_one_error_for_that_source_only(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text(GOOD + "x \n" * 2_600_000, encoding="utf-8")
    result = run_cli("extract", huge, good)
    assert result.returncode == 1
    _one_error_line(result, "huge.txt", "5,000,000")
    assert [r["doc"]["source"] for r in _records(result)] == [str(good)]


def test_devices_and_fifos_are_refused_not_read(tmp_path):
    """Fault 7: /dev/zero grew without end; a FIFO hung."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run_cli("extract", "/dev/zero", good)
    assert result.returncode == 1
    _one_error_line(result, "/dev/zero", "not a regular file")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_cli("extract", fifo, good)
    assert result.returncode == 1
    _one_error_line(result, "pipe.txt", "not a regular file")
    assert [r["doc"]["source"] for r in _records(result)] == [str(good)]


def test_stdin_is_read_with_a_size_cap(tmp_path):
    result = run_cli("extract", "-", stdin=b"a" * (65 * 1024 * 1024))
    assert result.returncode == 1
    _one_error_line(result, "stdin", "larger than")


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path):
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as handle:  # a sparse file: 3 GB on paper, nothing on disk
        handle.truncate(3 * 1024 ** 3)
    result = run_cli("extract", sparse)
    assert result.returncode == 1
    _one_error_line(result, "sparse.txt", "larger than")


XHTML = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Harbour news</title></head>
<body><article><h1>Harbour news</h1>
<p>“We will rebuild the harbour before winter,” Mayor Ada Quinn said on Monday.</p>
<p>Quinn said the works would start in March and end before the first storms.</p>
</article></body></html>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "UTF-8", "iso-8859-1"])
def test_xhtml_with_an_encoding_declaration(tmp_path, encoding):
    """Fault 8: lxml refused a str that carries an XML encoding declaration."""
    page = tmp_path / "story.xhtml"
    page.write_text(XHTML.format(encoding=encoding), encoding="utf-8")
    result = run_cli("extract", page)
    assert result.returncode == 0, result.stderr.decode()
    assert {r["speaker"]["name"] for r in _records(result)} == {"Ada Quinn"}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path, codec):
    """Fault 16: UTF-16 text with a BOM was refused as a binary file."""
    path = tmp_path / "wide.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + GOOD.encode(codec))
    result = run_cli("extract", path)
    assert result.returncode == 0, result.stderr.decode()
    [record] = _records(result)
    assert record["speaker"]["name"] == "Ada Quinn"
    assert GOOD[record["start"]:record["end"]] == record["text"]


MARKUP_QUOTE = "“Close the [/] tag and [bold red]shout[/bold red] at [link=x]us[/link],” Mayor Ada [Quinn] said.\n"


def test_table_prints_markup_in_document_text_literally(tmp_path):
    """Fault 9: a quotation containing [/] crashed --format table (rich MarkupError)."""
    path = tmp_path / "brackets [red].txt"
    path.write_text(MARKUP_QUOTE, encoding="utf-8")
    result = run_cli("extract", path, "--format", "table")
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in stderr, stderr
    assert "[/] tag and [bold red]shout[/bold red]" in " ".join(stdout.split())


def test_error_lines_print_markup_in_source_names_literally(tmp_path):
    result = run_cli("extract", tmp_path / "[bold]missing[red].txt")
    assert result.returncode == 1
    _one_error_line(result, "[bold]missing[red].txt", "no such file")
