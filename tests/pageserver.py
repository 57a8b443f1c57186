"""A local web server for the tests: pages on 127.0.0.1, never the internet.

    with serve({"/story.html": page(...)}) as base:
        fetch_url(base + "/story.html")

Each route is (status, content type, body bytes, delay in seconds before answering).
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from collections.abc import Iterator


def page(
    body: bytes | str, *, status: int = 200, content_type: str = "text/html; charset=utf-8", delay: float = 0.0
) -> tuple[int, str, bytes, float]:
    return status, content_type, body.encode() if isinstance(body, str) else body, delay


@contextlib.contextmanager
def serve(routes: dict[str, tuple[int, str, bytes, float]]) -> Iterator[str]:
    """Serve ``routes`` on a free port of 127.0.0.1; yields the base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's naming
            status, content_type, body, delay = routes.get(self.path, (404, "text/plain", b"not found", 0.0))
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeouts)
                pass

        def log_message(self, *args) -> None:  # keep test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def dead_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/story.html"
