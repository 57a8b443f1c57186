"""Connections for fetching pages: public addresses only, and one deadline per fetch.

A URL is input, and input is hostile. ``fetch_url`` (``web.py``) opens URLs only
through ``opener(policy)``, which

1. resolves the host itself and refuses it when any of its addresses is not on the
   public internet (loopback, private, link-local such as the cloud metadata address
   169.254.169.254, shared, multicast, reserved, unspecified; IPv4 and IPv6, with
   IPv4-mapped forms such as ``::ffff:127.0.0.1`` read as their IPv4 address), then
   connects to the address it checked, so a second lookup cannot swap it
   (DNS rebinding). ``allow_private=True`` (``--allow-private-urls``) lifts the
   check for intranet users;
2. does this on every connection: the first request and every redirect, which must
   stay on http or https (a redirect to ``ftp://`` or ``file://`` is refused before
   anything is opened) and are capped at ``MAX_REDIRECTS``;
3. bounds the whole fetch (connect, headers, body) by one deadline: a socket timeout
   only bounds each read, and a server sending a byte a second never trips it; a
   timer shuts the connection when the deadline passes;
4. uses no proxy from the environment (a proxy would resolve and connect on our
   behalf, past the address check) and no handler but http and https.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import ipaddress
import socket
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import IO, Any

MAX_REDIRECTS = 5


class Refused(Exception):
    """A connection the policy refuses; the message says why, for one line."""


@dataclass
class FetchPolicy:
    """What one fetch may reach and until when (``deadline`` on the monotonic clock)."""

    timeout: float
    allow_private: bool = False
    deadline: float = 0.0
    expired: bool = False
    _sockets: list = field(default_factory=list)
    _timer: threading.Timer | None = None

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.timeout

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("deadline passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` when the deadline passes (one timer serves every socket)."""
        self._sockets.append(sock)
        if self._timer is None:
            self._timer = threading.Timer(self.remaining(), self._expire)
            self._timer.daemon = True
            self._timer.start()

    def _expire(self) -> None:
        self.expired = True
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def checked_address(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to for ``host``: every address it resolves to must be
    public unless the policy allows private ones."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise Refused(f"cannot resolve {host}: {error.strerror}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))  # (an IP address string)
    if not addresses:
        raise Refused(f"cannot resolve {host}")
    if not policy.allow_private:
        for address in addresses:
            if not is_public(address):
                shown = host if host == address else f"{host} ({address})"
                raise Refused(f"{shown} is not a public address; --allow-private-urls allows it")
    return addresses[0]


def _connect(connection: http.client.HTTPConnection, policy: FetchPolicy) -> socket.socket:
    address = checked_address(connection.host, connection.port, policy)
    # Connecting may take what is left of the deadline; each later read is bounded
    # by that too, and the timer shuts the socket when the deadline passes.
    sock = socket.create_connection((address, connection.port), policy.remaining())
    policy.watch(sock)
    return sock


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, policy: FetchPolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policy = policy

    def connect(self) -> None:
        self.sock = _connect(self, self.policy)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, policy: FetchPolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policy = policy

    def connect(self) -> None:
        sock = _connect(self, self.policy)
        # http.client's own TLS context (typeshed leaves the private attribute out).
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]
        self.policy.watch(self.sock)


# urllib's handlers make a connection of the class they are given (its policy bound).
class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__()
        self.policy = policy

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_GuardedHTTPConnection, policy=self.policy), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__()
        self.policy = policy

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # No TLS context given: http.client makes its default one (certificates checked).
        return self.do_open(functools.partial(_GuardedHTTPSConnection, policy=self.policy), req)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: http.client.HTTPMessage
    ) -> http.client.HTTPResponse | None:
        # Checked here, before urllib's own check (which calls a redirect to file:
        # an HTTP error) and before any handler could open the target.
        location = headers.get("location") or headers.get("uri")
        if location:
            scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, location)).scheme.lower()
            if scheme not in ("http", "https"):
                raise Refused(f"redirected to a non-web address ({scheme}:)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def opener(policy: FetchPolicy) -> urllib.request.OpenerDirector:
    """An opener with only the guarded http and https handlers (no proxies, no
    file://, ftp:// or data: handlers) and checked, capped redirects."""
    director = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.UnknownHandler(),
        _HTTPHandler(policy),
        _HTTPSHandler(policy),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        director.add_handler(handler)
    return director
