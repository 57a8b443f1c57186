"""Drive Debian's headless Chromium over the DevTools protocol, with no extra packages.

Chromium's ``--remote-debugging-pipe`` speaks the DevTools protocol (JSON messages,
each ended by a NUL byte) on file descriptors 3 (commands in) and 4 (replies and
events out), so the standard library is enough: no websocket client, no Playwright,
no browser download. The browser tests and ``scripts/screenshots.py`` use it to load
an output file, measure its layout, record every network request it makes and take
screenshots.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    """The Chromium executable: $CHROMIUM, else the first on PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)


class BrowserError(RuntimeError):
    """Chromium could not be started, or did not answer in time."""


# Reads the rendered page: where everything is, and what sticks out of the viewport
# or out of its own box (a long word in a table cell widens the whole email).
_LAYOUT_SCRIPT = """
(() => {
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const describe = (el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '');
  const outside = [], spilling = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > viewport + 0.5 || box.left < -0.5) outside.push(describe(el) + ` [${Math.round(box.left)}..${Math.round(box.right)}]`);
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1 && getComputedStyle(el).display !== 'inline') {
      spilling.push(describe(el) + ` [${el.scrollWidth} > ${el.clientWidth}]`);
    }
  }
  const email = document.querySelector('table.briefing');
  const style = (selector, property) => {
    const el = document.querySelector(selector);
    return el ? getComputedStyle(el)[property] : null;
  };
  return {
    viewport, documentWidth: root.scrollWidth, documentHeight: root.scrollHeight,
    outside, spilling,
    emailWidth: email ? email.getBoundingClientRect().width : null,
    colors: {
      background: style(email ? 'table.briefing' : 'body', 'backgroundColor'),
      text: style(email ? '.headline' : '.headline', 'color'),
      heading: style('h1', 'color'),
    },
    text: document.body.innerText,
  };
})()
"""


@dataclass
class PageReport:
    """What loading one page did: its layout, the network requests, the console."""

    url: str
    layout: dict[str, Any]
    requests: list[str] = field(default_factory=list)
    blocked: dict[str, str] = field(default_factory=dict)  # url -> why Chromium did not send it
    console: list[str] = field(default_factory=list)

    @property
    def outside_requests(self) -> list[str]:
        """Requests for anything but the page itself, sent or attempted: every one
        would be a network request (or a blocked one) in the reader's client."""
        return [url for url in self.requests if url != self.url]


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
            executable, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
            "--mute-audio", "--force-color-profile=srgb", f"--user-data-dir={self._profile.name}",
        ]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
        self.process = subprocess.Popen(arguments + ["about:blank"], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        preexec_fn=attach_pipes, close_fds=False)
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=self.session)

    # --- protocol ---------------------------------------------------------------

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send a command and wait for its reply; events arriving meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
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

    # --- what the tests and the screenshot script need ----------------------------

    def load(self, path: Path | str, *, width: int, height: int = 900, mobile: bool = False,
             color_scheme: str = "light", media: str = "screen") -> PageReport:
        """Open a file at a viewport size and report its layout, requests and console.

        ``mobile`` emulates a phone (the page's viewport meta tag applies); without it
        the window is simply ``width`` pixels wide, like a narrow mail client pane.
        """
        url = Path(path).resolve().as_uri()
        self.page("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        self.page("Emulation.setEmulatedMedia",
                  {"media": media, "features": [{"name": "prefers-color-scheme", "value": color_scheme}]})
        self._events.clear()
        self.page("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        layout = self.evaluate(_LAYOUT_SCRIPT)
        report = PageReport(url=url, layout=layout)
        urls: dict[str, str] = {}
        for message in self._events:
            params = message.get("params", {})
            if message.get("method") == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
                urls[params["requestId"]] = params["request"]["url"]
            elif message.get("method") == "Network.loadingFailed" and params.get("blockedReason"):
                report.blocked[urls.get(params["requestId"], "?")] = params["blockedReason"]
            elif message.get("method") == "Log.entryAdded":
                report.console.append(f"{params['entry']['level']}: {params['entry']['text']}")
            elif message.get("method") == "Runtime.exceptionThrown":
                report.console.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif message.get("method") == "Runtime.consoleAPICalled":
                report.console.append(f"console.{params['type']}")
        return report

    def evaluate(self, expression: str) -> Any:
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, target: Path, *, width: int) -> Path:
        """A PNG of the whole page as loaded last, at ``width`` CSS pixels."""
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        data = self.page("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        })["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        return target

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for descriptor in (self._commands, self._replies):
            try:
                os.close(descriptor)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
