"""Sources: turn what the user named (a file, a URL, stdin) into a RawSource."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import httpx

from onrecord import __version__
from onrecord.records import RawSource

USER_AGENT = f"onrecord/{__version__} (+https://github.com/onrecord/onrecord)"
MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<article|<!--)", re.I)


class SourceError(Exception):
    """A source that cannot be read; the message is one line meant for the user."""


def looks_like_html(content: str) -> bool:
    return bool(_HTML_START.match(content[:1000]))


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise SourceError(f"{name}: empty input")
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name}: binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(f"{name}: not valid UTF-8 (byte {err.start}); convert it to UTF-8 first") from None


def read_file(spec: str) -> RawSource:
    path = Path(spec)
    if not path.exists():
        raise SourceError(f"{spec}: no such file")
    if path.is_dir():
        raise SourceError(f"{spec}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"{spec}: cannot read ({err.strerror})") from None
    content = decode(data, spec)
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(content)
    return RawSource(source=spec, content=content, is_html=is_html)


def read_stdin() -> RawSource:
    content = decode(sys.stdin.buffer.read(), "stdin")
    return RawSource(source="-", content=content, is_html=looks_like_html(content))


def read_url(url: str, timeout: float = 20.0) -> RawSource:
    try:
        with httpx.Client(follow_redirects=True, max_redirects=5, timeout=timeout,
                          headers={"User-Agent": USER_AGENT}) as client:
            response = client.get(url)
    except httpx.HTTPError as err:
        raise SourceError(f"{url}: fetch failed ({type(err).__name__}: {err})") from None
    if response.status_code >= 400:
        raise SourceError(f"{url}: HTTP {response.status_code}")
    if len(response.content) > MAX_BYTES:
        raise SourceError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    content_type = response.headers.get("content-type", "")
    if content_type and not re.search(r"text/|html|xml", content_type):
        raise SourceError(f"{url}: not a text or HTML page ({content_type})")
    content = decode(response.content, url) if not response.encoding else response.text
    if not content.strip():
        raise SourceError(f"{url}: empty page")
    is_html = "html" in content_type or looks_like_html(content)
    return RawSource(source=url, content=content, is_html=is_html, url=str(response.url))


def read_source(spec: str) -> RawSource:
    if spec == "-":
        return read_stdin()
    if re.match(r"^https?://", spec, re.I):
        return read_url(spec)
    if re.match(r"^[a-z][a-z0-9+.-]*://", spec, re.I):
        raise SourceError(f"{spec}: unsupported URL scheme (use http or https)")
    return read_file(spec)
