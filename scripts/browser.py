"""Drive Debian's headless Chromium over the DevTools protocol, with no extra packages.

The protocol itself is the library's (``summarize/rendering/chromium.py``, which prints the
PDF format); this adds what the browser tests and ``scripts/screenshots.py`` need:
load an output file, measure its layout, record every network request it makes
and take screenshots.
"""

from __future__ import annotations

import base64
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout's summarize, run from anywhere
from summarize.rendering.chromium import BrowserError, Chromium as _Chromium, find_chromium

__all__ = ["BrowserError", "Chromium", "PageReport", "find_chromium"]


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


class Chromium(_Chromium):
    """One headless Chromium process and one page (tab) in it, with the tests' tools."""

    # --- what the tests and the screenshot script need ----------------------------

    def load(
        self,
        path: Path | str,
        *,
        width: int,
        height: int = 900,
        mobile: bool = False,
        color_scheme: str = "light",
        media: str = "screen",
    ) -> PageReport:
        """Open a file at a viewport size and report its layout, requests and console.

        ``mobile`` emulates a phone (the page's viewport meta tag applies); without it
        the window is simply ``width`` pixels wide, like a narrow mail client pane.
        """
        url = str(path) if str(path).startswith(("http://", "https://")) else Path(path).resolve().as_uri()
        self.page(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.page(
            "Emulation.setEmulatedMedia",
            {"media": media, "features": [{"name": "prefers-color-scheme", "value": color_scheme}]},
        )
        self.navigate(url)
        return self._report(url)

    def act(self, script: str) -> PageReport:
        """Run ``script`` in the page (a click that posts a form, a link followed), wait
        for the page it leads to, and report that page."""
        self._events.clear()
        self.evaluate(script)
        self.wait_for("Page.loadEventFired")
        return self._report(self.evaluate("location.href"))

    def set_files(self, selector: str, paths: list[Path]) -> None:
        """Choose ``paths`` in the file input ``selector``, as a user would."""
        found = self.page("Runtime.evaluate", {"expression": f"document.querySelector({json.dumps(selector)})"})
        self.page(
            "DOM.setFileInputFiles",
            {"files": [str(Path(p).resolve()) for p in paths], "objectId": found["result"]["objectId"]},
        )

    def allow_clipboard(self, origin: str) -> None:
        """Let pages of ``origin`` write and read the clipboard (a user's click would ask)."""
        self.call(
            "Browser.grantPermissions",
            {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )
        self.page("Emulation.setFocusEmulationEnabled", {"enabled": True})

    def _report(self, url: str) -> PageReport:
        """What the page loaded last did: its layout, requests and console since."""
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
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, target: Path, *, width: int) -> Path:
        """A PNG of the whole page as loaded last, at ``width`` CSS pixels."""
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        data = self.page(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        return target
