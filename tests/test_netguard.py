"""Fetching treats a URL as hostile: public addresses only (on every redirect too),
http and https only, a capped number of redirects, one deadline for the whole fetch.

Real servers on 127.0.0.1 play the part of the internet; to test what a public
server could redirect to, ``is_public`` is told to take 127.0.0.1 for public, and
every connection made is recorded.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import socket
import ssl
import threading
import time
from pathlib import Path

import pytest

from pageserver import page, serve
from summarize.errors import InputError
from summarize.inputs import netguard
from summarize.inputs.web import fetch_url


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("239.255.255.250", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fe80::1%2", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:169.254.169.254", False),
        ("::ffff:8.8.8.8", True),
        ("::ffff:224.0.0.1", False),  # read as IPv6 it would be public: ipaddress calls it global
        ("2001:db8::1", False),
    ],
)
def test_is_public(address, public):
    assert netguard.is_public(address) is public


@contextlib.contextmanager
def redirector(routes: dict[str, str | tuple[int, bytes]]):
    """A server whose routes either redirect (302 to a Location) or answer HTML."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            target = routes.get(self.path, (404, b"not found"))
            if isinstance(target, str):
                self.send_response(302)
                self.send_header("Location", target.replace("{base}", base))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status, body = target
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def loopback_is_public(monkeypatch):
    """127.0.0.1 stands for a public server; the connections made are recorded."""
    real_is_public, real_connect = netguard.is_public, socket.create_connection
    connections = []
    monkeypatch.setattr(netguard, "is_public", lambda a: a == "127.0.0.1" or real_is_public(a))

    def connect(address, *args, **kwargs):
        connections.append(address[0])
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(netguard.socket, "create_connection", connect)
    return connections


def test_private_addresses_are_refused_by_default():
    with serve({"/story.html": page("<p>hello</p>")}) as base:
        with pytest.raises(InputError) as error:
            fetch_url(base + "/story.html")
        assert str(error.value) == (
            f"{base}/story.html: could not fetch (127.0.0.1 is not a public address; --allow-private-urls allows it)"
        )
        assert fetch_url(base + "/story.html", allow_private=True).body == b"<p>hello</p>"


def test_a_name_is_checked_by_the_addresses_it_resolves_to():
    with pytest.raises(InputError, match=r"could not fetch \(localhost \((127\.0\.0\.1|::1)\) is not a public"):
        fetch_url("http://localhost:9/")


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not a public address"),
        ("http://[::ffff:169.254.169.254]/", "::ffff:169.254.169.254 is not a public address"),
        ("http://10.0.0.1:8080/admin", "10.0.0.1 is not a public address"),
        ("ftp://127.0.0.1/", "redirected to a non-web address (ftp:)"),
        ("file:///etc/passwd", "redirected to a non-web address (file:)"),
    ],
)
def test_every_redirect_is_checked_before_connecting(loopback_is_public, target, reason):
    with redirector({"/story": target}) as base, pytest.raises(InputError) as error:
        fetch_url(base + "/story")
    assert str(error.value) == f"{base}/story: could not fetch ({reason}" + (
        "; --allow-private-urls allows it)" if "public" in reason else ")"
    )
    assert loopback_is_public == ["127.0.0.1"]  # the redirect's target was never connected to


def test_redirects_are_followed_on_the_web_and_capped(loopback_is_public):
    hops = {f"/r{i}": f"{{base}}/r{i + 1}" for i in range(netguard.MAX_REDIRECTS + 1)}
    with redirector({**hops, "/ok": "{base}/page", "/page": (200, b"<p>here</p>"), "/loop": "{base}/loop"}) as base:
        assert fetch_url(base + "/ok").body == b"<p>here</p>"
        for start in ("/r0", "/loop"):
            with pytest.raises(InputError) as error:
                fetch_url(base + start)
            assert str(error.value) == (
                f"{base}{start}: could not fetch (a redirect loop, or more than {netguard.MAX_REDIRECTS} redirects)"
            )


def test_a_jsonl_url_is_guarded_like_a_command_line_url(tmp_path):
    from test_cli import run

    with serve({"/story.html": page("<html><body><p>" + "Text of the story. " * 20 + "</p></body></html>")}) as base:
        corpus = tmp_path / "c.jsonl"
        corpus.write_text(json.dumps({"url": base + "/story.html"}) + "\n")
        refused = run("brief", "--jsonl", str(corpus), "--format", "json")
        allowed = run("brief", "--jsonl", str(corpus), "--format", "json", "--allow-private-urls")
    assert refused.returncode == 2
    assert refused.stderr.decode() == (
        f"summarize: error: {base}/story.html: could not fetch (127.0.0.1 is not a "
        f"public address; --allow-private-urls allows it)\n"
    )
    assert allowed.returncode == 0, allowed.stderr.decode()


@pytest.mark.parametrize("stage", ["headers", "body with length", "body without length"])
def test_the_timeout_bounds_the_whole_fetch(stage):
    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            try:
                if stage == "headers":  # a header line a byte at a time
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    for byte in b"X-Slow: " + b"x" * 100:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.05)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                if stage == "body with length":
                    self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100):  # each byte well within a read timeout, the whole far beyond
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        with pytest.raises(InputError, match=r"could not fetch \(timeout after 0\.5 s\)$"):
            fetch_url(f"http://127.0.0.1:{server.server_address[1]}/", timeout=0.5, allow_private=True)
        assert time.monotonic() - start < 1.5
    finally:
        server.shutdown()
        server.server_close()


# --- https: the same guard, and the certificate checked ----------------------------------

