"""Headless Chromium over the DevTools protocol, with the standard library alone.

Chromium's ``--remote-debugging-pipe`` speaks the DevTools protocol (JSON messages,
each ended by a NUL byte) on file descriptors 3 (commands in) and 4 (replies and
events out), so no websocket client, no Playwright and no browser download are
needed: Debian's chromium is driven as it is. The PDF format prints with it
(``pdf.py``); the browser tests and ``scripts/screenshots.py`` add page loading,
layout reports and screenshots on top (``scripts/browser.py``).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BrowserError

__all__ = ["BrowserError", "Chromium", "find_chromium"]

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    """The Chromium executable: $CHROMIUM, else the first on PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)


# ``with`` gives the class it was called on (scripts/browser.py's subclass too).
_Browser = TypeVar("_Browser", bound="Chromium")


class Chromium:
    """One headless Chromium process and one page (tab) in it."""

    def __init__(self, executable: str | None = None, timeout: float = 30.0) -> None:
        executable = executable or find_chromium()
        if executable is None:
            raise BrowserError("chromium is not installed (Debian: apt-get install chromium)")
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="summarize-chromium-")
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def attach_pipes() -> None:  # in the child: the protocol's fixed descriptors
            # Move both ends out of the way first (either may be 3 or 4 already);
            # dup2 onto 3 and 4 then leaves them open across exec.
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        arguments = [
            executable,
            "--headless",
            "--remote-debugging-pipe",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--mute-audio",
            "--force-color-profile=srgb",
            f"--user-data-dir={self._profile.name}",
        ]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
        try:
            self.process = subprocess.Popen(
                [*arguments, "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=attach_pipes,
                close_fds=False,
            )
        except OSError as error:
            for descriptor in (commands_read, self._commands, self._replies, replies_write):
                os.close(descriptor)
            self._profile.cleanup()
            raise BrowserError(f"cannot start {executable} ({error.strerror or error})") from None
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Network", "Runtime", "Log"):
                self.call(f"{domain}.enable", session=self.session)
        except BrowserError:
            self.close()  # a browser that does not answer is not left running
            raise

    # --- protocol ---------------------------------------------------------------

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send a command and wait for its reply; events arriving meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._commands, json.dumps(message).encode() + b"\0")
        except OSError as error:  # the browser is gone: its end of the pipe is closed
            raise BrowserError(f"chromium exited (code {self.process.poll()}): {error.strerror or error}") from None
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def page(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.call(method, params, session=self.session)

    def wait_for(self, event: str) -> dict[str, Any]:
        while True:
            for index, message in enumerate(self._events):
                if message.get("method") == event:
                    return self._events.pop(index)
            self._events.append(self._receive())

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._replies], [], [], remaining)[0]:
                raise BrowserError(f"chromium did not answer within {self.timeout:.0f} s")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise BrowserError(f"chromium exited (code {self.process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def navigate(self, url: str) -> None:
        """Open ``url`` in the page and wait until it has loaded."""
        self._events.clear()
        self.page("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def print_pdf(self, html_file: Path) -> bytes:
        """``html_file`` printed to PDF as the browser prints it: the page's print
        stylesheet, A4, its backgrounds, no browser header or footer. Scripts are off
        (the briefing page has none; nothing that slipped past escaping may run)."""
        self.page("Emulation.setScriptExecutionDisabled", {"value": True})
        self.navigate(Path(html_file).resolve().as_uri())
        data = self.page(
            "Page.printToPDF",
            {
                "printBackground": True,
                "preferCSSPageSize": True,
                "displayHeaderFooter": False,
                "paperWidth": 8.27,
                "paperHeight": 11.69,
                "marginTop": 0.6,
                "marginBottom": 0.6,
                "marginLeft": 0.6,
                "marginRight": 0.6,
            },
        )["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for descriptor in (self._commands, self._replies):
            with contextlib.suppress(OSError):
                os.close(descriptor)
        self._profile.cleanup()

    def __enter__(self: _Browser) -> _Browser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
