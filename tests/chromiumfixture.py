"""The ``browser`` fixture: Debian's headless Chromium, driven over its DevTools pipe
(scripts/browser.py), one per test module (tests/test_browser.py, test_desk_browser.py).

A pytest plugin (tests/conftest.py's ``pytest_plugins``), so the test files name the
fixture without importing it. Chromium is installed by `make test` (apt-get install
chromium). Without it the tests skip, saying so, unless SUMMARIZE_REQUIRE_BROWSER=1
(set by `make test`), which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from browser import Chromium, find_chromium


def install_chromium() -> str | None:
    """Install Debian's chromium when we may (root with apt-get), as make test would."""
    if find_chromium() or os.geteuid() != 0 or not shutil.which("apt-get"):
        return find_chromium()
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        subprocess.run(command, env=environment, capture_output=True, timeout=900, check=False)
    return find_chromium()


def unavailable(reason: str) -> None:
    """Skip, saying why; in CI (SUMMARIZE_REQUIRE_BROWSER=1) fail instead."""
    if os.environ.get("SUMMARIZE_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    executable = install_chromium()
    if executable is None:
        unavailable("chromium is not installed and could not be installed (apt-get install chromium)")
    with Chromium(executable) as chromium:
        yield chromium
