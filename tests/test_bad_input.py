"""Bad input: one clear line per failing source, the others still processed, exit 1, no traceback."""
import json

import pytest

from conftest import run_cli

GOOD = "“We will rebuild the harbour before winter,” Mayor Ada Quinn said.\n"


def _check_failure(result, source_fragment, reason_fragment):
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and source_fragment in lines[0] and reason_fragment in lines[0], stderr


def _good_file(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _assert_good_processed(result, good):
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["doc"]["source"] for r in records] == [str(good)]
    assert records[0]["speaker"]["name"] == "Ada Quinn"


def test_missing_file_and_good_file(tmp_path):
    good = _good_file(tmp_path)
    result = run_cli("extract", tmp_path / "nope.txt", good)
    _check_failure(result, "nope.txt", "no such file")
    _assert_good_processed(result, good)


def test_directory(tmp_path):
    good = _good_file(tmp_path)
    result = run_cli("extract", tmp_path, good)
    _check_failure(result, str(tmp_path), "directory")
    _assert_good_processed(result, good)


def test_binary_file(tmp_path):
    good = _good_file(tmp_path)
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_cli("extract", binary, good)
    _check_failure(result, "image.png", "binary")
    _assert_good_processed(result, good)


def test_empty_file(tmp_path):
    good = _good_file(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run_cli("extract", empty, good)
    _check_failure(result, "empty.txt", "empty")
    _assert_good_processed(result, good)


def test_undecodable_bytes(tmp_path):
    good = _good_file(tmp_path)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("“Ça va”, dit-il. Café crème.".encode("cp1252"))
    result = run_cli("extract", latin, good)
    _check_failure(result, "latin1.txt", "UTF-8")
    _assert_good_processed(result, good)


def test_url_that_fails(tmp_path):
    good = _good_file(tmp_path)
    result = run_cli("extract", "http://127.0.0.1:9/story.html", good, "--allow-private")
    _check_failure(result, "http://127.0.0.1:9/story.html", "fetch failed")


def test_private_address_refused_without_the_flag(tmp_path):
    good = _good_file(tmp_path)
    result = run_cli("extract", "http://127.0.0.1:9/story.html", good)
    _check_failure(result, "http://127.0.0.1:9/story.html", "private address")
    _assert_good_processed(result, good)


def test_unsupported_scheme(tmp_path):
    good = _good_file(tmp_path)
    result = run_cli("extract", "ftp://example.org/story.txt", good)
    _check_failure(result, "ftp://example.org/story.txt", "scheme")
    _assert_good_processed(result, good)


def test_html_without_article_text(tmp_path):
    good = _good_file(tmp_path)
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title>Empty</title></head><body><script>var a=1;</script></body></html>", encoding="utf-8")
    result = run_cli("extract", page, good)
    _check_failure(result, "blank.html", "no article text")
    _assert_good_processed(result, good)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_unknown_model_is_one_line(tmp_path, workers):
    other = tmp_path / "other.txt"
    other.write_text(GOOD, encoding="utf-8")
    result = run_cli("extract", _good_file(tmp_path), other, "--model", "no_such_model_xyz", "--workers", workers)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr and "no_such_model_xyz" in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_unwritable_output(tmp_path):
    result = run_cli("extract", _good_file(tmp_path), "--out", tmp_path / "missing-dir" / "out.jsonl")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr and "cannot write" in stderr


@pytest.mark.parametrize("command", ["search", "stats"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_search_and_stats_read_dates_alike(tmp_path, command, option):
    # one pair of date options and one check serve both: the same words, before the archive is opened
    result = run_cli(command, option, "last week", "--db", tmp_path / "none.db")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"error: {option} last week: not a date (use YYYY-MM-DD)"