# A self-signed certificate for 127.0.0.1 and localhost, valid until 2126, made with
#   openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost
#     -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -addext basicConstraints=critical,CA:TRUE
TLS = Path(__file__).resolve().parent / "data" / "tls"


@contextlib.contextmanager
def https_server(handler: type[http.server.BaseHTTPRequestHandler]):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "localhost.pem", TLS / "localhost.key")
    # The handshake in the request's thread, not in the accepting one, which a client
    # that never finishes it would otherwise stop.
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Story(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<p>over https</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def trusted_test_certificate(monkeypatch):
    """The test server's certificate is trusted, as a certificate authority's is."""
    context = ssl.create_default_context(cafile=TLS / "localhost.pem")
    monkeypatch.setattr(ssl, "_create_default_https_context", lambda: context)


def test_https_is_fetched_through_the_same_guard(trusted_test_certificate, loopback_is_public):
    with https_server(Story) as base:
        fetched = fetch_url(base + "/story.html")
    assert (fetched.body, fetched.url, fetched.content_type) == (
        b"<p>over https</p>",
        base + "/story.html",
        "text/html",
    )
    assert loopback_is_public == ["127.0.0.1"]  # connected by the guard, to the address it checked


def test_https_to_a_private_address_is_refused(trusted_test_certificate):
    with https_server(Story) as base, pytest.raises(InputError) as error:
        fetch_url(base + "/story.html")
    assert str(error.value) == (
        f"{base}/story.html: could not fetch (127.0.0.1 is not a public address; --allow-private-urls allows it)"
    )


def test_an_untrusted_certificate_is_refused():
    with (
        https_server(Story) as base,
        pytest.raises(
            InputError,
            match=r"could not fetch \(\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: self.signed certificate",
        ),
    ):
        fetch_url(base + "/story.html", allow_private=True)


@pytest.mark.parametrize("stage", ["headers", "body"])
def test_the_timeout_bounds_an_https_fetch(trusted_test_certificate, stage):
    # A byte every 0.05 s: each read is quick, the whole would take 5 s. While the
    # headers drip in, only the deadline's timer can stop the fetch, and it must shut
    # the TLS socket (the plain one it was made from is gone).
    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            try:
                if stage == "headers":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    self.wfile.flush()
                    chunks = [bytes([byte]) for byte in b"X-Slow: " + b"x" * 100]
                else:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    chunks = [b"x"] * 100
                for chunk in chunks:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                pass

        def log_message(self, *args):
            pass

    with https_server(Drip) as base:
        start = time.monotonic()
        with pytest.raises(InputError, match=r"could not fetch \(timeout after 0\.5 s\)$"):
            fetch_url(base + "/", timeout=0.5, allow_private=True)
        assert time.monotonic() - start < 1.5


def test_relative_and_https_redirects_are_followed(trusted_test_certificate, loopback_is_public):
    with https_server(Story) as secure:
        routes = {"/relative": "/page", "/page": (200, b"<p>here</p>"), "/secure": secure + "/story.html"}
        with redirector(routes) as base:
            assert fetch_url(base + "/relative").body == b"<p>here</p>"
            fetched = fetch_url(base + "/secure")
    assert (fetched.body, fetched.url) == (b"<p>over https</p>", secure + "/story.html")


def test_a_redirect_by_the_old_uri_header_is_checked_too(loopback_is_public):
    class Uri(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("URI", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Uri)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/story"
    try:
        with pytest.raises(InputError) as error:
            fetch_url(url)
    finally:
        server.shutdown()
        server.server_close()
    assert str(error.value) == f"{url}: could not fetch (redirected to a non-web address (file:))"


def test_a_name_that_does_not_resolve_is_one_line():
    url = "http://no-such-host.invalid/story.html"  # .invalid never resolves (RFC 2606)
    with pytest.raises(InputError) as error:
        fetch_url(url)
    assert re.fullmatch(
        rf"{re.escape(url)}: could not fetch \(cannot resolve no-such-host\.invalid: \S.*\)", str(error.value)
    ), str(error.value)


def test_the_timeout_bounds_connecting_to_a_server_that_never_accepts():
    # A listening socket whose queue is full: the kernel drops further connection
    # requests, and connect() would wait minutes for an answer.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        queued = []
        for _ in range(3):
            client = socket.socket()
            client.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                client.connect(server.getsockname())
            queued.append(client)
        time.sleep(0.1)
        try:
            start = time.monotonic()
            with pytest.raises(InputError, match=r"could not fetch \(timeout after 0\.5 s\)$"):
                fetch_url(f"http://127.0.0.1:{server.getsockname()[1]}/", timeout=0.5, allow_private=True)
            assert time.monotonic() - start < 1.5
        finally:
            for client in queued:
                client.close()


def test_a_redirect_to_a_malformed_url_is_one_line(loopback_is_public):
    with redirector({"/story": "http://[bad/story.html"}) as base, pytest.raises(InputError) as error:
        fetch_url(base + "/story")
    assert str(error.value) == f"{base}/story: could not fetch (Invalid IPv6 URL)"


# mutation tests 3: hl


def test_a_name_that_resolves_to_no_address_is_one_line_hl(monkeypatch):
    # getaddrinfo normally raises for a name without addresses; a resolver that
    # answers with an empty list must not reach addresses[0] (an IndexError)
    monkeypatch.setattr(netguard.socket, "getaddrinfo", lambda *args, **kwargs: [])
    url = "http://news.example.com/story.html"
    with pytest.raises(InputError) as error:
        fetch_url(url)
    assert str(error.value) == f"{url}: could not fetch (cannot resolve news.example.com)"
