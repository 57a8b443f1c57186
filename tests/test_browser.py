"""The page and the email in a real browser: Debian's headless Chromium.

Each output is loaded at the sizes readers use; the tests measure what Chromium laid
out (600 px email, nothing sticking out), record every network request (there must be
none), read the console (no errors, no blocked loads) and the colours in light and
dark mode, and take screenshots (kept in pytest's temporary directory; the committed
ones under outputs/ come from scripts/screenshots.py).

Chromium is installed by `make test` (apt-get install chromium). Without it these
tests skip, saying so, unless SUMMARIZE_REQUIRE_BROWSER=1 (set by `make test`), which
turns a missing browser (or npm, for the TimelineJS and axe-core tests) into a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from briefings import handmade_briefing, hostile_briefing, hostile_keydate_briefing, keydate_briefing
from chromiumfixture import unavailable
from summarize.rendering import render

LONG_WORDS = "https://example.com/" + "a-very-long-path-segment" * 12 + " " + "x" * 160


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The sample (and hostile long-word variants) in both HTML formats, as files."""
    directory = tmp_path_factory.mktemp("outputs")
    files = {}
    for name, briefing in [
        ("sample", handmade_briefing()),
        ("undated", handmade_briefing(dated=False)),
        ("long", hostile_briefing(LONG_WORDS)),
        ("keydates", keydate_briefing()),
        ("long keydates", hostile_keydate_briefing(LONG_WORDS)),
    ]:
        for format in ("html", "email"):
            path = directory / f"{name.replace(' ', '-')}.{format}.html"
            path.write_text(render(briefing, format, quotes=True), encoding="utf-8")
            files[name, format] = path
    return files


def assert_clean(report) -> None:
    layout = report.layout
    assert report.outside_requests == [], "network requests"
    assert report.console == [], "console messages"
    assert layout["outside"] == [], "elements outside the window"
    assert layout["spilling"] == [], "content spilling out of its box"
    assert layout["documentWidth"] <= layout["viewport"], "horizontal scrolling"


PAGE_SIZES = [
    pytest.param(1280, False, id="desktop"),
    pytest.param(768, False, id="tablet"),
    pytest.param(375, True, id="phone"),
]


@pytest.mark.parametrize("name", ["sample", "undated", "long", "keydates", "long keydates"])
@pytest.mark.parametrize("width, mobile", PAGE_SIZES)
def test_page_fits_every_window_and_loads_nothing(browser, outputs, name, width, mobile):
    report = browser.load(outputs[name, "html"], width=width, mobile=mobile)
    assert report.layout["viewport"] == width
    assert_clean(report)


@pytest.mark.parametrize("name", ["sample", "undated", "long", "keydates", "long keydates"])
def test_email_is_600px_and_loads_nothing(browser, outputs, name):
    report = browser.load(outputs[name, "email"], width=800)
    assert report.layout["emailWidth"] == 600
    assert_clean(report)


@pytest.mark.parametrize("name", ["sample", "long", "keydates", "long keydates"])
def test_email_shrinks_in_a_narrow_pane(browser, outputs, name):
    report = browser.load(outputs[name, "email"], width=360)
    assert report.layout["emailWidth"] <= 360
    assert_clean(report)


def test_page_prints_without_overflow(browser, outputs):
    report = browser.load(outputs["long", "html"], width=700, media="print")
    assert_clean(report)
    assert browser.evaluate("getComputedStyle(document.querySelector('.skip')).display") == "none"


