"""No private addresses, checked where it counts: on the address the connection is made to.

Checking a host name and then letting the HTTP library resolve it again leaves a gap: a DNS answer that
changes in between (DNS rebinding) reaches loopback or the cloud metadata service. Here the name is resolved
once, every address it gives is checked (anything that is not globally routable is refused: private,
loopback, link-local, carrier-grade NAT 100.64.0.0/10, documentation and reserved ranges), and the socket
connects to the checked address itself. The hook is httpcore's network backend, under an httpx transport.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from contextlib import contextmanager
from contextvars import ContextVar

import httpcore
import httpx

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("onrecord_fetch_deadline", default=None)
"""(monotonic time, seconds allowed) of the fetch under way in this thread."""


class GuardError(Exception):
    """Why a connection was not made; one line, without the URL (the fetcher adds it)."""


def refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Anything but a globally routable unicast address (ipaddress's is_global covers 100.64.0.0/10 too)."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return not address.is_global or address.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """Every address the name has, in the resolver's order, resolved once."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise GuardError(f"host {host} not found") from None
    addresses = []
    for _family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    return addresses


class DeadlinePassed(GuardError):
    pass


@contextmanager
def deadline(seconds: float):
    """Every connect, read and write inside this block ends by then: a page that drips a byte at a time,
    headers included, cannot hold a fetch longer than seconds."""
    token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def _time_left(timeout: float | None) -> float | None:
    limit = _deadline.get()
    if limit is None:
        return timeout
    left = limit[0] - time.monotonic()
    if left <= 0:
        raise DeadlinePassed(f"no complete answer within {limit[1]:g}s")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write waits no longer than the fetch's deadline allows."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._stream.read(max_bytes, _time_left(timeout))
        except httpcore.ReadTimeout:
            _time_left(None)
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> "DeadlineStream":
        return DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, _time_left(timeout)))

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Resolve once, check every address, connect to a checked one."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = resolve(host, port)
        if not self.allow_private:
            for text in addresses:
                address = ipaddress.ip_address(text.split("%")[0])
                if refused(address):
                    raise GuardError(f"refused, {host} resolves to the private address {address} "
                                     "(use --allow-private to permit)")
        failure: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, _time_left(timeout), local_address, socket_options)
                return DeadlineStream(stream)
            except httpcore.ConnectError as error:
                failure = error
        raise failure or httpcore.ConnectError(f"no address for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport with the guarded backend under its connection pool. Environment proxies are not
    used: a proxy would make the connection, and the check would be on the proxy's address."""

    def __init__(self, allow_private: bool = False):
        super().__init__(trust_env=False)
        limits = httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(allow_private))
