"""Screenshot the HTML outputs in headless Chromium, next to the outputs themselves.

    python scripts/screenshots.py outputs/iraq-rawa-ana.html outputs/iraq-rawa-ana.email.html

writes, beside each file, a desktop screenshot, a dark-mode one and (for a web page)
a phone-sized one:

    outputs/iraq-rawa-ana.html.png       outputs/iraq-rawa-ana.email.png
    outputs/iraq-rawa-ana.html.dark.png  outputs/iraq-rawa-ana.email.dark.png
    outputs/iraq-rawa-ana.html.phone.png

It also checks what a reader would notice (an email that is not 600 px wide, anything
sticking out of the window, a network request, a console error) and exits 1 naming
the problem, so `make outputs` cannot commit a broken layout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import BrowserError, Chromium, PageReport

EMAIL_WIDTH = 600


def is_email(path: Path) -> bool:
    return path.name.endswith(".email.html")


def screenshot_base(path: Path) -> Path:
    """outputs/x.html -> outputs/x.html; outputs/x.email.html -> outputs/x.email."""
    return path.with_suffix("") if is_email(path) else path


def problems(report: PageReport, email: bool) -> list[str]:
    layout = report.layout
    found = []
    if report.outside_requests:
        found.append(f"network requests: {', '.join(report.outside_requests)}")
    if report.console:
        found.append(f"console: {'; '.join(report.console)}")
    if layout["outside"] or layout["documentWidth"] > layout["viewport"]:
        found.append(f"sticks out of the window: {', '.join(layout['outside'][:5])}")
    if layout["spilling"]:
        found.append(f"content spills out of its box: {', '.join(layout['spilling'][:5])}")
    if email and layout["emailWidth"] != EMAIL_WIDTH:
        found.append(f"email is {layout['emailWidth']} px wide, not {EMAIL_WIDTH}")
    return found


def shoot(browser: Chromium, path: Path) -> list[str]:
    """Take the screenshots of one file; return what is wrong with it."""
    email = is_email(path)
    base = screenshot_base(path)
    # An email is shown in a mail client's reading pane; a page in a laptop window.
    shots = [("", 700 if email else 1024, False, "light"), (".dark", 700 if email else 1024, False, "dark")]
    if not email:
        shots.append((".phone", 390, True, "light"))
    found = []
    for suffix, width, mobile, scheme in shots:
        report = browser.load(path, width=width, mobile=mobile, color_scheme=scheme)
        found += [f"{path} ({width} px, {scheme}): {problem}" for problem in problems(report, email)]
        target = browser.screenshot(base.with_name(f"{base.name}{suffix}.png"), width=width)
        print(f"wrote {target}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="HTML outputs (web page or .email.html)")
    args = parser.parse_args(argv)
    try:
        with Chromium() as browser:
            found = [problem for path in args.files for problem in shoot(browser, path)]
    except BrowserError as error:
        print(f"screenshots: {error}", file=sys.stderr)
        return 2
    for problem in found:
        print(f"screenshots: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
