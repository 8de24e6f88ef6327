"""Fetching under attack, against real HTTP servers on loopback: DNS rebinding, carrier-grade NAT, a page that
drips one byte at a time, a charset that is no text encoding."""
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import run_cli

from onrecord.sources.fetch import Fetcher, FetchError

PAGE = (b"<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>"
        b"<p>\xe2\x80\x9cWe will rebuild the harbour before winter,\xe2\x80\x9d Mayor Ada Quinn said on Monday.</p>"
        b"<p>Quinn said the works would start in March and end before the first storms.</p>"
        b"</article></body></html>")


class Server:
    """A real HTTP server on a loopback port that records every path asked for."""

    def __init__(self, handle):
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                hits.append(self.path)
                handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def send_page(handler, body=PAGE, content_type="text/html; charset=utf-8"):
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def server():
    running = Server(send_page)
    yield running
    running.close()


def _resolver_that_rebinds(monkeypatch, name, answers):
    """The system resolver, except that `name` gets the next of `answers` at each lookup (DNS rebinding)."""
    real = socket.getaddrinfo
    lookups = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == name:
            address = answers[min(len(lookups), len(answers) - 1)]
            lookups.append(address)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


def test_a_dns_answer_that_changes_after_the_check_never_reaches_loopback(server, monkeypatch):
    """Fault 5: the check resolved the name, then httpx resolved it again and connected to loopback."""
    lookups = _resolver_that_rebinds(monkeypatch, "rebind.test", ["93.184.215.14", "127.0.0.1"])
    fetcher = Fetcher(host_delay=0, retries=0, timeout=2, respect_robots=False)
    with pytest.raises(FetchError):
        fetcher.fetch(f"http://rebind.test:{server.port}/story.html")
    fetcher.close()
    assert server.hits == [], f"the private server was reached after lookups {lookups}"


def test_every_address_of_a_name_is_checked(server, monkeypatch):
    _resolver_that_rebinds(monkeypatch, "mixed.test", ["127.0.0.1"])
    fetcher = Fetcher(host_delay=0, retries=0, respect_robots=False)
    with pytest.raises(FetchError, match="private address 127.0.0.1"):
        fetcher.fetch(f"http://mixed.test:{server.port}/story.html")
    fetcher.close()
    assert server.hits == []


@pytest.mark.parametrize("address", ["100.64.0.1", "100.100.100.200", "198.18.0.1", "192.0.2.10", "::ffff:127.0.0.1"])
def test_carrier_grade_nat_and_other_non_global_ranges_are_refused(monkeypatch, address):
    """Fault 5: 100.64.0.0/10 (cloud metadata on some providers) was allowed."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "metadata.test":
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    fetcher = Fetcher(host_delay=0, retries=0, respect_robots=False, timeout=2)
    with pytest.raises(FetchError, match="private address"):
        fetcher.fetch("http://metadata.test/latest/meta-data/")
    fetcher.close()


def test_a_literal_carrier_grade_nat_address_is_refused_by_the_cli():
    result = run_cli("extract", "http://100.64.0.1/latest/meta-data/")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr
    assert "private address 100.64.0.1" in stderr and len(stderr.strip().splitlines()) == 1


def test_allow_private_still_reaches_loopback(server):
    fetcher = Fetcher(allow_private=True, host_delay=0, retries=0)
    assert fetcher.fetch(f"http://127.0.0.1:{server.port}/story.html").status == 200
    fetcher.close()


def _drip(handler, body=PAGE, every=0.5, headers_too=False):
    """A page sent one byte at a time: each read succeeds, so no per-read timeout ever fires."""
    head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    try:
        if headers_too:
            for byte in head:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(every)
        else:
            handler.wfile.write(head)
        for byte in body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(every)
    except (BrokenPipeError, ConnectionResetError):
        pass


@pytest.mark.parametrize("headers_too", [False, True])
def test_a_page_that_drips_a_byte_at_a_time_ends_at_the_deadline(headers_too):
    """Fault 4: only each read had a timeout, so a drip held `extract URL` for ever."""
    dripping = Server(lambda handler: _drip(handler, headers_too=headers_too))
    fetcher = Fetcher(allow_private=True, host_delay=0, retries=0, deadline=2, respect_robots=False)
    started = time.monotonic()
    with pytest.raises(FetchError, match="no complete answer within 2s"):
        fetcher.fetch(f"http://127.0.0.1:{dripping.port}/drip.html")
    assert time.monotonic() - started < 4
    fetcher.close()
    dripping.close()


@pytest.mark.parametrize("charset", ["idna", "rot13", "base64", "no-such-charset", '"utf-8"'])
def test_a_charset_that_is_no_text_encoding_decodes_as_utf8(charset):
    """Fault 4: charset=idna raised from Fetched.text() and stopped watch."""
    odd = Server(lambda handler: send_page(handler, content_type=f"text/html; charset={charset}"))
    fetcher = Fetcher(allow_private=True, host_delay=0, retries=0, respect_robots=False)
    fetched = fetcher.fetch(f"http://127.0.0.1:{odd.port}/odd.html")
    assert "Mayor Ada Quinn" in fetched.text()
    fetcher.close()
    odd.close()
