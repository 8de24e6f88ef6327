"""Sources: turn what the user named (a file, a URL, stdin) into a RawSource."""
from __future__ import annotations

import codecs
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from onrecord.records import RawSource

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<article|<!--)", re.I)


class SourceError(Exception):
    """A source that cannot be read; the message is one line meant for the user."""


def looks_like_html(content: str) -> bool:
    return bool(_HTML_START.match(content[:1000]))


MAX_INPUT_BYTES = 64 * 1024 * 1024
"""The most a file or stdin may hold: a news page is a few megabytes; beyond this is a mistake or an attack."""
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""UTF-32 first: its little-endian mark begins with UTF-16's."""


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise SourceError(f"{name}: empty input")
    for mark, codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise SourceError(f"{name}: not valid {codec.upper()} (byte {err.start})") from None
            return text.removeprefix("\ufeff")
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name}: binary file, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(f"{name}: not valid UTF-8 (byte {err.start}); convert it to UTF-8 first") from None


def _too_large(name: str) -> SourceError:
    return SourceError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB, not read")


def read_capped(handle, name: str) -> bytes:
    """At most MAX_INPUT_BYTES from an open binary stream; more is an error, never memory without end."""
    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(name)
    return data


def read_file(spec: str) -> RawSource:
    """A regular file only: a device (/dev/zero) never ends and a FIFO blocks until someone writes to it."""
    path = Path(spec)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise SourceError(f"{spec}: no such file") from None
    except OSError as err:
        raise SourceError(f"{spec}: cannot read ({err.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise SourceError(f"{spec}: is a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise SourceError(f"{spec}: not a regular file (a device, FIFO or socket); save it to a file or use -")
    if status.st_size > MAX_INPUT_BYTES:
        raise _too_large(spec)
    try:
        with open(path, "rb") as handle:
            data = read_capped(handle, spec)
    except OSError as err:
        raise SourceError(f"{spec}: cannot read ({err.strerror})") from None
    content = decode(data, spec)
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(content)
    return RawSource(source=spec, content=content, is_html=is_html, identity=file_identity(path))


def file_identity(path: Path) -> str:
    """One file is one document however it is named: a.txt, ./a.txt and /abs/a.txt are the same."""
    return f"file:{path.resolve()}"


def read_stdin() -> RawSource:
    content = decode(read_capped(sys.stdin.buffer, "stdin"), "stdin")
    return RawSource(source="-", content=content, is_html=looks_like_html(content))


def read_url(url: str, fetcher=None) -> RawSource:
    from onrecord.sources.fetch import Fetcher, FetchError

    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        fetched = fetcher.fetch(url)
    except FetchError as error:
        raise SourceError(str(error)) from None
    finally:
        if own:
            fetcher.close()
    content = fetched.text()
    if not content.strip():
        raise SourceError(f"{url}: empty page")
    is_html = "html" in fetched.content_type or looks_like_html(content)
    return RawSource(source=url, content=content, is_html=is_html, url=fetched.url)


def read_source(spec: str, fetcher=None) -> RawSource:
    if spec == "-":
        return read_stdin()
    if re.match(r"^https?://", spec, re.I):
        return read_url(spec, fetcher)
    if re.match(r"^[a-z][a-z0-9+.-]*://", spec, re.I):
        raise SourceError(f"{spec}: unsupported URL scheme (use http or https)")
    return read_file(spec)


def iter_sources(spec: str, fetcher=None) -> Iterator[RawSource]:
    """Every page a source holds: one for a file, URL or stdin, each HTML response of a WARC archive."""
    from onrecord.sources.warc import is_warc, read_warc

    if is_warc(spec) and not re.match(r"^[a-z][a-z0-9+.-]*://", spec, re.I):
        path = Path(spec)
        if not path.is_file():
            raise SourceError(f"{spec}: no such file" if not path.exists() else f"{spec}: is a directory, not a file")
        yield from read_warc(spec, SourceError)
    else:
        yield read_source(spec, fetcher)


def read_all(specs: list[str], on_error: Callable[[str, str], None], allow_private: bool = False) -> Iterator[RawSource]:
    """Every page the named sources hold, in order; a source that cannot be read goes to on_error(spec, message)
    as one line and never stops the others."""
    from onrecord.sources.fetch import Fetcher

    fetcher = Fetcher(allow_private=allow_private)
    try:
        for spec in specs:
            try:
                yield from iter_sources(spec, fetcher)
            except SourceError as error:
                on_error(spec, str(error))
            except Exception as error:  # noqa: BLE001 (a malformed source must not stop the others)
                reason = (str(error).strip().splitlines() or [""])[0][:300]
                on_error(spec, f"{spec}: cannot read ({type(error).__name__}: {reason})")
    finally:
        fetcher.close()