def _luminance(color: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", color)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("name", ["sample", "keydates"])
@pytest.mark.parametrize("format", ["html", "email"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readable_in_light_and_dark_mode(browser, outputs, name, format, scheme):
    report = browser.load(outputs[name, format], width=800, color_scheme=scheme)
    colors = report.layout["colors"]
    background = _luminance(colors["background"])
    assert (background > 0.8) if scheme == "light" else (background < 0.05), colors
    assert _contrast(colors["text"], colors["background"]) >= 7, colors  # WCAG AAA for body text
    assert _contrast(colors["heading"], colors["background"]) >= 7, colors


def test_readers_see_the_timeline_in_order(browser, outputs):
    for format in ("html", "email"):
        text = browser.load(outputs["sample", format], width=800).layout["text"]
        positions = [
            text.index(label)
            for label in ("Early January 2014 onward", "Late Mon 9 Jun 2014 onward", "Sat 21 Jun 2014, evening")
        ]
        assert positions == sorted(positions)


def test_screenshots(browser, outputs, tmp_path):
    for format, width in (("html", 1024), ("email", 700)):
        browser.load(outputs["sample", format], width=width)
        png = browser.screenshot(tmp_path / f"{format}.png", width=width)
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == width  # the PNG header's width
        assert int.from_bytes(data[20:24], "big") > 1000  # the whole page, not the window


# --- the checks themselves can fail ------------------------------------------------


def test_a_network_request_is_caught(browser, tmp_path):
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/pixel.png" alt="">')
    report = browser.load(page, width=800)
    assert report.outside_requests == ["http://127.0.0.1:9/pixel.png"]
    assert report.blocked == {}


def test_the_page_policy_blocks_what_a_user_template_adds(browser, tmp_path):
    template = tmp_path / "leaky.html.j2"
    template.write_text('{% extends "page.html.j2" %}{% block nothing %}{% endblock %}')
    source = render(handmade_briefing(), "html", template=template)
    page = tmp_path / "leaky.html"
    page.write_text(source.replace("</main>", '<img src="http://127.0.0.1:9/pixel.png" alt=""></main>'))
    report = browser.load(page, width=800)
    assert report.blocked == {"http://127.0.0.1:9/pixel.png": "csp"}  # never sent...
    assert any("Content Security Policy" in line for line in report.console)  # ...and reported


def test_overflow_is_caught(browser, tmp_path):
    page = tmp_path / "wide.html"
    page.write_text('<!DOCTYPE html><title>x</title><table width="900"><tr><td>wide</td></tr></table>')
    report = browser.load(page, width=600)
    assert report.layout["outside"] and report.layout["documentWidth"] > 600


# --- TimelineJS itself loads the timelinejs output ---------------------------------

TIMELINEJS = "@knight-lab/timelinejs@3.9.11"
AXE = "axe-core@4.10.3"


def npm_package(request, spec: str, wanted: str) -> Path:
    """A file of an npm package, fetched once with `npm pack` (the registry's own
    client) into pytest's cache directory. Skips, saying why, without npm."""
    import tarfile

    name = spec.replace("/", "_").replace("@", "")
    if getattr(request.config, "cache", None) is not None:
        cache = Path(request.config.cache.mkdir(name))
    else:  # pytest -p no:cacheprovider
        cache = Path(tempfile.gettempdir()) / "summarize-npm" / name
        cache.mkdir(parents=True, exist_ok=True)
    path = cache / "package" / wanted
    if not path.is_file():
        if not shutil.which("npm"):
            unavailable(f"npm is not installed, so {spec} cannot be fetched (apt-get install npm)")
        packed = subprocess.run(
            ["npm", "pack", "--silent", spec], cwd=cache, capture_output=True, text=True, timeout=300
        )
        if packed.returncode != 0:
            unavailable(f"npm pack {spec} failed: {packed.stderr.strip()[-200:]}")
        with tarfile.open(cache / packed.stdout.strip().splitlines()[-1]) as archive:
            archive.extractall(cache, filter="data")
    return path


@pytest.fixture(scope="module")
def timelinejs(request):
    """TimelineJS's built files (or $TIMELINEJS_DIST, a directory holding js/timeline.js)."""
    if os.environ.get("TIMELINEJS_DIST"):
        return Path(os.environ["TIMELINEJS_DIST"])
    return npm_package(request, TIMELINEJS, "dist/js/timeline.js").parent.parent


# Waits until TimelineJS has drawn its markers, then reads what it made of the data.
_TIMELINEJS_STATE = """
new Promise(done => {
  const started = Date.now();
  const poll = () => {
    const markers = document.querySelectorAll('.tl-timemarker').length;
    if (!markers && Date.now() - started < 15000) return setTimeout(poll, 100);
    done({
      errors: window.timeline && timeline.config ? timeline.config.messages.errors : ['no timeline'],
      markers,
      title: (document.querySelector('.tl-slide-titleslide .tl-headline') || {}).textContent,
      dates: [...document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide) .tl-headline-date')]
               .map(e => e.textContent),
      headlines: [...document.querySelectorAll('.tl-timemarker-text')].map(e => e.textContent.trim()),
      scripts: document.querySelectorAll('#timeline script, #timeline img[onerror]').length,
    });
  };
  poll();
})
"""


def _timelinejs_page(directory: Path, dist: Path, data: str) -> Path:
    page = directory / "timelinejs.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>'
        f'<link rel="stylesheet" href="{(dist / "css" / "timeline.css").as_uri()}">'
        f'<script src="{(dist / "js" / "timeline.js").as_uri()}"></script></head>'
        '<body><div id="timeline" style="width: 1000px; height: 640px"></div>'
        f"<script>window.timeline = new TL.Timeline('timeline', {data});</script></body></html>",
        encoding="utf-8",
    )
    return page


def test_timelinejs_loads_the_output_as_is(browser, timelinejs, tmp_path):
    from rendered import HEADLINES, LABELS, TITLE

    data = render(handmade_briefing(), "timelinejs", quotes=True)
    browser.load(_timelinejs_page(tmp_path, timelinejs, data), width=1100, height=800)
    state = browser.evaluate(_TIMELINEJS_STATE)
    assert state["errors"] == []
    assert state["markers"] == 6
    assert state["title"] == TITLE
    assert state["dates"] == LABELS  # our labels, fuzzy ones included, in our order
    assert state["headlines"] == HEADLINES


def test_timelinejs_loads_a_key_date_briefing(browser, timelinejs, tmp_path):
    data = render(keydate_briefing(), "timelinejs")
    browser.load(_timelinejs_page(tmp_path, timelinejs, data), width=1100, height=800)
    state = browser.evaluate(_TIMELINEJS_STATE)
    assert state["errors"] == []
    assert state["markers"] == 3
    assert state["dates"] == ["Mon 9 Jun 2014", "Sun 22 Jun 2014", "Mon 23 Jun 2014"]


def test_timelinejs_shows_a_range_as_one_slide_with_its_end(browser, timelinejs, tmp_path):
    import datetime as dt
    import json

    from summarize import build_briefing
    from summarize.models import Article

    text = (
        "Ian Wright played for Arsenal as a striker from 1991 until 1998, scoring 185 goals. "
        "He was appointed a Member of the Order of the British Empire in 2000."
    )
    briefing = build_briefing([Article(text=text, source="wright.txt", date=dt.date(2015, 4, 10))])
    data = render(briefing, "timelinejs")
    slides = json.loads(data)["events"]
    assert [(s["start_date"].get("year"), (s.get("end_date") or {}).get("year")) for s in slides] == [
        (1991, 1998),
        (2000, None),
    ]
    browser.load(_timelinejs_page(tmp_path, timelinejs, data), width=1100, height=800)
    state = browser.evaluate(_TIMELINEJS_STATE)
    assert state["errors"] == []
    assert state["markers"] == 2
    assert state["dates"] == ["1991 to 1998", "2000"]


def test_timelinejs_shows_hostile_text_as_text(browser, timelinejs, tmp_path):
    payload = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    data = render(hostile_briefing(payload), "timelinejs", quotes=True)
    browser.load(_timelinejs_page(tmp_path, timelinejs, data), width=1100, height=800)
    state = browser.evaluate(_TIMELINEJS_STATE)
    assert state["errors"] == [] and state["scripts"] == 0
    assert state["headlines"][0] == f"Headline {payload}"
    assert state["dates"][0] == f"Label {payload}"
    assert browser.evaluate("window.pwned === undefined")


# --- an accessibility audit with axe-core -----------------------------------------


@pytest.fixture(scope="module")
def axe(request):
    return npm_package(request, AXE, "axe.min.js").read_text(encoding="utf-8")


def _audit(browser, axe: str) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the loaded page (the script is injected
    over the DevTools protocol, which the page's Content-Security-Policy allows)."""
    browser.evaluate(axe)
    return browser.evaluate("""
      axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})
         .then(result => result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))
    """)


@pytest.mark.parametrize("name", ["sample", "undated", "keydates"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_passes_an_accessibility_audit(browser, outputs, axe, name, scheme):
    browser.load(outputs[name, "html"], width=1024, color_scheme=scheme)
    assert _audit(browser, axe) == []


@pytest.mark.parametrize("name", ["sample", "keydates"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_email_passes_an_accessibility_audit(browser, outputs, axe, name, scheme):
    browser.load(outputs[name, "email"], width=800, color_scheme=scheme)
    # A fragment has no <html lang>, <title> or landmarks of its own: the mail client's
    # page supplies them.
    skipped = ("html-has-lang", "document-title", "landmark-one-main", "page-has-heading-one", "region")
    assert [v for v in _audit(browser, axe) if not v.startswith(skipped)] == []


def test_the_audit_finds_problems(browser, axe, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><title>x</title><main><p style="color:#ddd">faint</p></main></html>')
    browser.load(page, width=800)
    found = " ".join(_audit(browser, axe))
    assert "html-has-lang" in found and "color-contrast" in found
