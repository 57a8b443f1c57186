"""The desk served for real in the tests: uvicorn on a free port of 127.0.0.1, in a
thread, and a small HTTP client that returns what came back.

    with running(create_app(store, briefer)) as base:
        reply = call(base, "POST", "/api/briefings", {"texts": [...]})
        reply.status, reply.json, reply.headers["content-type"]

``FirstSentences`` stands in for the MiniLM summarizer where the summary does not
matter (the rest of the pipeline is real): its summary is the article's first
sentences; given a ``threading.Event`` it waits for it first, so a test can see a
briefing while it runs.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import uvicorn

from summarize.models import Article, Summary
from summarize.sentences import split_sentences


class FirstSentences:
    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate

    def summarize(self, article: Article, *, sentences: int = 3, words: int | None = None) -> Summary:
        if self.gate is not None:
            assert self.gate.wait(30), "the test never opened the gate"
        chosen = tuple(split_sentences(article.text)[:sentences])
        return Summary(text=" ".join(s.text for s in chosen), method="test: first sentences", sentences=chosen)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(app: Any, **options: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free port; yields the base URL. ``options``
    go to uvicorn (``ssl_certfile`` and ``ssl_keyfile``: served over https)."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", **options)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"{'https' if options.get('ssl_certfile') else 'http'}://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str

    @property
    def json(self) -> Any:
        return json.loads(self.text)


def call(
    base: str,
    method: str,
    path: str,
    body: Any = None,
    *,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
    token: str | None = None,
    timeout: float = 60,
) -> Reply:
    """One HTTP request; ``body`` is sent as JSON, ``raw`` as it is."""
    scheme, _, address = base.partition("://")
    host, port = address.split(":")
    if scheme == "https":  # the tests' own certificate, made for the test: not checked
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, int(port), timeout=timeout, context=ssl._create_unverified_context()
        )
    else:
        connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    headers = dict(headers or {})
    if body is not None:
        raw = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    try:
        connection.request(method, path, body=raw, headers=headers)
        response = connection.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8"))
    finally:
        connection.close()


def wait_for(base: str, id: int, *, status: str = "done", timeout: float = 60, token: str | None = None) -> Reply:
    """Poll a briefing until it has ``status``."""
    deadline = time.monotonic() + timeout
    while True:
        reply = call(base, "GET", f"/api/briefings/{id}", token=token)
        if reply.json.get("status") == status:
            return reply
        assert time.monotonic() < deadline, f"briefing {id} is still {reply.json.get('status')}"
        time.sleep(0.05)


# The desk on a SQLite file of the test's own, serving with the stand-in summarizer:
# the fixtures the API and page tests share (tests/conftest.py loads this module as
# a plugin, so a test names them as arguments without importing them).
@pytest.fixture
def store(tmp_path):
    from summarize.desk.storage import Store

    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    yield store
    store.close()


@pytest.fixture
def desk(store):
    from summarize.desk.app import create_app
    from summarize.pipeline import Briefer

    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as base:
        yield base
