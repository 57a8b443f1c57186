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
import socket
import threading
import time

import pytest

from pageserver import page, serve
from summarize.errors import InputError
from summarize.inputs import netguard
from summarize.inputs.web import fetch_url


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True), ("8.8.8.8", True), ("2606:4700:4700::1111", True),
    ("127.0.0.1", False), ("127.8.9.10", False), ("10.1.2.3", False), ("172.16.0.1", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("224.0.0.1", False), ("239.255.255.250", False), ("240.0.0.1", False), ("255.255.255.255", False),
    ("::1", False), ("::", False), ("fe80::1", False), ("fe80::1%2", False), ("fc00::1", False), ("ff02::1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:169.254.169.254", False), ("::ffff:8.8.8.8", True),
    ("2001:db8::1", False),
])
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
        assert str(error.value) == (f"{base}/story.html: could not fetch (127.0.0.1 is not a public address; "
                                    f"--allow-private-urls allows it)")
        assert fetch_url(base + "/story.html", allow_private=True).body == b"<p>hello</p>"


def test_a_name_is_checked_by_the_addresses_it_resolves_to():
    with pytest.raises(InputError, match=r"could not fetch \(localhost \((127\.0\.0\.1|::1)\) is not a public"):
        fetch_url("http://localhost:9/")


@pytest.mark.parametrize(("target", "reason"), [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not a public address"),
    ("http://[::ffff:169.254.169.254]/", "::ffff:169.254.169.254 is not a public address"),
    ("http://10.0.0.1:8080/admin", "10.0.0.1 is not a public address"),
    ("ftp://127.0.0.1/", "redirected to a non-web address (ftp:)"),
    ("file:///etc/passwd", "redirected to a non-web address (file:)"),
])
def test_every_redirect_is_checked_before_connecting(loopback_is_public, target, reason):
    with redirector({"/story": target}) as base, pytest.raises(InputError) as error:
        fetch_url(base + "/story")
    assert str(error.value) == f"{base}/story: could not fetch ({reason}" + (
        "; --allow-private-urls allows it)" if "public" in reason else ")")
    assert loopback_is_public == ["127.0.0.1"]   # the redirect's target was never connected to


def test_redirects_are_followed_on_the_web_and_capped(loopback_is_public):
    hops = {f"/r{i}": f"{{base}}/r{i + 1}" for i in range(netguard.MAX_REDIRECTS + 1)}
    with redirector({**hops, "/ok": "{base}/page", "/page": (200, b"<p>here</p>"), "/loop": "{base}/loop"}) as base:
        assert fetch_url(base + "/ok").body == b"<p>here</p>"
        for start in ("/r0", "/loop"):
            with pytest.raises(InputError) as error:
                fetch_url(base + start)
            assert str(error.value) == (f"{base}{start}: could not fetch (a redirect loop, or more than "
                                        f"{netguard.MAX_REDIRECTS} redirects)")


def test_a_jsonl_url_is_guarded_like_a_command_line_url(tmp_path):
    from test_cli import run

    with serve({"/story.html": page("<html><body><p>" + "Text of the story. " * 20 + "</p></body></html>")}) as base:
        corpus = tmp_path / "c.jsonl"
        corpus.write_text(json.dumps({"url": base + "/story.html"}) + "\n")
        refused = run("brief", "--jsonl", str(corpus), "--format", "json")
        allowed = run("brief", "--jsonl", str(corpus), "--format", "json", "--allow-private-urls")
    assert refused.returncode == 2
    assert refused.stderr.decode() == (f"summarize: error: {base}/story.html: could not fetch (127.0.0.1 is not a "
                                       f"public address; --allow-private-urls allows it)\n")
    assert allowed.returncode == 0, allowed.stderr.decode()


@pytest.mark.parametrize("stage", ["headers", "body with length", "body without length"])
def test_the_timeout_bounds_the_whole_fetch(stage):
    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            try:
                if stage == "headers":   # a header line a byte at a time
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
                for _ in range(100):     # each byte well within a read timeout, the whole far beyond
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
