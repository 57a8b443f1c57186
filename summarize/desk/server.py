"""``serve``: the desk on a host and port, with uvicorn.

On 127.0.0.1 (the default) only this machine reaches the desk. Another address
reaches the network, where the desk would fetch URLs and spend CPU for anyone:
it needs a token, which every request must then carry (``app.Guard``): programs as
a header, browsers as the session cookie they get by typing it on /login (``login.py``).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

from ..errors import SummarizeError
from ..pipeline import Briefer
from .app import DeskSettings, create_app
from .storage import Store


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reached only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def check_binding(host: str, token: str | None) -> None:
    """``SummarizeError`` unless ``host`` is loopback or a token is set."""
    if not is_loopback(host) and not token:
        raise SummarizeError(
            f"--host {host} lets other machines in: give --token TOKEN (or set SUMMARIZE_TOKEN), "
            f"which programs then send as Authorization: Bearer TOKEN and people type on /login"
        )


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host``:``port``, or a one-line ``SummarizeError``
    (a port in use): uvicorn would log it and exit the process instead."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except (OSError, OverflowError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise SummarizeError(f"cannot listen on {host}:{port} ({reason})") from None
    return sock


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    db: str | None = None,
    token: str | None = None,
    allow_private_urls: bool = False,
    briefer: Briefer | None = None,
    ready: Callable[[str, Store], None] | None = None,
) -> None:
    """Run the desk until the process is interrupted (Ctrl-C, SIGTERM).

    The model is loaded before the server listens, so the first request is as
    fast as the others; ``ready`` is then called with the desk's address and its
    store (the CLI says where it is).
    """
    import uvicorn

    check_binding(host, token)
    sock = listen(host, port)
    try:
        store = Store(db)
        briefer = briefer or Briefer()
        briefer.summarizer  # noqa: B018 - loaded now, not by the first request
        app = create_app(store, briefer, DeskSettings(token=token or None, allow_private_urls=allow_private_urls))
        server = uvicorn.Server(
            uvicorn.Config(app, lifespan="on", server_header=False, proxy_headers=False, log_level="info")
        )
        shown = f"[{host}]" if ":" in host else host
        if ready is not None:
            ready(f"http://{shown}:{sock.getsockname()[1]}/", store)
        server.run(sockets=[sock])
        store.close()
    finally:
        sock.close()
